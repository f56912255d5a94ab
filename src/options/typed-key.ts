/**
 * The key as the reviewer meant it: without the spaces around it, and without the quotes a key
 * copied from a `.env` file or a JSON document often brings (`"persona_sandbox_…"`). A key has
 * no quotes of its own (Persona's keys are letters, digits, `_` and `-`), so a pair around it is
 * never part of it. Anything else is left for the background's check of the key's shape.
 */
export function typedKey(field: string): string {
  const trimmed = field.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(trimmed);
  return quoted ? (quoted[2] ?? '').trim() : trimmed;
}

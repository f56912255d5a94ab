/**
 * The key as the reviewer meant it: without the spaces around it, and without the quotes a key
 * copied from a `.env` file, a JSON document or a chat often brings (`"persona_sandbox_…"`). A key has
 * no quotes of its own (Persona's keys are letters, digits, `_` and `-`), so a pair around it is
 * never part of it. Anything else is left for the background's check of the key's shape.
 */
export function typedKey(field: string): string {
  const trimmed = field.trim();
  // Straight quotes, and the curly and angle ones a chat or a word processor makes of them.
  const inner = /^(?:"(.*)"|'(.*)'|`(.*)`|“(.*)”|‘(.*)’|„(.*)“|«(.*)»)$/s
    .exec(trimmed)
    ?.slice(1)
    .find((part) => part !== undefined)
    ?.trim();
  // Quotes around nothing are left as typed: taken off, the field would read as empty, and Test
  // connection would try the saved key instead, without a word.
  return inner ? inner : trimmed;
}

// The one test for "a JSON object" (not null, not a list) that stored values, their checks and
// Persona's bodies all use.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

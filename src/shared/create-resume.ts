// How long a create sent and not answered may still be asked after under its Idempotency-Key:
// Persona keeps a key's answer at least 24 hours (docs/persona.md, Idempotency), so a day less an
// hour. Later, the same key may make a second inquiry.
export const RESUME_WITHIN_MS = 23 * 3_600_000;

// The person fields a reviewer may prefill on "Create", listed once: the request schema, the
// stored draft, the form check and the background's mapping to Persona's field keys all read this.
import * as z from 'zod/mini';

export const prefillFields = {
  nameFirst: { personaKey: 'name_first', maxLength: 200 },
  nameLast: { personaKey: 'name_last', maxLength: 200 },
  emailAddress: { personaKey: 'email_address', maxLength: 200 },
  phoneNumber: { personaKey: 'phone_number', maxLength: 50 },
} as const;

export type PrefillKey = keyof typeof prefillFields;
export const prefillKeys = Object.keys(prefillFields) as PrefillKey[];
export type Prefill = Partial<Record<PrefillKey, string>>;

/** What a request may carry: each field optional and bounded. */
export const prefillSchema = z.object(
  Object.fromEntries(
    prefillKeys.map((key) => [
      key,
      z.optional(z.string().check(z.maxLength(prefillFields[key].maxLength))),
    ]),
  ) as Record<PrefillKey, z.ZodMiniOptional<z.ZodMiniString>>,
);

/** The draft's copy: every field a string, empty when not typed. */
export const emptyPrefill = (): Record<PrefillKey, string> =>
  Object.fromEntries(prefillKeys.map((key) => [key, ''])) as Record<PrefillKey, string>;

/** The draft's shape for the same fields: always a string. */
export const draftPrefillShape = Object.fromEntries(
  prefillKeys.map((key) => [key, z.string()]),
) as Record<PrefillKey, z.ZodMiniString>;

// The person fields a reviewer may prefill on "Create", listed once: the request schema
// (messages.ts), the stored draft (storage-items.ts), the form check and the background's mapping
// to Persona's field keys all read this. No zod here, so pages that only need the names stay small.

export const prefillFields = {
  nameFirst: { personaKey: 'name_first', maxLength: 200 },
  nameLast: { personaKey: 'name_last', maxLength: 200 },
  emailAddress: { personaKey: 'email_address', maxLength: 200 },
  phoneNumber: { personaKey: 'phone_number', maxLength: 50 },
} as const;

export type PrefillKey = keyof typeof prefillFields;
export const prefillKeys = Object.keys(prefillFields) as PrefillKey[];
export type Prefill = Partial<Record<PrefillKey, string>>;

/** Every field empty, as a fresh draft holds them. */
export const emptyPrefill = (): Record<PrefillKey, string> =>
  Object.fromEntries(prefillKeys.map((key) => [key, ''])) as Record<PrefillKey, string>;

/** One entry per field, built by `make`: the request's and the draft's zod shapes. */
export function perPrefillField<T>(make: (key: PrefillKey) => T): Record<PrefillKey, T> {
  return Object.fromEntries(prefillKeys.map((key) => [key, make(key)])) as Record<PrefillKey, T>;
}

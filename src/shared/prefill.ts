// The person fields a reviewer may prefill on "Create", listed once with their longest value: the
// request schema (messages.ts), the stored draft (storage-items.ts), the form check and the
// background's Persona field keys (create-inquiry.ts: `nameFirst` → `name_first`) all read this.
// No zod here, so pages that only need the names stay small.
export const prefillFields = {
  nameFirst: 200,
  nameLast: 200,
  emailAddress: 200,
  phoneNumber: 50,
} as const;

export type PrefillKey = keyof typeof prefillFields;
export const prefillKeys = Object.keys(prefillFields) as PrefillKey[];
export type Prefill = Partial<Record<PrefillKey, string>>;

// What the desk cannot do with a key, from the permissions Persona lists for it (best effort:
// docs/persona.md#key-checks). Permission names are Persona's, documented at
// https://docs.withpersona.com/api-keys. A missing one is said, never used to hide an action: the
// list may be incomplete, and Persona's own 403 is what decides.
import type { MessageKey } from '../shared/i18n.ts';

/** Each permission the desk uses, and what it is for, in the reviewer's words. */
export const NEEDED_PERMISSIONS: readonly (readonly [string, MessageKey])[] = [
  ['inquiry.read', 'permForInquiryRead'],
  ['inquiry.write', 'permForInquiryWrite'],
  ['verification.read', 'permForVerificationRead'],
  ['report.read', 'permForReportRead'],
  ['event.read', 'permForEventRead'],
];

/** The permissions the desk uses that `listed` lacks, in {@link NEEDED_PERMISSIONS}' order. */
export function missingPermissions(listed: readonly string[]): (readonly [string, MessageKey])[] {
  const has = new Set(listed);
  return NEEDED_PERMISSIONS.filter(([name]) => !has.has(name));
}

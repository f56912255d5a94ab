// Inquiry ids a reviewer pastes or types. Persona ids are opaque and grew from 28 to 32 characters
// in 2024 (https://docs.withpersona.com/changelog/2024/1/29), so only the prefix and the alphabet
// are checked. Template ids, the dashboard's address and a link's expiry are in modules of their
// own (template-id.ts, dashboard-url.ts, link-expiry.ts), which the desk's first screen does not
// load.
const inquiryId = /^inq_[A-Za-z0-9]{6,}$/;

/** The length of Persona's shortest inquiry ids (28; 32 since 2024): a shorter one was cut. */
export const SHORTEST_INQUIRY_ID = 28;
const inquiryIdInText = /(?<![A-Za-z0-9_])inq_[A-Za-z0-9]{6,}/;

/** `inq_` followed by letters or digits, at least ten characters in all. */
export function isInquiryId(text: string): boolean {
  return inquiryId.test(text);
}

/** The first `inq_…` id anywhere in a text (a pasted URL, a chat message), if any. */
export function findInquiryId(text: string): string | undefined {
  return inquiryIdInText.exec(text)?.[0];
}

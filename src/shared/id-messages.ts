// What a reviewer is told about a mistyped id, worded once for every page and the background.
// (The id shapes themselves are in persona/links.ts.)

/** How a template ID looks and where to find one. */
export const TEMPLATE_ID_HINT =
  'Template IDs are itmpl_ followed by letters and digits (Dashboard → Inquiries → Templates).';

/** Text that was meant as an inquiry ID but is not one; quotes at most 40 characters of it. */
export function notAnInquiryId(text: string): string {
  return `“${text.slice(0, 40)}” is not a valid inquiry ID. Inquiry IDs are inq_ followed by letters and digits; check for a missing or extra character.`;
}

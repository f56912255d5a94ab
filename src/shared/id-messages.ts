// What a reviewer is told about a mistyped template ID, worded once for every page and the
// background (the id shapes are in persona/links.ts; a mistyped inquiry ID's message is
// persona/classify-query.ts `notAnInquiryId`).

/** How a template ID looks and where to find one. */
export const TEMPLATE_ID_HINT =
  'Template IDs are itmpl_ followed by letters and digits (Dashboard → Inquiries → Templates).';

// The search box's words for a query the shared classifier (shared/persona/classify-query.ts)
// calls malformed.
export { classifyQuery, type Query } from '../../shared/persona/classify-query.ts';

export function malformedMessage(text: string): string {
  return `“${text}” is not a valid inquiry ID. Inquiry IDs are inq_ followed by letters and digits; check for a missing or extra character.`;
}

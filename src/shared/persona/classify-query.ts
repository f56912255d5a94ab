// What a "Find inquiry" query holds: an inquiry id, a reference id, or an id with a typo, told
// apart before any request so a malformed id gets a clear message instead of a 404. The popup
// uses it to answer at once; the background uses it again, since it trusts no page.
import { t } from '../i18n.ts';
import { findInquiryId, isInquiryId } from './inquiry-id.ts';

export type Query =
  | { kind: 'empty' }
  | { kind: 'id'; id: string }
  | { kind: 'malformed'; text: string }
  | { kind: 'reference'; text: string };

export function classifyQuery(raw: string): Query {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (isInquiryId(text)) return { kind: 'id', id: text };
  if (/^inq_/i.test(text)) return { kind: 'malformed', text };
  // A pasted dashboard or API URL carries the id; a reference id is never a URL.
  const inUrl = /^https?:\/\//i.test(text) ? findInquiryId(text) : undefined;
  if (inUrl) return { kind: 'id', id: inUrl };
  return { kind: 'reference', text };
}

/** Text that was meant as an inquiry ID but is not one; quotes at most 40 characters of it. */
export function notAnInquiryId(text: string): string {
  return t('malformedId', text.slice(0, 40));
}

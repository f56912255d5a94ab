// Ids and links a reviewer pastes or opens. Persona ids are opaque and grew from 28 to 32
// characters in 2024 (https://docs.withpersona.com/changelog/2024/1/29), so only the prefix and
// the alphabet are checked. No function here builds a hosted-flow link with a session token:
// Persona advises against sharing those (https://docs.withpersona.com/resuming-inquiries).
import { isLoopbackBaseUrl } from './base-url.ts';

const inquiryId = /^inq_[A-Za-z0-9]{6,}$/;

/** The length of Persona's shortest inquiry ids (28; 32 since 2024): a shorter one was cut. */
export const SHORTEST_INQUIRY_ID = 28;
const inquiryIdInText = /(?<![A-Za-z0-9_])inq_[A-Za-z0-9]{6,}/;
const templateId = /^(itmplv?|tmpl)_[A-Za-z0-9]+$/;

const dashboardOrigin = 'https://app.withpersona.com';

/** `inq_` followed by letters or digits, at least ten characters in all. */
export function isInquiryId(text: string): boolean {
  return inquiryId.test(text);
}

/** The first `inq_…` id anywhere in a text (a pasted URL, a chat message), if any. */
export function findInquiryId(text: string): string | undefined {
  return inquiryIdInText.exec(text)?.[0];
}

/**
 * A template id Persona's create takes (https://docs.withpersona.com/api-reference/inquiries/create-an-inquiry):
 * `itmpl_` (a Dynamic Flow template), `itmplv_` (one version of it) or a legacy `tmpl_`, followed by
 * letters or digits. Each is sent under its own attribute (inquiry-writes.ts).
 */
export function isTemplateId(text: string): boolean {
  return templateId.test(text);
}

/**
 * The inquiry's page in the Persona dashboard; for the local sandbox, its own dashboard page.
 * Dashboard pages need the reviewer's login, not the key, so the link is safe to open or share.
 */
export function dashboardInquiryUrl(baseUrl: string, id: string): string {
  const path = `/dashboard/inquiries/${encodeURIComponent(id)}`;
  if (isLoopbackBaseUrl(baseUrl)) return `${new URL(baseUrl).origin}${path}`;
  return `${dashboardOrigin}${path}`;
}

/**
 * When a one-time link stops working, as far as it can be known: the lifetime asked for, and in
 * any case the inquiry's own expiry, which also expires its links
 * (https://docs.withpersona.com/docs/inquiry-expiration). `undefined` when neither is known.
 */
export function oneTimeLinkExpiry(
  now: number,
  requestedSeconds: number | undefined,
  inquiryExpiresAt: string | undefined,
): string | undefined {
  const bounds: number[] = [];
  if (requestedSeconds !== undefined && requestedSeconds > 0)
    bounds.push(now + requestedSeconds * 1000);
  const inquiryEnd = inquiryExpiresAt === undefined ? Number.NaN : Date.parse(inquiryExpiresAt);
  if (!Number.isNaN(inquiryEnd)) bounds.push(inquiryEnd);
  return bounds.length > 0 ? new Date(Math.min(...bounds)).toISOString() : undefined;
}

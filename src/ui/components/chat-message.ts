// The ready-to-paste chat message: the reviewer's template (options page) with `{link}` and
// `{expires}` filled in, the expiry written in the reviewer's locale.

import { t, uiLocale } from '../../shared/i18n.ts';
import type { OneTimeLink } from '../../shared/messages.ts';
import { formatDateTime, formatRelative } from './format-time.ts';

export interface MessageFormats {
  now?: number;
  dateTime?: Intl.DateTimeFormat;
  relative?: Intl.RelativeTimeFormat;
}

/**
 * The customer reading the message may live in another time zone than the reviewer: the time
 * names its zone ("3 Jun 2025, 16:05 CEST"). Built once, on first use, as in shared/format.ts.
 */
let zoned: Intl.DateTimeFormat | undefined;
const withZone = () =>
  (zoned ??= new Intl.DateTimeFormat(uiLocale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }));

/** "in 24 hours (3 Jun 2025, 16:05 CEST)"; "soon" when Persona did not say when. */
export function describeExpiry(
  expiresAt: string | undefined,
  formats: MessageFormats = {},
): string {
  if (!expiresAt || Number.isNaN(Date.parse(expiresAt))) return t('expirySoon');
  const when = formatRelative(expiresAt, formats.now, formats.relative);
  return t('expiryWhen', when, formatDateTime(expiresAt, formats.dateTime ?? withZone()));
}

export function fillChatMessage(
  template: string,
  link: OneTimeLink,
  formats: MessageFormats = {},
): string {
  const url = link.shortUrl ?? link.url;
  // A template without {link} would send the customer nowhere; the link is appended instead.
  const body = template.includes('{link}') ? template : `${template}\n{link}`;
  return body
    .replaceAll('{link}', url)
    .replaceAll('{expires}', describeExpiry(link.expiresAt, formats));
}

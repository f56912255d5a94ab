// The ready-to-paste chat message: the reviewer's template (options page) with `{link}` and
// `{expires}` filled in. `{expires}` is written in the reviewer's language; `{expires:de}` (any
// BCP 47 language tag) in the one named, for a template written in the customer's language: a
// sentence in one language with its expiry in another reads like a forgery.

import { t, uiLocale } from '../../shared/i18n.ts';
import type { OneTimeLink } from '../../shared/messages.ts';
import { formatDateTime, formatRelative } from './format-time.ts';

export interface MessageFormats {
  now?: number;
  dateTime?: Intl.DateTimeFormat;
  relative?: Intl.RelativeTimeFormat;
  /** How the two are put together: the reviewer's language's way unless told. */
  join?: (relative: string, date: string) => string;
}

/**
 * The customer reading the message may live in another time zone than the reviewer: the time
 * names its zone ("3 Jun 2025, 16:05 CEST"). Built once, on first use, as in shared/format.ts.
 */
let zoned: Intl.DateTimeFormat | undefined;
const zonedIn = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
const withZone = () => (zoned ??= zonedIn(uiLocale()));

/** `{expires:…}`: a tag Intl takes is written in its language; any other as `{expires}` is. */
const TAGGED_EXPIRY = /\{expires:([^{}\s]{1,35})\}/g;

/** The formats for `tag`, or undefined when it is no language tag (Intl throws a RangeError). */
function formatsIn(tag: string, now: number | undefined): MessageFormats | undefined {
  try {
    return {
      now,
      dateTime: zonedIn(tag),
      relative: new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }),
      // The extension's languages all write "in 24 hours (5 Dec 2026, 22:10 UTC)"; a language
      // it has no words of gets the same shape, which needs none.
      join: (relative, date) => `${relative} (${date})`,
    };
  } catch {
    return undefined;
  }
}

/**
 * The `{expires:…}` tags in a template that name no language this browser can write (the options
 * page says so): not a language tag at all (`{expires:x}`), or one it has no data for (`zz`).
 */
export function unknownExpiryTags(template: string): string[] {
  return [...template.matchAll(TAGGED_EXPIRY)]
    .map((match) => match[1] ?? '')
    .filter(
      (tag) =>
        !formatsIn(tag, undefined) || Intl.DateTimeFormat.supportedLocalesOf(tag).length === 0,
    );
}

/**
 * "in 24 hours (3 Jun 2025, 16:05 CEST)"; "soon" when Persona did not say when, in the reviewer's
 * language whatever the tag (a guess at what reads best: there are no words for every language).
 */
export function describeExpiry(
  expiresAt: string | undefined,
  formats: MessageFormats = {},
): string {
  if (!expiresAt || Number.isNaN(Date.parse(expiresAt))) return t('expirySoon');
  const when = formatRelative(expiresAt, formats.now, formats.relative);
  const date = formatDateTime(expiresAt, formats.dateTime ?? withZone());
  return formats.join ? formats.join(when, date) : t('expiryWhen', when, date);
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
    .replaceAll('{expires}', describeExpiry(link.expiresAt, formats))
    .replace(TAGGED_EXPIRY, (_, tag: string) =>
      describeExpiry(link.expiresAt, formatsIn(tag, formats.now) ?? formats),
    );
}

// The ready-to-paste chat message: the reviewer's template (options page) with `{link}` and
// `{expires}` filled in. `{expires}` is written in the reviewer's language; `{expires:de}` (any
// BCP 47 language tag) in the one named, for a template written in the customer's language: a
// sentence in one language with its expiry in another reads like a forgery.

import { formatDateTime } from '../../shared/format-date-time.ts';
import { t, uiLocale } from '../../shared/i18n.ts';
import type { OneTimeLink } from '../../shared/messages.ts';
import { formatRelative } from './format-time.ts';

export interface MessageFormats {
  now?: number;
  dateTime?: Intl.DateTimeFormat;
  relative?: Intl.RelativeTimeFormat;
  /** How the two are put together: the reviewer's language's way unless told. */
  join?: (relative: string, date: string) => string;
  /** When Persona did not say when: the reviewer's "soon" unless told. */
  soon?: string;
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

/**
 * The placeholders, in one pass: text filled in (a link with `$` or `{` in it) is never read
 * again. `{expires:…}` takes anything up to its brace, so a typo (`{expires: en}`, `{expires:}`)
 * is found by the options page, not sent to a customer as typed.
 */
const PLACEHOLDERS = /\{link\}|\{expires(?::([^{}]*))?\}/g;

/** "soon", in the extension's own languages (as _locales has it); any other gets English's. */
const SOON: Readonly<Record<string, string>> = { en: 'soon', de: 'bald', es: 'pronto' };

/**
 * The formats for `tag`, or undefined when it names no language this browser can write: not a
 * language tag at all (Intl throws a RangeError), or one it has no data for (`zz`, which Intl
 * would quietly write in its default language).
 */
function formatsIn(tag: string, now: number | undefined): MessageFormats | undefined {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf(tag).length === 0) return undefined;
    const { language } = new Intl.Locale(tag);
    return {
      now,
      dateTime: zonedIn(tag),
      relative: new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }),
      // The extension's languages all write "in 24 hours (5 Dec 2026, 22:10 UTC)"; a language
      // it has no words of gets the same shape, which needs none.
      join: (relative, date) => `${relative} (${date})`,
      soon: SOON[language] ?? SOON.en,
    };
  } catch {
    return undefined;
  }
}

/** The `{expires:…}` tags in a template that name no language this browser can write. */
export function unknownExpiryTags(template: string): string[] {
  return [...template.matchAll(PLACEHOLDERS)].flatMap(([, tag]) =>
    tag !== undefined && !formatsIn(tag.trim(), undefined) ? [tag] : [],
  );
}

/** "in 24 hours (3 Jun 2025, 16:05 CEST)"; "soon" when Persona did not say when. */
export function describeExpiry(
  expiresAt: string | undefined,
  formats: MessageFormats = {},
): string {
  if (!expiresAt || Number.isNaN(Date.parse(expiresAt))) return formats.soon ?? t('expirySoon');
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
  // A tag the options page would have refused (saved before it checked) is written as {expires}.
  return body.replace(PLACEHOLDERS, (found, tag?: string) =>
    found === '{link}'
      ? url
      : describeExpiry(
          link.expiresAt,
          (tag !== undefined && formatsIn(tag.trim(), formats.now)) || formats,
        ),
  );
}

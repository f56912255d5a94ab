// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeExpiry,
  fillChatMessage,
  unknownExpiryTags,
} from '../../../src/ui/components/chat-message.ts';
import { formatRelative } from '../../../src/ui/components/format-time.ts';
import { routeFromQuery } from '../../../src/ui/views/router.ts';

const now = Date.parse('2025-06-01T10:00:00Z');
const formats = {
  now,
  dateTime: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }),
  relative: new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' }),
};
const link = {
  url: 'https://verify.example/l/abc',
  expiresAt: '2025-06-02T10:00:00Z',
  createdAt: now,
};

describe('the chat message', () => {
  it('fills the link and the expiry, in the given locale', () => {
    expect(fillChatMessage('Verify here: {link} (expires {expires})', link, formats)).toBe(
      'Verify here: https://verify.example/l/abc (expires tomorrow (2 Jun 2025, 10:00))',
    );
  });

  it('names the time zone of the expiry by default: the customer may live in another', () => {
    const said = describeExpiry('2025-06-02T10:00:00Z', { now });
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(Date.parse('2025-06-02T10:00:00Z'))
      .find((part) => part.type === 'timeZoneName')?.value;
    expect(zone).toBeTruthy();
    expect(said).toMatch(/^tomorrow \(.+\)$/);
    expect(said).toContain(`${zone})`);
  });

  it('uses another locale when the reviewer has one', () => {
    const german = {
      now,
      dateTime: new Intl.DateTimeFormat('de-DE', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
      relative: new Intl.RelativeTimeFormat('de-DE', { numeric: 'auto' }),
    };
    expect(describeExpiry('2025-06-01T13:00:00Z', german)).toBe('in 3 Stunden (01.06.2025, 13:00)');
  });

  it('prefers the short link, fills every placeholder, and appends the link when the template forgot it', () => {
    const short = { ...link, shortUrl: 'https://per.sn/x' };
    expect(fillChatMessage('{link} {link}', short, formats)).toBe(
      'https://per.sn/x https://per.sn/x',
    );
    expect(fillChatMessage('Hello!', link, formats)).toBe('Hello!\nhttps://verify.example/l/abc');
  });

  it('writes {expires:tag} in the language the tag names, whatever the reviewer reads', () => {
    // The reviewer's formats are English here; the template was written for a German customer.
    const german = fillChatMessage('Hallo! {link}\nGültig bis {expires:de}.', link, formats);
    expect(german).toMatch(
      /^Hallo! https:\/\/verify\.example\/l\/abc\nGültig bis morgen \(.+\)\.$/,
    );
    const date = german.match(/\((.+)\)/)?.[1] ?? '';
    // Its date the German way too (2. Juni / 02.06.), in the reviewer's zone, named.
    expect(date).toMatch(/2025/);
    expect(date).toMatch(/Juni|Jun|06\./);
    expect(date).not.toMatch(/\bJun 2025\b/);
    // Both in one template: each as asked.
    expect(fillChatMessage('{link} {expires} / {expires:es}', link, formats)).toMatch(
      /^https:\S+ tomorrow \(2 Jun 2025, 10:00\) \/ mañana \(.+\)$/,
    );
  });

  it('says "soon" in the tag\'s language when Persona gave no expiry, as the catalogues do', () => {
    const soon = (language: string) =>
      (
        JSON.parse(readFileSync(`_locales/${language}/messages.json`, 'utf8')) as Record<
          string,
          { message: string }
        >
      ).expirySoon?.message;
    const noExpiry = { url: 'u', createdAt: now };
    expect(fillChatMessage('{link} {expires:de} {expires:es-MX} {expires:en}', noExpiry)).toBe(
      `u ${soon('de')} ${soon('es')} ${soon('en')}`,
    );
    // A language the extension has no words of: English's.
    expect(fillChatMessage('{link} {expires:fr}', noExpiry)).toBe(`u ${soon('en')}`);
  });

  it('fills in one pass: a link with $ or braces in it is put in as it is', () => {
    const odd = { ...link, url: 'https://verify.example/l/a$&b{expires}' };
    expect(fillChatMessage('{link}', odd, formats)).toBe('https://verify.example/l/a$&b{expires}');
  });

  it('writes an unknown {expires:tag} as {expires}, and names it for the options page', () => {
    // A tag Intl would take but has no data for ("zz") is written as {expires} too, not in
    // Intl's default language.
    expect(fillChatMessage('{link} {expires:zz} {expires:}', link, formats)).toBe(
      'https://verify.example/l/abc tomorrow (2 Jun 2025, 10:00) tomorrow (2 Jun 2025, 10:00)',
    );
    // Spaces around a tag are forgiven.
    expect(fillChatMessage('{link} {expires: de }', link, formats)).toMatch(/ morgen \(/);
    expect(unknownExpiryTags('{link} {expires:} {expires: de } {expires:en_US}')).toEqual([
      '',
      'en_US',
    ]);
    // Not a language tag (Intl refuses it): as {expires}, never the placeholder itself.
    expect(fillChatMessage('{link} {expires:x} {expires:zz-!!}', link, formats)).toBe(
      'https://verify.example/l/abc tomorrow (2 Jun 2025, 10:00) tomorrow (2 Jun 2025, 10:00)',
    );
    expect(
      unknownExpiryTags(
        '{link} {expires:de} {expires:en-GB} {expires:zz} {expires:x} {expires:de!}',
      ),
    ).toEqual(['zz', 'x', 'de!']);
    expect(unknownExpiryTags('{link} {expires} {expires:es}')).toEqual([]);
  });

  it('says "soon" when Persona gave no expiry', () => {
    expect(fillChatMessage('{link} expires {expires}', { url: 'u', createdAt: now }, formats)).toBe(
      'u expires soon',
    );
  });
});

describe('times and routes', () => {
  it('writes relative times in the largest whole unit, rounded', () => {
    const rel = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    expect(formatRelative(now - 5 * 60_000, now, rel)).toBe('5 minutes ago');
    expect(formatRelative(now + 23.4 * 3_600_000, now, rel)).toBe('in 23 hours');
    // A 24-hour link copied a minute after it was made: the person reads 24 hours, not 23.
    expect(formatRelative(now + 24 * 3_600_000 - 60_000, now, rel)).toBe('in 24 hours');
    expect(formatRelative(now - 10_000, now, rel)).toBe('now');
  });

  it('opens the view the URL asks for', () => {
    expect(routeFromQuery('?inquiry=inq_AbC123def456')).toEqual({
      name: 'detail',
      id: 'inq_AbC123def456',
    });
    expect(routeFromQuery('?view=create')).toEqual({ name: 'create' });
    expect(routeFromQuery('?view=matches&q=ref-1')).toEqual({ name: 'matches', query: 'ref-1' });
    expect(routeFromQuery('')).toEqual({ name: 'home' });
  });
});

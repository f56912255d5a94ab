// A one-time link from Persona's answer is kept, shown and shared only when it is Persona's.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { rememberLink, rememberLinkFromCreate } from '../../../src/background/one-time-links.ts';
import { isTrustedLink } from '../../../src/shared/persona/trusted-link.ts';
import { readItem } from '../../../src/shared/storage.ts';
import { linksItem } from '../../../src/shared/storage-items.ts';
import { SAVED_MASKED, withKeySaved } from './key-saved.ts';

const persona = 'https://api.withpersona.com/api/v1';
const sandbox = 'http://127.0.0.1:4010/api/v1';

withKeySaved();

describe('isTrustedLink', () => {
  it('accepts https on withpersona.com and its subdomains, and the configured sandbox', () => {
    expect(isTrustedLink('https://withpersona.com/verify?code=abc', persona)).toBe(true);
    expect(isTrustedLink('https://inquiry.withpersona.com/verify?code=abc', persona)).toBe(true);
    expect(isTrustedLink('http://127.0.0.1:4010/verify?code=abc', sandbox)).toBe(true);
  });

  it('refuses javascript:, foreign hosts, look-alikes, http and other loopback ports', () => {
    for (const link of [
      'javascript:alert(document.domain)',
      'https://evil.example/verify?code=abc',
      'https://withpersona.com.evil.example/verify',
      'https://evilwithpersona.com/verify',
      'http://withpersona.com/verify?code=abc',
      'https://user:pw@withpersona.com/verify',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(isTrustedLink(link, persona), link).toBe(false);
    }
    expect(isTrustedLink('http://127.0.0.1:9999/verify?code=abc', sandbox)).toBe(false);
    expect(isTrustedLink('http://127.0.0.1:4010/verify?code=abc', persona)).toBe(false);
  });
});

describe('remembering links', () => {
  it('keeps a Persona link in storage.session', async () => {
    const link = await rememberLinkFromCreate(
      'inq_AAAAAA111111',
      { oneTimeLink: 'https://withpersona.com/verify?code=abc' },
      1,
      SAVED_MASKED,
    );
    expect(link?.url).toBe('https://withpersona.com/verify?code=abc');
    expect(Object.keys(await readItem(linksItem))).toEqual(['inq_AAAAAA111111']);
  });

  it('refuses a javascript: or foreign link and stores nothing', async () => {
    expect(
      await rememberLinkFromCreate(
        'inq_AAAAAA111111',
        { oneTimeLink: 'javascript:alert(1)' },
        1,
        SAVED_MASKED,
      ),
    ).toBeNull();
    await expect(
      rememberLink(
        'inq_AAAAAA111111',
        {
          url: 'https://withpersona.com/verify?code=abc',
          shortUrl: 'https://evil.example/l/abc',
          createdAt: 1,
        },
        SAVED_MASKED,
      ),
    ).rejects.toThrow(/not on a Persona address/);
    expect(await fakeBrowser.storage.session.get('links')).toEqual({});
  });

  it('drops a stored link that is not Persona’s when it is read back', async () => {
    await fakeBrowser.storage.session.set({
      links: { inq_AAAAAA111111: { url: 'javascript:alert(1)', createdAt: 1 } },
    });
    expect(await readItem(linksItem)).toEqual({});
  });
});

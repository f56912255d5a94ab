import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { openPersona } from '../../../src/background/persona-access.ts';
import { DeskError } from '../../../src/shared/errors.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';

const key = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';

afterEach(() => {
  vi.unstubAllGlobals();
});

function rateLimited(): Response {
  return new Response(JSON.stringify({ errors: [{ title: 'Rate limit exceeded' }] }), {
    status: 429,
    headers: { 'RateLimit-Limit': '300', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '1' },
  });
}

describe('openPersona', () => {
  it('says there is no key before any request', async () => {
    await expect(openPersona()).rejects.toSatisfy(
      (e) => e instanceof DeskError && e.info.kind === 'no_key',
    );
  });

  it('applies the caller’s retry manners: the poller never sleeps through a 429', async () => {
    await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
      key,
    });
    const fetch = vi.fn(async (_url: string | URL, _init?: RequestInit) => rateLimited());
    vi.stubGlobal('fetch', fetch);
    const { client } = await openPersona({ retry: { maxRateLimitRetries: 0 } });
    await expect(client.listInquiries({ inquiryIds: ['inq_AAAAAA111111'] })).rejects.toSatisfy(
      (e) => e instanceof DeskError && e.info.kind === 'rate_limited',
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0]?.[0])).toMatch(/^http:\/\/127\.0\.0\.1:4010\/api\/v1\//);
  });

  it('names the key by the key itself, not by key info stored for another', async () => {
    await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
      key,
    });
    // Info of a key saved a moment before (read, then the key changed under it).
    await fakeBrowser.storage.local.set({
      keyInfo: { masked: 'persona_sandbox_…9999', environment: 'production', savedAt: 1 },
    });
    const { keyInfo } = await openPersona();
    expect(keyInfo.masked).toBe('persona_sandbox_…1a2b');
    expect(keyInfo.environment).toBe('sandbox');
  });
});

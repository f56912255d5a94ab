// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function preflight(path: string, origin = EXTENSION) {
  return fetch(`${t.sandbox.origin}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
    },
  });
}

describe('CORS for extension origins', () => {
  it('answers preflights without auth, logging or rate limiting', async () => {
    await t.controls.setRateLimit(1);
    const before = (await t.controls.requests()).lastSeq;
    for (let i = 0; i < 3; i++) {
      const response = await preflight('/api/v1/inquiries');
      expect(response.status).toBe(204);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
      const allowed = response.headers
        .get('Access-Control-Allow-Headers')
        ?.toLowerCase()
        .split(',');
      expect(allowed).toEqual(
        expect.arrayContaining([
          'authorization',
          'content-type',
          'persona-version',
          'key-inflection',
          'idempotency-key',
        ]),
      );
      expect(response.headers.get('Access-Control-Allow-Methods')).toContain('PATCH');
    }
    expect((await t.controls.requests(before)).requests).toEqual([]);
    expect((await t.api.get('/inquiries')).status).toBe(200);
    await t.controls.reset();
  });

  it('exposes Persona’s headers on real responses, errors included', async () => {
    for (const key of [t.sandbox.key, 'wrong']) {
      const response = await fetch(`${t.sandbox.baseUrl}/inquiries`, {
        headers: { Origin: EXTENSION, Authorization: `Bearer ${key}` },
      });
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
      const exposed = response.headers.get('Access-Control-Expose-Headers')?.split(',');
      expect(exposed).toEqual(
        expect.arrayContaining([
          'RateLimit-Limit',
          'RateLimit-Remaining',
          'RateLimit-Reset',
          'Request-Id',
          'Persona-Environment-Id',
          'Persona-Organization-Id',
        ]),
      );
    }
  });

  it('covers the controls too, and gives other origins nothing', async () => {
    const controls = await preflight('/__sandbox/reset');
    expect(controls.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    for (const origin of ['https://evil.example', 'chrome-extension://bad/path', 'null']) {
      const response = await preflight('/api/v1/inquiries', origin);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
    const firefox = await preflight('/api/v1/inquiries', 'moz-extension://1234-abcd');
    expect(firefox.headers.get('Access-Control-Allow-Origin')).toBe('moz-extension://1234-abcd');
  });
});

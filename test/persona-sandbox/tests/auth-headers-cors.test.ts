// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../index.ts';
import { apiClient, createBody, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

describe('authentication', () => {
  it('answers 401 "Must be authenticated" without a bearer token', async () => {
    const response = await apiClient(t.sandbox, null).get('/inquiries');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errors: [{ title: 'Must be authenticated to access this endpoint' }],
    });
    expect(response.headers.get('Request-Id')).toMatch(/^req_/);
  });

  it('answers 401 "Token is invalid" for production and foreign keys', async () => {
    for (const key of ['persona_production_abc', 'sk_live_123', 'persona_sandboxed']) {
      const response = await apiClient(t.sandbox, key).get('/inquiries');
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ errors: [{ title: 'Token is invalid' }] });
    }
  });

  it('accepts any persona_sandbox_ key by default', async () => {
    const response = await apiClient(t.sandbox, 'persona_sandbox_anything').get('/inquiries');
    expect(response.status).toBe(200);
  });

  it('accepts only the configured keys when given a list', async () => {
    const sandbox = await startSandbox({ port: 0, keys: ['persona_sandbox_only_this'] });
    try {
      expect(sandbox.key).toBe('persona_sandbox_only_this');
      expect((await apiClient(sandbox).get('/inquiries')).status).toBe(200);
      expect((await apiClient(sandbox, 'persona_sandbox_other').get('/inquiries')).status).toBe(
        401,
      );
    } finally {
      await sandbox.close();
    }
  });
});

describe('response headers', () => {
  it('sends RateLimit-*, Request-Id and the stable environment and organisation ids', async () => {
    const first = await t.api.get('/inquiries');
    const second = await t.api.get('/inquiries');
    for (const response of [first, second]) {
      expect(response.headers.get('RateLimit-Limit')).toBe('300');
      expect(Number(response.headers.get('RateLimit-Remaining'))).toBeLessThan(300);
      expect(Number(response.headers.get('RateLimit-Reset'))).toBeGreaterThan(0);
      expect(response.headers.get('Persona-Environment-Id')).toMatch(/^env_[A-Za-z0-9]+$/);
      expect(response.headers.get('Persona-Organization-Id')).toMatch(/^org_[A-Za-z0-9]+$/);
    }
    expect(first.headers.get('Request-Id')).not.toBe(second.headers.get('Request-Id'));
    expect(first.headers.get('Persona-Environment-Id')).toBe(
      second.headers.get('Persona-Environment-Id'),
    );
    expect(Number(second.headers.get('RateLimit-Remaining'))).toBe(
      Number(first.headers.get('RateLimit-Remaining')) - 1,
    );
  });

  it('keeps the environment id across sandboxes', async () => {
    const other = await startSandbox({ port: 0 });
    try {
      const a = await t.api.get('/rate-limits');
      const b = await apiClient(other).get('/rate-limits');
      expect(b.headers.get('Persona-Environment-Id')).toBe(a.headers.get('Persona-Environment-Id'));
    } finally {
      await other.close();
    }
  });

  it('sends the headers on error responses too', async () => {
    const response = await t.api.get('/inquiries/inq_missing');
    expect(response.status).toBe(404);
    expect(response.headers.get('RateLimit-Remaining')).not.toBeNull();
    expect(response.headers.get('Request-Id')).toMatch(/^req_/);
  });
});

describe('permissions (403)', () => {
  it('refuses writes to a read-only key but lets it read', async () => {
    const readOnly = apiClient(t.sandbox, 'persona_sandbox_readonly_tester');
    const write = await readOnly.post('/inquiries', createBody());
    expect(write.status).toBe(403);
    expect(write.body).toEqual({
      errors: [
        { title: 'Forbidden', details: 'API key does not have the inquiry.write permission' },
      ],
    });
    expect(write.headers.get('RateLimit-Limit')).toBe('300');
    expect((await readOnly.get('/inquiries')).status).toBe(200);
  });

  it('refuses everything about inquiries and verifications to a key without permissions', async () => {
    const forbidden = apiClient(t.sandbox, 'persona_sandbox_forbidden_tester');
    expect((await forbidden.get('/inquiries')).status).toBe(403);
    expect((await forbidden.get('/verifications/ver_x')).status).toBe(403);
    const permissions = await forbidden.get('/api-keys/permissions');
    expect(permissions.status).toBe(200);
    expect(permissions.body.data.attributes.permissions).toEqual([]);
  });
});

describe('key and limit endpoints', () => {
  it('GET /api-keys/permissions describes the key', async () => {
    const response = await t.api.get('/api-keys/permissions');
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      type: 'api-key',
      id: expect.stringMatching(/^api_/),
      attributes: { name: expect.any(String), 'expires-at': null },
    });
    expect(response.body.data.attributes.permissions).toContain('inquiry.write');
  });

  it('GET /rate-limits reports the current window', async () => {
    const response = await t.api.get('/rate-limits');
    expect(response.body).toEqual({
      data: [
        {
          type: 'rate-limit/api',
          attributes: {
            limit: 300,
            remaining: Number(response.headers.get('RateLimit-Remaining')),
            'seconds-to-reset': Number(response.headers.get('RateLimit-Reset')),
          },
        },
      ],
    });
  });
});

describe('request validation shared by all endpoints', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.api.get('/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.errors[0].title).toBe('Not found');
  });

  it('refuses an unknown Persona-Version or Key-Inflection with 400', async () => {
    const version = await t.api.get('/inquiries', { 'Persona-Version': '1999-01-01' });
    expect(version.status).toBe(400);
    expect(version.body.errors[0]).toEqual({
      title: 'Bad Request',
      details: 'Persona-Version 1999-01-01 is not a valid API version',
    });
    const inflection = await t.api.get('/inquiries', { 'Key-Inflection': 'pascal' });
    expect(inflection.status).toBe(400);
  });
});

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

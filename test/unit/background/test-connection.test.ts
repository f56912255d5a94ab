import { afterEach, describe, expect, it, vi } from 'vitest';
import { testConnection } from '../../../src/background/handlers/options.ts';
import { DeskError } from '../../../src/shared/errors.ts';

const key = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
const baseUrl = 'http://127.0.0.1:4010/api/v1';
const headers = {
  'Content-Type': 'application/json',
  'Request-Id': 'req_123',
  'Persona-Environment-Id': 'env_abc',
  'Persona-Organization-Id': 'org_def',
  'RateLimit-Limit': '300',
  'RateLimit-Remaining': '299',
  'RateLimit-Reset': '42',
};

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers });
}

const rateLimits = {
  data: [
    { type: 'rate-limit/api', attributes: { limit: 300, remaining: 298, 'seconds-to-reset': 41 } },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubPersona(permissions: Response) {
  const fetch = vi.fn(async (url: string | URL, _init?: RequestInit) =>
    String(url).endsWith('/api-keys/permissions') ? permissions : answer(200, rateLimits),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('testConnection', () => {
  it('reports the environment, rate limit and permissions when Persona reveals them', async () => {
    stubPersona(
      answer(200, {
        data: {
          type: 'api-key',
          id: 'api_1',
          attributes: { name: 'Desk', permissions: ['inquiry.read'], 'expires-at': null },
        },
      }),
    );
    const report = await testConnection({ type: 'testConnection', key, baseUrl });
    expect(report).toMatchObject({
      environment: 'sandbox',
      environmentId: 'env_abc',
      organizationId: 'org_def',
      keyName: 'Desk',
      permissions: ['inquiry.read'],
      permissionsRead: true,
      rateLimit: { limit: 300, remaining: 298, resetSeconds: 41 },
    });
  });

  it('falls back to the rate limits when the undocumented permissions endpoint is missing', async () => {
    const fetch = stubPersona(answer(404, { errors: [{ title: 'Record not found' }] }));
    const report = await testConnection({ type: 'testConnection', key, baseUrl });
    expect(report.environmentId).toBe('env_abc');
    expect(report.rateLimit).toEqual({ limit: 300, remaining: 298, resetSeconds: 41 });
    expect(report).not.toHaveProperty('permissions');
    expect(report.permissionsRead).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('stops at a 401 with the key problem, and never quotes the key', async () => {
    const fetch = stubPersona(answer(401, { errors: [{ title: 'Token is invalid' }] }));
    const failure = await testConnection({ type: 'testConnection', key, baseUrl }).catch((e) => e);
    expect(failure).toBeInstanceOf(DeskError);
    expect((failure as DeskError).info).toMatchObject({
      kind: 'unauthorized',
      requestId: 'req_123',
    });
    expect(JSON.stringify((failure as DeskError).info)).not.toContain('8a1e3c52');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says at once that nothing answers: each request asked once, not again after a back-off', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    const started = Date.now();
    const failure = await testConnection({ type: 'testConnection', key, baseUrl }).catch((e) => e);
    expect((failure as DeskError).info.kind).toBe('network');
    // The permissions, then the rate limits: one try each.
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('refuses to send the key to a host that is not Persona', async () => {
    const fetch = stubPersona(answer(200, {}));
    await expect(
      testConnection({ type: 'testConnection', key, baseUrl: 'https://evil.example/api/v1' }),
    ).rejects.toSatisfy((e) => e instanceof DeskError && e.info.pointer === 'baseUrl');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tests a production key with the page’s unsaved "Allow production keys" tick, not without', async () => {
    const production = 'persona_production_5b1f7c2e-8d4a-4e6b-9c3f-0a2d4e6f8b1c';
    const personaUrl = 'https://api.withpersona.com/api/v1';
    stubPersona(answer(404, { errors: [{ title: 'Not found' }] }));
    const refused = await testConnection({
      type: 'testConnection',
      key: production,
      baseUrl: personaUrl,
    }).catch((e: unknown) => e);
    expect((refused as DeskError).info.message).toMatch(/Allow production keys/);
    const report = await testConnection({
      type: 'testConnection',
      key: production,
      baseUrl: personaUrl,
      allowProduction: true,
    });
    expect(report.environment).toBe('production');
  });
});

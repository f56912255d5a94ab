// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, isLoopbackBaseUrl } from '../../../../src/shared/persona/api-origin.ts';
import { checkBaseUrl, keyBaseUrlProblem } from '../../../../src/shared/persona/base-url.ts';
import { createPersonaClient } from '../../../../src/shared/persona/client.ts';

describe('checkBaseUrl', () => {
  it.each([
    ['', DEFAULT_BASE_URL],
    ['  https://api.withpersona.com/api/v1/  ', DEFAULT_BASE_URL],
    ['https://withpersona.com/api/v1', 'https://withpersona.com/api/v1'],
    ['https://api.withpersona.com/api/v1//', 'https://api.withpersona.com/api/v1'],
    ['https://API.WithPersona.com', DEFAULT_BASE_URL],
    ['http://127.0.0.1:4010/api/v1/', 'http://127.0.0.1:4010/api/v1'],
    ['http://localhost:9/', 'http://localhost:9'],
    ['https://localhost:8443/x', 'https://localhost:8443/x'],
  ])('accepts %j as %s', (input, expected) => {
    expect(checkBaseUrl(input)).toEqual({ ok: true, baseUrl: expected });
  });

  it.each([
    ['not a url', 'not a URL'],
    ['http://api.withpersona.com/api/v1', 'https://'],
    ['https://withpersona.com.evil.example/api/v1', "not Persona's API host"],
    ['https://evilwithpersona.com', "not Persona's API host"],
    ['https://localhost.evil.example', "not Persona's API host"],
    ['http://10.0.0.1:4010', "not Persona's API host"],
    // The extension's content security policy cannot name it, so no request would reach it.
    ['http://[::1]:4010', "not Persona's API host"],
    ['ftp://127.0.0.1/', "not Persona's API host"],
    ['ftp://api.withpersona.com/api/v1', 'https://'],
    // No host at all: said as not an address, not as " is not Persona's API host".
    ['javascript:alert(1)', 'not a URL'],
    ['file:///etc/passwd', 'not a URL'],
    ['data:text/plain,x', 'not a URL'],
    // Exactly the manifest's hosts: other withpersona.com hosts are not granted.
    ['https://eu.api.withpersona.com/api/v1', "not Persona's API host"],
    ['https://inquiry.withpersona.com/api/v1', "not Persona's API host"],
    ['https://app.withpersona.com', "not Persona's API host"],
    ['https://user:pw@api.withpersona.com', 'user name'],
    ['https://api.withpersona.com/api/v1?x=1', 'query'],
    ['https://api.withpersona.com:8443/api/v1', 'port'],
    // A second URL typed after the default keeps the host, so only the path gives it away.
    ['https://api.withpersona.com/api/v1http://127.0.0.1:4010/api/v1', 'remove the rest'],
    ['https://withpersona.com/api/v2', 'remove the rest'],
  ])('refuses %j with a reason', (input, reason) => {
    const result = checkBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('does not name [::1] among the hosts allowed when it refuses it', () => {
    const result = checkBaseUrl('http://[::1]:4010');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('127.0.0.1 or localhost');
      expect(result.reason.split('[::1]')).toHaveLength(2); // the refused host, and only there
    }
  });

  it('sends only sandbox keys to loopback', () => {
    const sandbox = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
    const production = 'persona_production_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
    expect(keyBaseUrlProblem(sandbox, 'http://127.0.0.1:4010/api/v1')).toBeUndefined();
    expect(keyBaseUrlProblem(production, DEFAULT_BASE_URL)).toBeUndefined();
    expect(keyBaseUrlProblem(production, 'http://localhost:4010/api/v1')).toMatch(
      /Only sandbox keys/,
    );
    expect(() =>
      createPersonaClient({ apiKey: production, baseUrl: 'http://127.0.0.1:4010/api/v1' }),
    ).toThrow(/Only sandbox keys/);
  });

  it('tells loopback from Persona', () => {
    expect(isLoopbackBaseUrl('http://127.0.0.1:4010/api/v1')).toBe(true);
    expect(isLoopbackBaseUrl(DEFAULT_BASE_URL)).toBe(false);
    expect(isLoopbackBaseUrl('nonsense')).toBe(false);
  });
});

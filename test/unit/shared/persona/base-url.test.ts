// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  checkBaseUrl,
  DEFAULT_BASE_URL,
  isLoopbackBaseUrl,
} from '../../../../src/shared/persona/base-url.ts';

describe('checkBaseUrl', () => {
  it.each([
    ['', DEFAULT_BASE_URL],
    ['  https://api.withpersona.com/api/v1/  ', DEFAULT_BASE_URL],
    ['https://withpersona.com/api/v1', 'https://withpersona.com/api/v1'],
    ['https://eu.api.withpersona.com/api/v1//', 'https://eu.api.withpersona.com/api/v1'],
    ['https://API.WithPersona.com', 'https://api.withpersona.com'],
    ['http://127.0.0.1:4010/api/v1/', 'http://127.0.0.1:4010/api/v1'],
    ['http://localhost:9/', 'http://localhost:9'],
    ['https://[::1]:8443/x', 'https://[::1]:8443/x'],
  ])('accepts %j as %s', (input, expected) => {
    expect(checkBaseUrl(input)).toEqual({ ok: true, baseUrl: expected });
  });

  it.each([
    ['not a url', 'not a URL'],
    ['http://api.withpersona.com/api/v1', 'https://'],
    ['https://withpersona.com.evil.example/api/v1', 'not a Persona host'],
    ['https://evilwithpersona.com', 'not a Persona host'],
    ['https://localhost.evil.example', 'not a Persona host'],
    ['http://10.0.0.1:4010', 'not a Persona host'],
    ['ftp://127.0.0.1/', 'not a Persona host'],
    ['https://user:pw@api.withpersona.com', 'user name'],
    ['https://api.withpersona.com/api/v1?x=1', 'query'],
    ['https://api.withpersona.com:8443/api/v1', 'port'],
  ])('refuses %j with a reason', (input, reason) => {
    const result = checkBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('tells loopback from Persona', () => {
    expect(isLoopbackBaseUrl('http://127.0.0.1:4010/api/v1')).toBe(true);
    expect(isLoopbackBaseUrl(DEFAULT_BASE_URL)).toBe(false);
    expect(isLoopbackBaseUrl('nonsense')).toBe(false);
  });
});

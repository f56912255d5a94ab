// The store's build (src/shared/store-build.ts; `vite build --mode store`) takes no local base URL:
// the options page says why at the field, and no client is opened on one. The same checks as
// base-url.test.ts, with the build's constant set as the store's build sets it. package.e2e.ts
// checks the built store package in Chromium.
import { describe, expect, it, vi } from 'vitest';
import { checkRanges, withSandboxApiPath } from '../../../../src/options/settings-ranges.ts';
import { DeskError } from '../../../../src/shared/errors.ts';
import { DEFAULT_BASE_URL } from '../../../../src/shared/persona/api-origin.ts';
import { checkBaseUrl } from '../../../../src/shared/persona/base-url.ts';
import { createPersonaClient } from '../../../../src/shared/persona/client.ts';
import { defaultSettings } from '../../../../src/shared/settings.ts';
import { STORE_BUILD } from '../../../../src/shared/store-build.ts';
import { validateSettings } from '../../../../src/shared/validate-settings.ts';

vi.mock('../../../../src/shared/store-build.ts', async (original) => ({
  ...(await original<typeof import('../../../../src/shared/store-build.ts')>()),
  STORE_BUILD: true,
}));

const local = [
  'http://127.0.0.1:4010/api/v1',
  'http://127.0.0.1:4010',
  'https://127.0.0.1:8443/api/v1',
  'http://localhost:4010/api/v1',
  'https://LOCALHOST:8443',
];

describe('a base URL in the store’s build', () => {
  it('is checked as the store’s build (the constant is set here)', () => {
    expect(STORE_BUILD).toBe(true);
  });

  it.each(local)('refuses %s, saying it names this computer and what to use', (input) => {
    const result = checkBaseUrl(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const host = new URL(input).hostname;
    expect(result.reason).toBe(
      `The API base URL names this computer (${host}): only a development build of Inquiry Desk ` +
        'calls the local Persona sandbox there, and this one calls Persona only. Use ' +
        'https://api.withpersona.com/api/v1.',
    );
  });

  it.each([
    ['', DEFAULT_BASE_URL],
    ['https://api.withpersona.com', DEFAULT_BASE_URL],
    ['https://withpersona.com/api/v1/', 'https://withpersona.com/api/v1'],
  ])('still takes Persona’s %j', (input, expected) => {
    expect(checkBaseUrl(input)).toEqual({ ok: true, baseUrl: expected });
  });

  it('names no local sandbox among the hosts it takes when it refuses another host', () => {
    const result = checkBaseUrl('https://persona.example.com/api/v1');
    expect(result).toEqual({
      ok: false,
      reason:
        "persona.example.com is not Persona's API host. Only https://api.withpersona.com and " +
        'https://withpersona.com are allowed.',
    });
    for (const input of ['http://[::1]:4010', 'http://10.0.0.1:4010']) {
      const refused = checkBaseUrl(input);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.reason).not.toMatch(/127\.0\.0\.1|localhost|sandbox/);
    }
  });

  it('is refused at its field by the options page’s checks, not completed as a sandbox’s', () => {
    const settings = { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010' };
    // The development build adds the sandbox's /api/v1 here; the store's has no sandbox.
    expect(withSandboxApiPath(settings)).toBe(settings);
    const problems: { pointer: string; message: string }[] = [];
    const report = (pointer: string, message: string) => {
      problems.push({ pointer, message });
    };
    checkRanges({ ...settings, baseUrl: 'http://127.0.0.1:4010/elsewhere' }, report);
    validateSettings(withSandboxApiPath(settings), report);
    expect(problems).toEqual([
      {
        pointer: 'baseUrl',
        message: expect.stringMatching(/^The API base URL names this computer/),
      },
    ]);
  });

  it('opens no client, so no request leaves for it', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    const key = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
    const open = () => createPersonaClient({ apiKey: key, baseUrl: local[0], fetch });
    let thrown: unknown;
    try {
      await open().getRateLimits();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DeskError);
    expect((thrown as DeskError).message).toMatch(/names this computer/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

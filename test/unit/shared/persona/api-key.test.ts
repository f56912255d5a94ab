// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkApiKey, keyEnvironment, maskKey } from '../../../../src/shared/persona/api-key.ts';

const sandboxKey = 'persona_sandbox_0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f1a2b';

describe('api keys', () => {
  it('reads the environment from the prefix', () => {
    expect(keyEnvironment(sandboxKey)).toBe('sandbox');
    expect(keyEnvironment(' persona_production_abc')).toBe('production');
    expect(keyEnvironment('persona_staging_abc')).toBe('unknown');
    expect(keyEnvironment('')).toBe('unknown');
  });

  it('checks the form of a pasted key', () => {
    expect(checkApiKey(`  ${sandboxKey}\n`)).toEqual({
      ok: true,
      key: sandboxKey,
      environment: 'sandbox',
    });
    expect(checkApiKey('persona_production_abcd')).toMatchObject({ ok: true });
    for (const bad of ['', 'persona_sandbox_', 'persona_sandbox_ab', 'sk_live_123456789']) {
      expect(checkApiKey(bad).ok).toBe(false);
    }
    expect(checkApiKey('persona_sandbox_abc def')).toMatchObject({ ok: false });
    expect(checkApiKey('persona_sandbox_abcdé')).toMatchObject({ ok: false });
  });

  it('masks a key to its prefix and last four characters', () => {
    expect(maskKey(sandboxKey)).toBe('persona_sandbox_…1a2b');
    expect(maskKey('persona_production_abcdefgh1234')).toBe('persona_production_…1234');
    expect(maskKey('persona_sandbox_short')).toBe('persona_sandbox_…');
    expect(maskKey('some-other-secret-9876')).toBe('…9876');
    expect(maskKey('tiny')).toBe('…');
  });
});

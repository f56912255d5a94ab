// What the pages note of the saved key's right to change inquiries (src/ui/write-refusal.ts),
// for the note at the create form and the decisions.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../src/shared/errors.ts';
import { notePermissions, noteWriteAnswer } from '../../../src/ui/write-refusal.ts';

const saved = 'persona_sandbox_…1a2b';
const forbidden: ErrorInfo = {
  kind: 'forbidden',
  status: 403,
  title: 'Forbidden',
  details: 'API key does not have the inquiry.write permission',
  message: 'Persona refused this request.',
};
const noted = async () =>
  (await fakeBrowser.storage.session.get('writeRefusal')).writeRefusal ?? null;

beforeEach(async () => {
  await fakeBrowser.storage.local.set({
    keyInfo: { masked: saved, environment: 'sandbox', savedAt: 1 },
  });
});

describe('a write’s answer', () => {
  it('a 403 is noted for the key it was sent with, with Persona’s reason; a change Persona takes ends it', async () => {
    await noteWriteAnswer(saved, forbidden);
    expect(await noted()).toEqual({ masked: saved, says: forbidden.details });
    await noteWriteAnswer(saved);
    expect(await noted()).toBeNull();
  });

  it('only its title when Persona gives no details', async () => {
    const { details: _none, ...bare } = forbidden;
    await noteWriteAnswer(saved, bare);
    expect(await noted()).toEqual({ masked: saved, says: 'Forbidden' });
  });

  it('not for a key saved since it was sent, nor for failures that say nothing of the key', async () => {
    await noteWriteAnswer('persona_sandbox_…9z9z', forbidden);
    expect(await noted()).toBeNull();
    for (const kind of ['network', 'server', 'conflict', 'rate_limited'] as const) {
      await noteWriteAnswer(saved, { kind, message: 'x' });
    }
    expect(await noted()).toBeNull();
    // And an answer of the old key does not end the new key's note.
    await fakeBrowser.storage.session.set({ writeRefusal: { masked: saved } });
    await noteWriteAnswer('persona_sandbox_…9z9z');
    expect(await noted()).toEqual({ masked: saved });
  });
});

describe('the permissions Persona lists', () => {
  it('without inquiry.write are noted; with it, end a note they made, not a 403’s', async () => {
    await notePermissions(saved, ['inquiry.read', 'verification.read']);
    expect(await noted()).toEqual({ masked: saved });
    await notePermissions(saved, ['inquiry.read', 'inquiry.write']);
    expect(await noted()).toBeNull();
    // A 403 may have been the allow-list's: the permissions do not end what Persona said.
    await noteWriteAnswer(saved, forbidden);
    await notePermissions(saved, ['inquiry.read', 'inquiry.write']);
    expect(await noted()).toEqual({ masked: saved, says: forbidden.details });
  });
});

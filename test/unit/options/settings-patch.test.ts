// What an options tab's Save writes, and whether it has anything unsaved: only the fields edited
// there that differ from what is stored, so a second tab's stale form is not written back over
// the first tab's Save.
import { describe, expect, it } from 'vitest';
import {
  sameSetting,
  savedElsewhere,
  unsavedChanges,
} from '../../../src/options/settings-patch.ts';
import { defaultSettings, type Settings } from '../../../src/shared/settings.ts';

const stored: Settings = {
  ...defaultSettings(),
  chatTemplate: 'Hi, {link} ({expires})',
  templates: [{ name: 'KYC', id: 'itmpl_Kyc1' }],
};

describe('unsavedChanges', () => {
  it('is empty for no edits, and for edits typed back to the stored values', () => {
    expect(unsavedChanges({}, stored)).toEqual({});
    expect(
      unsavedChanges(
        // A row rebuilt by the page, its keys in another order than the stored one's.
        { chatTemplate: stored.chatTemplate, templates: [{ id: 'itmpl_Kyc1', name: 'KYC' }] },
        stored,
      ),
    ).toEqual({});
  });

  it('holds only the edited fields that differ from what is stored now', () => {
    const edits = { linkExpiryHours: 48, chatTemplate: stored.chatTemplate };
    expect(unsavedChanges(edits, stored)).toEqual({ linkExpiryHours: 48 });
  });

  it('laid over settings another tab saved meanwhile, keeps that tab’s change of another field', () => {
    // Tab A saved a new chat message; tab B, opened before, changed the link lifetime only.
    const afterA = { ...stored, chatTemplate: 'New: {link}' };
    const editsB = { linkExpiryHours: 48 };
    const saved = { ...afterA, ...unsavedChanges(editsB, afterA) };
    expect(saved).toMatchObject({ chatTemplate: 'New: {link}', linkExpiryHours: 48 });
  });

  it('counts a number field emptied (NaN) as a change, so it is checked and said at Save', () => {
    expect(unsavedChanges({ pollSeconds: Number.NaN }, stored)).toEqual({
      pollSeconds: Number.NaN,
    });
  });
});

describe('sameSetting', () => {
  it('compares lists of templates by content, in order', () => {
    const a = [
      { name: 'A', id: 'itmpl_A' },
      { name: 'B', id: 'itmpl_B' },
    ];
    expect(sameSetting(a, structuredClone(a))).toBe(true);
    expect(sameSetting(a, [...a].reverse())).toBe(false);
    expect(sameSetting(a, a.slice(0, 1))).toBe(false);
    expect(sameSetting([], {})).toBe(false);
    expect(sameSetting(Number.NaN, Number.NaN)).toBe(true);
  });
});

describe('savedElsewhere', () => {
  const none = new Set<string>();

  it('is news when a field not edited here changed', () => {
    const after = { ...stored, chatTemplate: 'New: {link}' };
    expect(savedElsewhere(stored, after, {}, none)).toBe(true);
    expect(savedElsewhere(stored, { ...stored }, {}, none)).toBe(false);
  });

  it('is news when a field edited here was saved otherwise, not when saved as typed here', () => {
    const after = { ...stored, chatTemplate: 'New: {link}' };
    expect(savedElsewhere(stored, after, { chatTemplate: 'Mine: {link}' }, none)).toBe(true);
    expect(savedElsewhere(stored, after, { chatTemplate: 'New: {link}' }, none)).toBe(false);
  });

  it('is no news for a field the policy sets', () => {
    const after = { ...stored, pollSeconds: 300 };
    expect(savedElsewhere(stored, after, {}, new Set(['pollSeconds']))).toBe(false);
  });
});

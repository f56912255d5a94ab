import { describe, expect, it } from 'vitest';
import { checkRanges, withSandboxApiPath } from '../../../src/options/settings-ranges.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';
import { messageOf, pointerOf } from '../shared/thrown-info.ts';

describe('the settings ranges the options page checks before sending', () => {
  it('passes the defaults', () => {
    expect(checkRanges(defaultSettings())).toEqual(defaultSettings());
  });

  it("passes a template that names its expiry's language", () => {
    const settings = { ...defaultSettings(), chatTemplate: '{link} {expires:de} {expires:pt-BR}' };
    expect(checkRanges(settings)).toEqual(settings);
  });

  // Each of these used to reach the background's request check and come back as "The request
  // was malformed.", with no field marked.
  it.each([
    ['pollSeconds', 5, /every 30 to 3600 seconds/],
    ['pollSeconds', 45.5, /whole seconds/],
    ['pollSeconds', Number.NaN, /every 30 to 3600 seconds/],
    // A typo of 6000 for 600 would quietly stop the watching.
    ['pollSeconds', 6000, /every 30 to 3600 seconds/],
    ['chatTemplate', `{link} ${'x'.repeat(1000)}`, /at most 1000 characters/],
    // An expiry tag the browser cannot write would be written in its own language instead.
    ['chatTemplate', '{link} expires {expires:zz}.', /“\{expires:zz\}” names no language/],
    ['chatTemplate', '{link} expires {expires:}.', /“\{expires:\}” names no language/],
    ['forgetDecidedAfterHours', 0, /after 1 to 720 hours/],
    ['forgetDecidedAfterHours', 721, /after 1 to 720 hours/],
    ['forgetDecidedAfterHours', Number.NaN, /after 1 to 720 hours/],
    ['autoLockMinutes', 0, /from 1 to 1440/],
    ['autoLockMinutes', 1.5, /whole number of minutes/],
    ['autoLockMinutes', 100_000, /from 1 to 1440/],
    ['linkExpiryHours', 0, /from 1 to 720/],
  ] as const)('says at the field that %s cannot be %s', (field, value, words) => {
    const run = () => checkRanges({ ...defaultSettings(), [field]: value });
    expect(pointerOf(run)).toBe(field);
    expect(messageOf(run)).toMatch(words);
  });

  it('says at the field a template id longer than a create request may carry', () => {
    const long = `itmpl_${'A'.repeat(95)}`;
    const run = () =>
      checkRanges({
        ...defaultSettings(),
        defaultTemplateId: long,
        templates: [{ name: 'Long', id: long }],
      });
    expect(pointerOf(run)).toBe('defaultTemplateId');
    expect(messageOf(run)).toBe('At most 100 characters: this has 101.');
    const found: string[][] = [];
    checkRanges(
      { ...defaultSettings(), templates: [{ name: 'Long', id: long }] },
      (field, message) => {
        found.push([field, message]);
      },
    );
    // Said below all the rows, so it names its row.
    expect(found).toEqual([
      ['templates.0.id', 'Template 1 ID: at most 100 characters; this one has 101.'],
    ]);
    const atLimit = long.slice(0, 100);
    expect(
      checkRanges({ ...defaultSettings(), defaultTemplateId: atLimit }).defaultTemplateId,
    ).toBe(atLimit);
  });

  it.each(['http://127.0.0.1:4010/api', 'http://localhost:4010/api/v2'])(
    'says a loopback base URL (%s) must be the local sandbox’s /api/v1',
    (baseUrl) => {
      const run = () => checkRanges({ ...defaultSettings(), baseUrl });
      expect(pointerOf(run)).toBe('baseUrl');
      expect(messageOf(run)).toContain(`${new URL(baseUrl).origin}/api/v1`);
    },
  );

  it.each([
    'http://127.0.0.1:4010/api/v1',
    'http://localhost:4010/api/v1/',
    'https://api.withpersona.com',
  ])('takes %s', (baseUrl) => {
    expect(checkRanges({ ...defaultSettings(), baseUrl }).baseUrl).toBe(baseUrl);
  });

  it('completes a bare loopback origin with the API path, as the background does a Persona host', () => {
    const bare = { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/' };
    expect(checkRanges(bare)).toBe(bare);
    expect(withSandboxApiPath(bare).baseUrl).toBe('http://127.0.0.1:4010/api/v1');
    const persona = { ...defaultSettings(), baseUrl: 'https://api.withpersona.com' };
    expect(withSandboxApiPath(persona)).toBe(persona);
    const typed = { ...defaultSettings(), baseUrl: 'http://localhost:4010/api/v1' };
    expect(withSandboxApiPath(typed)).toBe(typed);
  });

  it('takes a fractional number of hours to forget decided inquiries after', () => {
    expect(
      checkRanges({ ...defaultSettings(), forgetDecidedAfterHours: 1.5 }).forgetDecidedAfterHours,
    ).toBe(1.5);
  });

  it('refuses two templates of one name, at the second', () => {
    const twice = () =>
      checkRanges({
        ...defaultSettings(),
        templates: [
          { name: 'KYC', id: 'itmpl_A1' },
          { name: 'KYB', id: 'itmpl_B2' },
          { name: ' KYC ', id: 'itmpl_C3' },
        ],
      });
    expect(pointerOf(twice)).toBe('templates.2.name');
    expect(messageOf(twice)).toMatch(/Two templates are named “KYC”/);
  });

  it('refuses two names for one template ID, at the second', () => {
    const twice = () =>
      checkRanges({
        ...defaultSettings(),
        templates: [
          { name: 'Retail', id: 'itmpl_Same1' },
          { name: 'Crypto desk', id: ' itmpl_Same1' },
        ],
      });
    expect(pointerOf(twice)).toBe('templates.1.id');
    expect(messageOf(twice)).toBe(
      '“Crypto desk” has the same template ID as “Retail”: one name for a template is enough.',
    );
  });

  it('says whose template name is too long', () => {
    const long = () =>
      checkRanges({
        ...defaultSettings(),
        templates: [{ name: 'n'.repeat(61), id: 'itmpl_A1' }],
      });
    expect(pointerOf(long)).toBe('templates.0.name');
    expect(messageOf(long)).toMatch(/longer than 60 characters/);
  });
});

describe('the settings ranges, every field out at once', () => {
  it('reports each field out of range, not only the first', () => {
    const found: string[] = [];
    checkRanges(
      { ...defaultSettings(), pollSeconds: 5, forgetDecidedAfterHours: 0, autoLockMinutes: 0 },
      (pointer) => {
        found.push(pointer);
      },
    );
    expect(found).toEqual(['pollSeconds', 'forgetDecidedAfterHours', 'autoLockMinutes']);
  });
});

import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../src/shared/errors.ts';
import { defaultSettings, templateIdHint } from '../../../src/shared/settings.ts';
import { validateSettings } from '../../../src/shared/validate-settings.ts';

function messageOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DeskError) return error.info.message;
    throw error;
  }
  return undefined;
}

function pointerOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DeskError) return error.info.pointer;
    throw error;
  }
  return undefined;
}

describe('validateSettings', () => {
  it('accepts the defaults and fills in the default base URL for an empty one', () => {
    const out = validateSettings({ ...defaultSettings(), baseUrl: '  ' });
    expect(out.baseUrl).toBe('https://api.withpersona.com/api/v1');
  });

  it('normalises a loopback sandbox URL', () => {
    const out = validateSettings({
      ...defaultSettings(),
      baseUrl: 'http://127.0.0.1:4010/api/v1/',
    });
    expect(out.baseUrl).toBe('http://127.0.0.1:4010/api/v1');
  });

  it.each([
    ['https://api.example.com/api/v1'],
    ['http://api.withpersona.com/api/v1'],
    ['https://withpersona.com.evil.example/api/v1'],
    ['not a url'],
  ])('refuses base URL %s', (baseUrl) => {
    expect(pointerOf(() => validateSettings({ ...defaultSettings(), baseUrl }))).toBe('baseUrl');
  });

  it('checks the default template id and every named template', () => {
    expect(
      pointerOf(() => validateSettings({ ...defaultSettings(), defaultTemplateId: 'tmpl_x' })),
    ).toBe('defaultTemplateId');
    expect(
      pointerOf(() =>
        validateSettings({
          ...defaultSettings(),
          templates: [
            { name: 'KYC', id: 'itmpl_Good1' },
            { name: 'Bad', id: 'itmpl_no spaces' },
          ],
        }),
      ),
    ).toBe('templates.1.id');
  });

  it('says the one template-ID hint, for the default and for a named template', () => {
    const hint = templateIdHint();
    expect(hint).toContain('itmpl_');
    expect(
      messageOf(() => validateSettings({ ...defaultSettings(), defaultTemplateId: 'tmpl_x' })),
    ).toBe(hint);
    expect(
      messageOf(() =>
        validateSettings({ ...defaultSettings(), templates: [{ name: 'Bad', id: 'tmpl_x' }] }),
      ),
    ).toBe(`Template “Bad”: ${hint}`);
  });

  it('drops empty template rows and trims the rest', () => {
    const out = validateSettings({
      ...defaultSettings(),
      templates: [
        { name: ' KYC ', id: ' itmpl_A1 ' },
        { name: '', id: '' },
      ],
    });
    expect(out.templates).toEqual([{ name: 'KYC', id: 'itmpl_A1' }]);
  });

  it('requires {link} in the chat message', () => {
    expect(
      pointerOf(() => validateSettings({ ...defaultSettings(), chatTemplate: 'Hello {expires}' })),
    ).toBe('chatTemplate');
  });

  // Each of these used to reach the background's request check and come back as "The request
  // was malformed.", with no field marked.
  it.each([
    ['pollSeconds', 5, /every 30 seconds or more/],
    ['pollSeconds', 45.5, /whole seconds/],
    ['pollSeconds', Number.NaN, /every 30 seconds/],
    ['forgetDecidedAfterHours', 0, /after 1 to 720 hours/],
    ['forgetDecidedAfterHours', 721, /after 1 to 720 hours/],
    ['forgetDecidedAfterHours', Number.NaN, /after 1 to 720 hours/],
    ['autoLockMinutes', 0, /from 1 to 1440/],
    ['autoLockMinutes', 1.5, /whole number of minutes/],
    ['autoLockMinutes', 100_000, /from 1 to 1440/],
    ['linkExpiryHours', 0, /from 1 to 720/],
  ] as const)('says at the field that %s cannot be %s', (field, value, words) => {
    const run = () => validateSettings({ ...defaultSettings(), [field]: value });
    expect(pointerOf(run)).toBe(field);
    expect(messageOf(run)).toMatch(words);
  });

  it('takes a fractional number of hours to forget decided inquiries after', () => {
    expect(
      validateSettings({ ...defaultSettings(), forgetDecidedAfterHours: 1.5 })
        .forgetDecidedAfterHours,
    ).toBe(1.5);
  });

  it('says which template is unnamed, or whose name is too long', () => {
    const unnamed = () =>
      validateSettings({ ...defaultSettings(), templates: [{ name: ' ', id: 'itmpl_A1' }] });
    expect(pointerOf(unnamed)).toBe('templates.0.name');
    expect(messageOf(unnamed)).toBe('Give template 1 a name.');
    const long = () =>
      validateSettings({
        ...defaultSettings(),
        templates: [{ name: 'n'.repeat(61), id: 'itmpl_A1' }],
      });
    expect(pointerOf(long)).toBe('templates.0.name');
    expect(messageOf(long)).toMatch(/longer than 60 characters/);
  });
});

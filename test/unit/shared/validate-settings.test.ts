import { describe, expect, it } from 'vitest';
import { defaultSettings, templateIdHint } from '../../../src/shared/settings.ts';
import { validateSettings } from '../../../src/shared/validate-settings.ts';
import { messageOf, pointerOf } from './thrown-info.ts';

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
      pointerOf(() => validateSettings({ ...defaultSettings(), defaultTemplateId: 'vtmpl_x' })),
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

  it('names a template row as the page numbers it, an empty row before it included', () => {
    const templates = [
      { name: 'KYC basic', id: 'itmpl_abc123' },
      { name: '', id: '' },
      { name: 'Business', id: 'bad-id' },
    ];
    expect(pointerOf(() => validateSettings({ ...defaultSettings(), templates }))).toBe(
      'templates.2.id',
    );
    const unnamed = [
      templates[0],
      templates[1],
      { name: '', id: 'itmpl_def456' },
    ] as typeof templates;
    const run = () => validateSettings({ ...defaultSettings(), templates: unnamed });
    expect(pointerOf(run)).toBe('templates.2.name');
    expect(messageOf(run)).toBe('Give template 3 a name.');
  });

  it('says the one template-ID hint, for the default and for a named template', () => {
    const hint = templateIdHint();
    expect(hint).toContain('itmpl_');
    expect(
      messageOf(() => validateSettings({ ...defaultSettings(), defaultTemplateId: 'vtmpl_x' })),
    ).toBe(hint);
    expect(
      messageOf(() =>
        validateSettings({ ...defaultSettings(), templates: [{ name: 'Bad', id: 'vtmpl_x' }] }),
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

  it('says which template is unnamed', () => {
    const unnamed = () =>
      validateSettings({ ...defaultSettings(), templates: [{ name: ' ', id: 'itmpl_A1' }] });
    expect(pointerOf(unnamed)).toBe('templates.0.name');
    expect(messageOf(unnamed)).toBe('Give template 1 a name.');
  });
});

describe('validateSettings with a report that collects', () => {
  it('reports every wrong field, each once, where throwing would stop at the first', () => {
    const found: [string, string][] = [];
    validateSettings(
      {
        ...defaultSettings(),
        baseUrl: 'https://api.example.com/api/v1',
        defaultTemplateId: 'vtmpl_x',
        templates: [
          { name: '', id: 'itmpl_no spaces' },
          { name: 'Bad', id: 'itmpl_no spaces' },
        ],
        chatTemplate: 'no link here',
      },
      (pointer, message) => {
        found.push([pointer, message]);
      },
    );
    expect(found.map(([pointer]) => pointer)).toEqual([
      'baseUrl',
      'defaultTemplateId',
      'templates.0.name',
      'templates.1.id',
      'chatTemplate',
    ]);
    for (const [, message] of found) expect(message).not.toBe('');
  });

  it('reports nothing for valid settings', () => {
    const found: string[] = [];
    validateSettings(defaultSettings(), (pointer) => {
      found.push(pointer);
    });
    expect(found).toEqual([]);
  });
});

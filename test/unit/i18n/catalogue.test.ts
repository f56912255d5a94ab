// Every message in every language, with the same placeholders, so no reviewer meets an empty
// label or a "$name$" left unfilled. Chrome's rules for the files:
// https://developer.chrome.com/docs/extensions/reference/api/i18n
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { readSource, sourceFiles } from './bare-strings.ts';
import { type Catalogue, locales, readCatalogue, resolveMessage } from './catalogue.ts';

const english = readCatalogue('en');
const others = locales.filter((locale) => locale !== 'en');

function placeholdersOf(catalogue: Catalogue, key: string) {
  const entry = catalogue[key];
  const used = [...(entry?.message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g) ?? [])].map((m) => m[1]);
  return {
    declared: Object.fromEntries(
      Object.entries(entry?.placeholders ?? {}).map(([name, p]) => [name, p.content]),
    ),
    used: [...new Set(used)].sort(),
  };
}

describe('the message catalogues', () => {
  it('exist for English, German and Spanish, with English as the default', () => {
    expect(locales).toEqual(['de', 'en', 'es']);
    expect(manifest.default_locale).toBe('en');
  });

  it('use only the names Chrome accepts, and no empty message', () => {
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(readCatalogue(locale))) {
        expect(key, `${locale}: ${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(key.startsWith('@@'), `${locale}: ${key} is reserved`).toBe(false);
        expect(entry.message.trim(), `${locale}: ${key}`).not.toBe('');
      }
    }
  });

  it.each(others)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(readCatalogue(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(locales)('%s declares every placeholder it uses, the same ones as English', (locale) => {
    const catalogue = readCatalogue(locale);
    for (const key of Object.keys(english)) {
      const mine = placeholdersOf(catalogue, key);
      const theirs = placeholdersOf(english, key);
      expect(mine.declared, `${locale}: ${key}`).toEqual(theirs.declared);
      expect(mine.used, `${locale}: ${key}`).toEqual(Object.keys(mine.declared).sort());
    }
  });

  // The detail's list of what needs a look sits under the status and beside the Needs review tab:
  // in the same words it read as if the inquiry were in the review queue.
  it.each(locales)('%s names the list of what needs a look apart from the status', (locale) => {
    const catalogue = readCatalogue(locale);
    const words = (key: string) =>
      resolveMessage(catalogue, key, ['3'])
        .replace(/[\d():]/g, '')
        .trim()
        .toLowerCase();
    for (const key of ['needsALook', 'neededALook']) {
      for (const status of ['statusNeedsReview', 'tabNeedsReview']) {
        expect(words(key), `${locale}: ${key}`).not.toContain(words(status));
      }
    }
  });

  // A line that introduces a list (Approve's "Before you approve, this inquiry shows:") reads as
  // cut off without its colon (as the German one did).
  it.each(others)(
    '%s ends with a colon wherever English introduces what follows with one',
    (locale) => {
      const catalogue = readCatalogue(locale);
      for (const [key, entry] of Object.entries(english)) {
        if (!entry.message.endsWith(':')) continue;
        expect(catalogue[key]?.message, `${locale}: ${key}`).toMatch(/:$/);
      }
    },
  );

  // Screen-reader users and the end-to-end tests find controls by these English names.
  it('keep the English accessible names word for word, and translate them', () => {
    const names = {
      newInquiry: 'New inquiry',
      create: 'Create',
      copyLink: 'Copy link',
      copyMessage: 'Copy message',
      findInquiry: 'Find inquiry',
      approve: 'Approve',
      decline: 'Decline',
      markForReview: 'Mark for review',
      newLink: 'New link',
      showPhotos: 'Show photos',
      savePdf: 'Save PDF',
      confirmApprove: 'Confirm approve',
      confirmDecline: 'Confirm decline',
      apiKey: 'API key',
      save: 'Save',
      testConnection: 'Test connection',
      setPassphrase: 'Set passphrase',
      lockNow: 'Lock now',
      unlock: 'Unlock',
      activityLog: 'Activity log',
      exportCsv: 'Export CSV',
      exportJson: 'Export JSON',
      verify: 'Verify',
      checkExportedFile: 'Check an exported JSON file',
      confirmOpenLink: 'Confirm open link',
    };
    // The same word in German, so only its English is held here.
    expect(resolveMessage(english, 'passphrase')).toBe('Passphrase');
    for (const [key, name] of Object.entries(names)) {
      expect(resolveMessage(english, key), key).toBe(name);
      for (const locale of others) {
        expect(resolveMessage(readCatalogue(locale), key), `${locale}: ${key}`).not.toBe(name);
      }
    }
  });

  // A message left in English is most often one added in English only; the few that are the
  // same in German or Spanish are listed here.
  it.each(others)(
    '%s translates every message that is not the same word in every language',
    (locale) => {
      const same = new Set([
        'extName',
        'brand',
        'envSandbox',
        'expiryWhen',
        'scoreLabel',
        'tags',
        'flagVpn',
        'flagProxy',
        'flagTor',
        'apiLabel',
        'durationMs',
        'verificationSelfie',
        // "inq_…: Needs review": the status is said in the reader's language.
        'notifyLine',
        // "demo-1: Approved", said of a watched inquiry's change.
        'doneFor',
        // "Approved: demo-1 (…y0001)", said on another inquiry's page.
        'answerFor',
        // "Version 0.1.0" in the footer: German says Version too.
        'bgReady',
        // German says Passphrase too.
        'passphrase',
        // And Video.
        'captureMethodVideo',
        // "Führerschein (dl)": the words and Persona's code, no words of its own.
        'fieldWordsWithCode',
        // A behaviour signal's "no": Spanish says no too.
        'behaviourNo',
      ]);
      const catalogue = readCatalogue(locale);
      const untranslated = Object.keys(english).filter(
        (key) => !same.has(key) && catalogue[key]?.message === english[key]?.message,
      );
      expect(untranslated).toEqual([]);
    },
  );

  it('hold no message the code no longer asks for', () => {
    const root = join(import.meta.dirname, '../../..');
    const code = [
      ...sourceFiles(root, ['src']).map((file) => readSource(root, file)),
      readFileSync(join(root, 'manifest.json'), 'utf8'),
    ].join('\n');
    const unused = Object.keys(english).filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });

  it.each(locales)(
    'in %s, send no reviewer to the README, which an installed extension does not ship',
    (locale) => {
      const catalogue = readCatalogue(locale);
      const pointing = Object.keys(catalogue).filter((key) =>
        /README/i.test(catalogue[key]?.message ?? ''),
      );
      expect(pointing).toEqual([]);
    },
  );

  it('fill placeholders as chrome.i18n does', () => {
    const catalogue: Catalogue = {
      greet: { message: 'Hi $who$, $$5 for $1', placeholders: { who: { content: '$2' } } },
    };
    expect(resolveMessage(catalogue, 'greet', ['a', 'b'])).toBe('Hi b, $5 for a');
  });

  it('name the extension in the manifest', () => {
    for (const locale of locales) {
      const catalogue = readCatalogue(locale);
      for (const field of [manifest.name, manifest.description, manifest.action.default_title]) {
        const key = /^__MSG_(\w+)__$/.exec(field)?.[1];
        expect(key, `${field} is not a message`).toBeDefined();
        expect(resolveMessage(catalogue, key ?? '')).not.toBe('');
      }
    }
  });
});

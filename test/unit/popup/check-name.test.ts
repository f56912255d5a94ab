// A check's name in the reader's language: a check the catalogues know is said in German or
// Spanish too, any other is its machine name in English words (Persona adds checks without a new
// API version).
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { checkName } from '../../../src/ui/components/check-name.ts';
import { inLanguage } from '../i18n/in-language.ts';

const english = fakeBrowser.i18n.getMessage;
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

const check = (name: string) => ({ name });

describe('checkName', () => {
  it('says a known check in German and in Spanish', () => {
    inLanguage('de');
    expect(checkName(check('id_repeat_detection'))).toBe('Ausweis: Prüfung auf Wiederverwendung');
    inLanguage('es');
    expect(checkName(check('selfie_id_comparison'))).toBe('Selfie: comparación con el documento');
  });

  it('keeps the English words, acronyms in capitals, in English', () => {
    expect(checkName(check('id_mrz_detection'))).toBe('ID MRZ detection');
    expect(checkName(check('database_po_box_detection'))).toBe('Database PO box detection');
  });

  it('keeps the background’s words for a check no catalogue knows', () => {
    inLanguage('de');
    expect(checkName(check('id_hologram_detection'))).toBe('ID hologram detection');
  });
});

// Plain-language names for Persona's machine names. Types and check names are open sets
// (https://docs.withpersona.com/versioning), so anything not listed is turned into words as is.

import { type MessageKey, t } from '../i18n.ts';

const acronyms = new Set([
  'aamva',
  'api',
  'ecbsv',
  'id',
  'ip',
  'mdoc',
  'mrz',
  'nfc',
  'pep',
  'po',
  'qes',
  'sms',
  'ssn',
  'tin',
  'url',
  'us',
  'vat',
]);

const verificationLabels: Record<string, MessageKey> = {
  'verification/government-id': 'verificationGovernmentId',
  'verification/government-id-nfc': 'verificationGovernmentIdNfc',
  'verification/selfie': 'verificationSelfie',
  'verification/database': 'verificationDatabase',
  'verification/document': 'verificationDocument',
  'verification/phone-number': 'verificationPhone',
  'verification/email-address': 'verificationEmail',
};

const reportLabels: Record<string, MessageKey> = {
  'report/watchlist': 'reportWatchlist',
  'report/politically-exposed-person': 'reportPep',
  'report/adverse-media': 'reportAdverseMedia',
};

/** `id_entity_detection` → "ID entity detection"; `name-first` → "Name first". */
export function humanise(name: string): string {
  const words = name
    .split(/[\s_\-/]+/)
    .filter((word) => word !== '')
    .map((word) => (acronyms.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Government ID" for `verification/government-id`; unknown types in words, prefix dropped. */
export function verificationLabel(type: string): string {
  const key = verificationLabels[type];
  if (key) return t(key);
  return humanise(type.replace(/^verification\//, '')) || t('verificationFallback');
}

export function reportLabel(type: string): string {
  const key = reportLabels[type];
  if (key) return t(key);
  return humanise(type.replace(/^report\//, '')) || t('reportFallback');
}

/** A check name such as `selfie_id_comparison`, in words: "Selfie ID comparison". */
export function checkLabel(name: string): string {
  return humanise(name) || t('checkFallback');
}

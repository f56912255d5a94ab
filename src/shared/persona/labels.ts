// Plain-language names for Persona's machine names. Types and check names are open sets
// (https://docs.withpersona.com/versioning), so anything not listed is turned into words as is.

const acronyms = new Set([
  'aamva',
  'api',
  'ecbsv',
  'id',
  'ip',
  'mdoc',
  'nfc',
  'pep',
  'qes',
  'sms',
  'ssn',
  'tin',
  'url',
  'us',
  'vat',
]);

const verificationLabels: Record<string, string> = {
  'verification/government-id': 'Government ID',
  'verification/government-id-nfc': 'Government ID (NFC chip)',
  'verification/selfie': 'Selfie',
  'verification/database': 'Database',
  'verification/document': 'Document',
  'verification/phone-number': 'Phone number',
  'verification/email-address': 'Email address',
};

const reportLabels: Record<string, string> = {
  'report/watchlist': 'Watchlist',
  'report/politically-exposed-person': 'Politically exposed person (PEP)',
  'report/adverse-media': 'Adverse media',
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
  return (
    verificationLabels[type] ?? (humanise(type.replace(/^verification\//, '')) || 'Verification')
  );
}

export function reportLabel(type: string): string {
  return reportLabels[type] ?? (humanise(type.replace(/^report\//, '')) || 'Report');
}

/** A check name such as `selfie_id_comparison`, in words: "Selfie ID comparison". */
export function checkLabel(name: string): string {
  return humanise(name) || 'Check';
}

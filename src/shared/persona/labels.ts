// Persona's machine names in plain words. Types and check names are open sets
// (https://docs.withpersona.com/versioning), so a name the pages have no words for
// (src/ui/components/view-labels.ts) is turned into words as is, and so is a status the
// background's notifications name.

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

/** `id_entity_detection` → "ID entity detection"; `name-first` → "Name first". */
export function humanise(name: string): string {
  const words = name
    .split(/[\s_\-/]+/)
    .filter((word) => word !== '')
    .map((word) => (acronyms.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Persona's codes in words: a government ID's `id-class` (the list Persona publishes,
// https://docs.withpersona.com/reference/government-id-verifications), a capture's
// `capture-method` (the values the API reference lists for government ID and selfie
// verifications) and an inquiry session's `status` (new, active, expired, as the API reference
// lists them for inquiry sessions). The code stays beside the words; a code not listed here is shown as sent,
// since Persona may add values without a new API version.
import { type MessageKey, t } from '../../shared/i18n.ts';

const idClasses: Record<string, MessageKey> = {
  cct: 'idClassCct',
  cid: 'idClassCid',
  dl: 'idClassDl',
  foid: 'idClassFoid',
  hic: 'idClassHic',
  id: 'idClassId',
  ipp: 'idClassIpp',
  keyp: 'idClassKeyp',
  ltpass: 'idClassLtpass',
  munid: 'idClassMunid',
  myn: 'idClassMyn',
  nbi: 'idClassNbi',
  nric: 'idClassNric',
  ofw: 'idClassOfw',
  rp: 'idClassRp',
  pan: 'idClassPan',
  pid: 'idClassPid',
  pp: 'idClassPp',
  ppc: 'idClassPpc',
  pr: 'idClassPr',
  sss: 'idClassSss',
  td: 'idClassTd',
  tribalid: 'idClassTribalid',
  umid: 'idClassUmid',
  vid: 'idClassVid',
  visa: 'idClassVisa',
  wp: 'idClassWp',
};

const captureMethods: Record<string, MessageKey> = {
  photo: 'captureMethodPhoto',
  video: 'captureMethodVideo',
  auto: 'captureMethodAuto',
  manual: 'captureMethodManual',
  upload: 'captureMethodUpload',
  api: 'captureMethodApi',
  live: 'captureMethodLive',
};

const sessionStatuses: Record<string, MessageKey> = {
  new: 'sessionStatusNew',
  active: 'sessionStatusActive',
  expired: 'sessionStatusExpired',
};

const byField: Record<string, Record<string, MessageKey>> = {
  'id-class': idClasses,
  'capture-method': captureMethods,
  'session-status': sessionStatuses,
};

/**
 * "Driver's license (dl)" for a field whose code Persona names, else the value as sent. Where
 * the words are the code itself ("Video", video), they are said once.
 */
export function fieldWords(name: string, value: string): string {
  const codes = Object.hasOwn(byField, name) ? byField[name] : undefined;
  const code = value.toLowerCase();
  const key = codes && Object.hasOwn(codes, code) ? codes[code] : undefined;
  if (!key) return value;
  const words = t(key);
  return words.toLowerCase() === code ? words : t('fieldWordsWithCode', words, value);
}

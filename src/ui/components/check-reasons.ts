// Persona's check reasons are machine codes (`low_similarity`); a reviewer reads sentences.
// Codes not listed here are turned into words as they are (the set is open:
// https://docs.withpersona.com/versioning).
import { type MessageKey, t } from '../../shared/i18n.ts';
import { humanise } from '../../shared/persona/labels.ts';

const sentences: Record<string, MessageKey> = {
  low_similarity: 'reasonLowSimilarity',
  low_liveness_confidence: 'reasonLowLiveness',
  barcode_not_detected: 'reasonBarcode',
  expired: 'reasonExpired',
  id_expired: 'reasonExpired',
  repeat_detected: 'reasonRepeat',
  public_figure_detected: 'reasonPublicFigure',
  no_matching_record: 'reasonNoRecord',
  name_mismatch: 'reasonNameMismatch',
  failed: 'reasonFailed',
};

export function reasonInWords(code: string): string {
  const key = sentences[code];
  return key ? t(key) : humanise(code);
}

// Persona's check reasons are machine codes (`low_similarity`); a reviewer reads sentences.
// Codes not listed here are turned into words as they are (the set is open:
// https://docs.withpersona.com/versioning).
import { humanise } from '../../shared/persona/labels.ts';

const sentences: Record<string, string> = {
  low_similarity: 'The selfie does not look enough like the ID photo',
  low_liveness_confidence: 'The selfie may not be of a live person',
  barcode_not_detected: 'The barcode on the ID could not be read',
  expired: 'The ID has expired',
  id_expired: 'The ID has expired',
  repeat_detected: 'This ID was already used in another inquiry',
  public_figure_detected: 'The selfie looks like a public figure',
  no_matching_record: 'No record of this identity was found in the database',
  name_mismatch: 'The name does not match the database record',
  failed: 'The check failed',
};

export function reasonInWords(code: string): string {
  return sentences[code] ?? humanise(code);
}

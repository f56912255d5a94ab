// What a passed government ID read off the document, against what the inquiry holds for the
// person (prefilled at create, or collected in the flow): a name or a date of birth that differs
// is a reason to look twice, and finding it took unfolding the ID's fields, scrolling and two
// reveals (UX review s72 M2). Compared loosely: case, accents, spacing and hyphens aside, since
// IDs are printed in capitals. The date of birth is said to differ, not shown: it stays masked.
import { t } from '../../shared/i18n.ts';
import type { FieldView, InquiryView } from '../../shared/persona/view-model.ts';
import { verificationTone } from './verification-tone.ts';

const loose = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-'.]+/g, ' ')
    .trim();

/** A field's value, if it has one ("—" is the view's word for none). */
function fieldValue(fields: readonly FieldView[], name: string): string | undefined {
  const value = fields.find((field) => field.name === name)?.value.trim();
  return value && value !== '—' ? value : undefined;
}

/** A date as its day, however Persona wrote the time after it. */
const day = (value: string) => (/^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value);

/** Per passed government ID that differs, by its id: what differs, in words. */
export function idMismatches(inquiry: InquiryView): [verificationId: string, words: string][] {
  const out: [string, string][] = [];
  const held = (name: string) => fieldValue(inquiry.fields, name);
  for (const v of inquiry.verifications) {
    if (v.type !== 'verification/government-id' || verificationTone(v.status) !== 'success') {
      continue;
    }
    const onId = (name: string) => fieldValue(v.fields, name);
    const differs: string[] = [];
    // Each part of the name where both say one: an ID without a first name differs in nothing.
    const parts = ['name-first', 'name-last'].filter((name) => {
      const a = onId(name);
      const b = held(name);
      return a && b && loose(a) !== loose(b);
    });
    if (parts.length > 0) {
      const name = (read: (name: string) => string | undefined) =>
        ['name-first', 'name-last'].map(read).filter(Boolean).join(' ');
      differs.push(t('lookNameDiffers', name(onId), name(held)));
    }
    const bornOnId = onId('birthdate');
    const bornHeld = held('birthdate');
    if (bornOnId && bornHeld && day(bornOnId) !== day(bornHeld)) {
      differs.push(t('lookBirthdateDiffers'));
    }
    if (differs.length > 0) out.push([v.id, differs.join('; ')]);
  }
  return out;
}

// What an approval would pass over, said in its confirmation: the detail shows each signal in its
// own section (the verifications' summary, Reports, Device and network), several screens apart,
// and a sanctions match two screens down was approved past without being seen.
import { t } from '../../shared/i18n.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { warnings } from '../evidence/device-network.tsx';
import { lookLine, needingALook } from './attention-list.tsx';
import { reportLabel, verificationNames } from './view-labels.ts';

/** Each signal against approving, in words: failed verifications, report matches, risky networks. */
export function approveWarnings(inquiry: InquiryView): string[] {
  const names = verificationNames(inquiry.verifications);
  const out = needingALook(inquiry.verifications).map((v) => lookLine(v, names));
  for (const report of inquiry.reports) {
    if (report.hasMatch === true) out.push(`${reportLabel(report.type)}: ${t('matchFound')}`);
  }
  // Each flag once, however many sessions carry it.
  const network = new Set((inquiry.sessions ?? []).flatMap(warnings));
  if (network.size > 0) out.push(`${t('deviceNetwork')}: ${[...network].join(', ')}`);
  // A copy without its results says nothing of them: no list here is no all-clear.
  if (withoutResults(inquiry)) out.push(t('resultsNotLoaded'));
  return out;
}

/**
 * Whether the copy names verifications or reports without their results: a change's own answer,
 * kept when the read after it failed (background/handlers/actions.ts).
 */
export function withoutResults(inquiry: InquiryView): boolean {
  return [...inquiry.verifications, ...inquiry.reports].some((part) => !part.loaded);
}

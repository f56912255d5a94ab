// What a decision would pass over: each signal against approving, in words, with the place in
// the detail that shows it. The detail shows each in its own section (the verifications, Reports,
// Device and network), several screens apart: a sanctions match two screens down was approved
// past without being seen, so the list heads the detail (attention-list.tsx) and Approve's
// confirmation says it again.
import { t } from '../../shared/i18n.ts';
import { humanise } from '../../shared/persona/labels.ts';
import type { InquiryView, VerificationView } from '../../shared/persona/view-model.ts';
import { BEHAVIOUR_HEADING, behaviourWarnings } from '../evidence/behaviour.tsx';
import { NETWORK_HEADING, warnings } from '../evidence/device-network.tsx';
import { formatNumber } from './format-time.ts';
import { idMismatches } from './id-mismatch.ts';
import { resultWords } from './result-words.ts';
import { verificationTone } from './verification-tone.ts';
import { reportLabel, verificationNames } from './view-labels.ts';

const failed = (status: string) => verificationTone(status) === 'danger';

/** The Verifications section's heading (detail-body.tsx). */
const VERIFICATIONS_HEADING = 'verifications-heading';

const passed = (v: VerificationView) => verificationTone(v.status) === 'success';

/** The verifications a reviewer must look at: failed themselves, or holding a failed check. */
function needingALook(verifications: readonly VerificationView[]): VerificationView[] {
  return verifications.filter(
    (v) => failed(v.status) || v.checks.some((check) => failed(check.status)),
  );
}

const statusWords = (status: string) => resultWords(status) ?? humanise(status);

/** What failed in one: its own status in words, and how many of its checks failed. */
function failures(v: VerificationView): string {
  const failedChecks = v.checks.filter((check) => failed(check.status)).length;
  const parts: string[] = [];
  if (failed(v.status)) parts.push(statusWords(v.status));
  if (failedChecks > 0) {
    parts.push(
      failedChecks === 1 ? t('checkFailedOne') : t('checksFailed', formatNumber(failedChecks)),
    );
  }
  return parts.join(', ');
}

/**
 * One needing a look, by its card's name: "Selfie: 1 check failed". With the names of the same
 * kind's that passed, "Government ID 1: Failed (Government ID 3 passed)": a retry that went
 * through. Still listed, since Persona's order says nothing sure of which came last, but not as
 * the only word on that kind (UX review s72 M1).
 */
function lookLine(
  v: VerificationView,
  names: ReadonlyMap<string, string>,
  all: readonly VerificationView[],
): string {
  const line = `${names.get(v.id) ?? ''}: ${failures(v)}`;
  const passedToo = all.filter((o) => o !== v && o.type === v.type && passed(o));
  if (passedToo.length === 0) return line;
  const named = passedToo.map((o) => names.get(o.id) ?? '').join(', ');
  return `${line} (${t('lookPassedToo', named)})`;
}

export interface Signal {
  text: string;
  /** The id of the element that shows it: a verification's heading, a report's row, the
   * network's heading. None for a signal with no place of its own. */
  target?: string;
  /** The place comes with the evidence views (loaded on demand), not with the detail itself. */
  withEvidence?: true;
  /**
   * Said in Approve's confirmation, not listed at the head of the detail: a read still under way,
   * which mostly ends in nothing to say within a moment of the detail opening, would come and go
   * above the buttons each time.
   */
  quiet?: true;
  /** Speaks for the decision, not against it: Other inquiries, none declined (held in place). */
  calm?: true;
}

/**
 * What Other inquiries found (earlier-inquiries.tsx): how many of the same account's (or
 * reference ID's) other inquiries were declined, or that it is still reading them, or could not.
 */
export type OthersFound = number | 'reading' | 'failed';

/**
 * Other inquiries' line. `slot`: a confirmation opened while they were still being read, or after
 * their read failed (detail-view.tsx), keeps the line's place, and says that none was declined
 * rather than dropping it, so Approve's form does not move under the pointer as the read ends.
 */
export function othersWords(found: OthersFound, slot = false): string | undefined {
  if (found === 'reading') return t('othersReading');
  if (found === 'failed') return t('othersNotRead');
  if (found === 0) return slot ? t('othersNoneDeclined') : undefined;
  return found === 1 ? t('declinedOne') : t('declinedMany', formatNumber(found));
}

/**
 * Still under way: started or sent, or to be tried again. Not one canceled or skipped, which is
 * over, and not one whose kind a later verification passed (a retry that went through).
 */
const underWay = (v: VerificationView, passedKinds: ReadonlySet<string>) =>
  (verificationTone(v.status) === 'info' || v.status === 'requires_retry') &&
  !passedKinds.has(v.type);

/** Other inquiries' section title (earlier-inquiries.tsx), the place a declined one is listed. */
export const EARLIER_HEADING = 'earlier-heading';

/**
 * Failed verifications, nothing checked or not finished, report matches, risky networks and
 * behaviour, what
 * Other inquiries found, and a copy without its results; in this order the detail lists them,
 * and Approve's confirmation says their words (detail-view.tsx).
 */
export function signals(inquiry: InquiryView, found: OthersFound = 0, slot = false): Signal[] {
  const names = verificationNames(inquiry.verifications);
  const listed = needingALook(inquiry.verifications);
  const out: Signal[] = listed.map((v) => ({
    text: lookLine(v, names, inquiry.verifications),
    target: verificationHeadingId(v.id),
  }));
  // A passed ID whose name or date of birth is not the inquiry's.
  for (const [id, words] of idMismatches(inquiry)) {
    out.push({ text: `${names.get(id) ?? ''}: ${words}`, target: verificationHeadingId(id) });
  }
  // Nothing failed is no all-clear when nothing was checked: an inquiry just created, one whose
  // person is still at it, or one that expired before they finished, is approved on no evidence
  // at all. Nor is one pass beside checks still running: a passed ID says nothing of the selfie
  // still submitted. Persona lets an undecided inquiry be approved in any status, so the desk says
  // it rather than hiding the button.
  if (!withoutResults(inquiry)) {
    const { verifications } = inquiry;
    // None passed and none failed: each is named, whatever became of it.
    const nonePassed = out.length === 0 && !verifications.some(passed);
    const passedKinds = new Set(verifications.filter(passed).map((v) => v.type));
    const open = nonePassed
      ? verifications
      : verifications.filter((v) => !listed.includes(v) && underWay(v, passedKinds));
    const [first] = open;
    if (verifications.length === 0) {
      out.push({ text: t('lookNothingChecked'), target: VERIFICATIONS_HEADING });
    } else if (first) {
      const named = open.map((v) => `${names.get(v.id) ?? ''} (${statusWords(v.status)})`);
      out.push({
        text: t(nonePassed ? 'lookNonePassed' : 'lookUnfinished', named.join(', ')),
        target: verificationHeadingId(first.id),
      });
    }
  }
  for (const report of inquiry.reports) {
    if (report.hasMatch === true) {
      out.push({
        text: `${reportLabel(report.type)}: ${t('matchFound')}`,
        target: reportRowId(report.id),
        withEvidence: true,
      });
    }
  }
  // Each flag once, however many sessions carry it.
  const network = new Set((inquiry.sessions ?? []).flatMap(warnings));
  if (network.size > 0) {
    out.push({
      text: `${t('deviceNetwork')}: ${[...network].join(', ')}`,
      target: NETWORK_HEADING,
      withEvidence: true,
    });
  }
  const behaviour = behaviourWarnings(inquiry.behaviors);
  if (behaviour.length > 0) {
    out.push({
      text: `${t('behaviour')}: ${behaviour.join(', ')}`,
      target: BEHAVIOUR_HEADING,
      withEvidence: true,
    });
  }
  // The same person declined before is a reason to look twice, and Other inquiries, where it
  // shows, is at the foot of a long page. Until it has read them, or when it could not, no line
  // here is no all-clear either.
  const others = othersWords(found, slot);
  if (others) {
    out.push({
      text: `${t('otherInquiries')}: ${others}`,
      target: EARLIER_HEADING,
      withEvidence: true,
      ...(found === 'reading' || found === 0 ? { quiet: true as const } : {}),
      ...(found === 0 && { calm: true as const }),
    });
  }
  // A copy without its results says nothing of them: no list here is no all-clear.
  if (withoutResults(inquiry)) out.push({ text: t('resultsNotLoaded') });
  return out;
}

/** A verification card's heading (verification-card.tsx), the place its failure is shown. */
export function verificationHeadingId(verificationId: string): string {
  return `verification-${verificationId}`;
}

/** A report's row in the detail, the place its match is shown. */
export function reportRowId(reportId: string): string {
  return `report-${reportId}`;
}

/**
 * Whether the copy names verifications or reports without their results: a change's own answer,
 * kept when the read after it failed (background/handlers/actions.ts).
 */
export function withoutResults(inquiry: InquiryView): boolean {
  return [...inquiry.verifications, ...inquiry.reports].some((part) => !part.loaded);
}

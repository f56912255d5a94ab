// With several verifications, the ones that failed, or hold a failed check, are named under the
// heading: in Persona's order the cards are a story (a failed selfie, then the retry that passed),
// so they are not reordered, and a failure in the sixth card was several screens down, unsaid.
import { t } from '../../shared/i18n.ts';
import { humanise } from '../../shared/persona/labels.ts';
import type { VerificationView } from '../../shared/persona/view-model.ts';
import { scrollViewTo } from '../scroll-view.ts';
import { formatNumber } from './format-time.ts';
import { resultWords } from './result-words.ts';
import { verificationTone } from './verification-tone.ts';

const failed = (status: string) => verificationTone(status) === 'danger';

/** The verifications a reviewer must look at: failed themselves, or holding a failed check. */
export function needingALook(verifications: readonly VerificationView[]): VerificationView[] {
  return verifications.filter(
    (v) => failed(v.status) || v.checks.some((check) => failed(check.status)),
  );
}

/** What failed in one: its own status in words, and how many of its checks failed. */
function failures(v: VerificationView): string {
  const failedChecks = v.checks.filter((check) => failed(check.status)).length;
  const parts: string[] = [];
  if (failed(v.status)) parts.push(resultWords(v.status) ?? humanise(v.status));
  if (failedChecks > 0) {
    parts.push(
      failedChecks === 1 ? t('checkFailedOne') : t('checksFailed', formatNumber(failedChecks)),
    );
  }
  return parts.join(', ');
}

/** One needing a look, by its card's name: "Selfie: 1 check failed". */
export function lookLine(v: VerificationView, names: ReadonlyMap<string, string>): string {
  return `${names.get(v.id) ?? ''}: ${failures(v)}`;
}

/**
 * Scrolls a verification's card, border and all, to the top of the view (the view's own scroll:
 * scroll-view.ts) and puts the focus on its heading.
 */
function goTo(headingId: string) {
  const heading = document.getElementById(headingId);
  const card = heading?.closest('section') ?? heading;
  if (card && !scrollViewTo(card, 'start')) card.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

export function AttentionList({
  verifications,
  names,
}: {
  verifications: readonly VerificationView[];
  /** Each one's name, as its card has it (view-labels.ts verificationNames). */
  names: ReadonlyMap<string, string>;
}) {
  const flagged = needingALook(verifications);
  if (verifications.length < 2 || flagged.length === 0) return null;
  return (
    <div class="attention" data-testid="attention">
      <p class="attention-intro" id="attention-intro">
        {t('needsALook', formatNumber(flagged.length), formatNumber(verifications.length))}
      </p>
      <ul class="attention-list" aria-labelledby="attention-intro">
        {flagged.map((v) => (
          <li key={v.id}>
            <button type="button" class="link" onClick={() => goTo(`verification-${v.id}`)}>
              {lookLine(v, names)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

// What needs a look, at the head of the detail: failed verifications, report matches and risky
// networks, each leading to where the detail shows it. In Persona's order the cards are a story
// (a failed selfie, then the retry that passed), so they are not reordered; a failure in the
// sixth card, a sanctions match or a VPN was several screens down, unsaid.
import { t } from '../../shared/i18n.ts';
import { isFinalStatus } from '../../shared/persona/status.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { scrollViewTo } from '../scroll-view.ts';
import { formatNumber } from './format-time.ts';
import type { Signal } from './needs-a-look.ts';

/**
 * Scrolls what shows a signal (a verification's card, a report's row, the network's section) to
 * the top of the view (the view's own scroll: scroll-view.ts) and puts the focus there. A report
 * opens, which reads what matched (reports-section.tsx).
 */
function goTo(targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;
  const details = target.querySelector('details');
  if (details) details.open = true;
  const shown = target.closest('section, li') ?? target;
  // Its section from the heading down, where that fits with it: a report's row alone at the top
  // did not say which list it was in, its "Reports" scrolled away above it.
  const section = shown.parentElement?.closest('section');
  const view = shown.closest('.content');
  const place =
    section &&
    view &&
    shown.getBoundingClientRect().bottom - section.getBoundingClientRect().top <= view.clientHeight
      ? section
      : shown;
  if (!scrollViewTo(place, 'start')) place.scrollIntoView({ block: 'start' });
  (target.querySelector<HTMLElement>('summary') ?? target).focus({ preventScroll: true });
}

export function AttentionList({
  inquiry,
  signals: all,
  sectionsShown,
}: {
  inquiry: InquiryView;
  /** What needs a look (needs-a-look.ts), worked out once by the detail for it and Approve. */
  signals: readonly Signal[];
  /**
   * Whether the evidence views are on the page: Device and network comes with them, and the
   * report rows that open on what matched replace the plain ones. Until then only the cards are
   * led to, and the other lines are words.
   */
  sectionsShown: boolean;
}) {
  // A read still under way is said in Approve's confirmation only (needs-a-look.ts, `quiet`).
  const shown = all.filter((signal) => !signal.quiet);
  if (shown.length === 0) return null;
  const list = (
    <ul class="attention-list">
      {shown.map(({ text, target, withEvidence }, i) => (
        <li key={`${i}-${text}`}>
          {target && (sectionsShown || !withEvidence) ? (
            <button type="button" class="link" onClick={() => goTo(target)}>
              {text}
            </button>
          ) : (
            text
          )}
        </li>
      ))}
    </ul>
  );
  // Decided, nothing is left to act on: reopened to see why, or whether an approval went in, the
  // red list above the decision would call for action that can no longer be taken. What needed a
  // look stays one click away, in the page's own colours, in words that fit an approval (what it
  // passed over) and a decline (what it agreed with) alike.
  if (isFinalStatus(inquiry.status)) {
    return (
      <details class="attention is-decided" data-testid="attention">
        <summary class="attention-intro">{t('neededALook', formatNumber(shown.length))}</summary>
        {list}
      </details>
    );
  }
  return (
    <div class="attention" data-testid="attention">
      {/* A heading: a screen reader going by headings went from the inquiry's title to Photos,
          past this and the decision (UX review s72 L4). The list under it is not named again. */}
      <h3 class="attention-intro">{t('needsALook', formatNumber(shown.length))}</h3>
      {list}
    </div>
  );
}

import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { describeStatus } from '../../shared/persona/status.ts';
import { focusUnclaimed } from '../focus.ts';
import { moveAmongRows } from './row-keys.ts';
import { StatusChip } from './status-chip.tsx';

interface Props {
  id: string;
  status: string;
  referenceId?: string | undefined;
  /** Right-aligned small text, e.g. "changed 5 minutes ago". */
  meta?: ComponentChildren;
  unseen?: boolean;
  /** In the page's first frame: drawn at once, with no visibility to work out (popup.css). */
  drawNow?: boolean;
  /** The last of the rows that need the reviewer, with others below: drawn with an edge. */
  endsGroup?: boolean;
  /** A row the reviewer asked for (the first of a page loaded with Load more): it takes the focus. */
  focusOnMount?: boolean;
  /**
   * The row the reviewer opened before coming back, or the one in its place: it takes the focus
   * again, unless the reviewer has put it elsewhere before the row came (focus.ts).
   */
  cameBack?: boolean;
  /**
   * No longer waiting: decided, the answer not in yet, or gone from a list held still
   * (hold-rows.tsx). Drawn quieter, so the next row is the one the eye takes.
   */
  onItsWay?: boolean;
  onOpen: () => void;
}

/**
 * One inquiry in a list: a single button, so the whole row is one click; its list is one Tab
 * stop (row-keys.ts).
 */
export function InquiryRow(props: Props) {
  const {
    id,
    status,
    referenceId,
    meta,
    unseen,
    drawNow,
    endsGroup,
    focusOnMount,
    cameBack,
    onItsWay,
    onOpen,
  } = props;
  const button = useRef<HTMLButtonElement>(null);
  const noteId = useId();
  // Said after the row's name: a change not looked at, and where the rows that need the reviewer
  // end, which the edge below the row shows (watchlist-panel.tsx).
  const note = [unseen && t('changedUnseen'), endsGroup && t('endsNeedingYou')]
    .filter(Boolean)
    .join(', ');
  useEffect(() => {
    if (focusOnMount || (cameBack && focusUnclaimed())) button.current?.focus();
  }, []);
  return (
    <li
      class={
        [drawNow && 'draw-now', endsGroup && 'ends-group'].filter(Boolean).join(' ') || undefined
      }
    >
      <button
        ref={button}
        type="button"
        class={`inquiry-row${unseen ? ' is-unseen' : ''}${onItsWay ? ' is-on-its-way' : ''}`}
        // Said after the row's name, not in it: within it, the row's parts being flex items,
        // Chromium read the comma as a word of its own (", changed…").
        aria-describedby={note ? noteId : undefined}
        onClick={onOpen}
        onKeyDown={moveAmongRows}
      >
        {/* In the order they are read: what a reviewer looks for first, the reference and the
            status, and the 32-character id last; popup.css lays them out on two lines, the
            reference and the time first (flex order). None: said so in its place, so every row has
            its status under the reference's line. */}
        {referenceId ? (
          <span class="inquiry-ref" title={referenceId}>
            <ReferenceText reference={referenceId} />
          </span>
        ) : (
          <span class="inquiry-ref is-none">{t('rowNoReference')}</span>
        )}
        <StatusChip status={status} quiet />
        <span class="sr-only">{describeStatus(status).label}</span>
        {meta && <span class="inquiry-meta">{meta}</span>}
        <code class="inquiry-id">{id}</code>
      </button>
      {note && (
        <span id={noteId} hidden>
          {note}
        </span>
      )}
    </li>
  );
}

// The characters of a long reference kept past its cut: references that share their beginning
// ("customer-onboarding-2026-12-…") differ at their end.
const REF_TAIL = 8;

/**
 * A reference cut, where the row has no room for it, in its middle: its beginning gives way, with
 * an ellipsis, and its end stays. Said whole: a screen reader reads the two parts, flex items,
 * as two words, so they are hidden from it and the whole reference is said instead.
 */
function ReferenceText({ reference }: { reference: string }) {
  if (reference.length <= 2 * REF_TAIL) return <span>{reference}</span>;
  return (
    <>
      <span class="sr-only">{reference}</span>
      <span class="ref-cut" aria-hidden="true">
        <span>{reference.slice(0, -REF_TAIL)}</span>
        <span>{reference.slice(-REF_TAIL)}</span>
      </span>
    </>
  );
}

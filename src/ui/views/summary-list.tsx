import type { ComponentChildren } from 'preact';
import type { InquirySummary } from '../../shared/messages.ts';
import { InquiryRow } from '../components/inquiry-row.tsx';
import { useOneTabStop } from '../components/row-keys.ts';
import { openedRow } from './opened-row.ts';
import { openInquiry, QUEUE_KEPT, useNavigation } from './router.ts';

interface Props {
  items: readonly InquirySummary[];
  /** The list's accessible name. */
  label: string;
  /** The row's small right-hand text, e.g. when it was created. */
  meta: (item: InquirySummary) => ComponentChildren;
  class?: string;
  /** A row that takes the focus when it appears (the first of a page loaded with Load more). */
  focusId?: string | undefined;
  /** Watched inquiries whose change the reviewer has not looked at: marked as on the watchlist. */
  unseen?: ReadonlySet<string> | undefined;
  /** A queue to work down (Needs review): a row opens with the rows after it, for Next. */
  queue?: boolean;
  /**
   * Rows no longer waiting: a decision sent and not answered yet, or gone from the queue while it
   * was held still (hold-rows.tsx). Drawn as such, and Next leads past them.
   */
  onItsWay?: Pick<ReadonlySet<string>, 'has'> | undefined;
}

/** Inquiries Persona listed (matches, the review queue, earlier ones): a row opens its detail. */
/** Newest first, as Persona lists them: a list made of two of its answers, or a page added. */
export function newestFirst(items: InquirySummary[]): InquirySummary[] {
  return [...items].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

export function SummaryList({
  items,
  label,
  meta,
  class: className = 'inquiry-list',
  focusId,
  unseen,
  queue,
  onItsWay,
}: Props) {
  const nav = useNavigation();
  const tabStop = useOneTabStop();
  // Back in Needs review from a row that has left it since (decided), the first of the rows
  // around it then that is still listed takes the focus, not the tab above the list: after "decide,
  // Next, decide, Next, Back" too, whose first two have gone.
  const opened = openedRow(nav.route);
  const listed = (id: string) => items.some((item) => item.id === id);
  const standIn =
    queue && opened !== undefined && !listed(opened) && nav.route.name === 'home'
      ? nav.route.standIn?.find(listed)
      : undefined;
  return (
    <ul class={className} aria-label={label} {...tabStop}>
      {items.map((item, index) => (
        <InquiryRow
          key={item.id}
          id={item.id}
          status={item.status}
          referenceId={item.referenceId}
          meta={meta(item)}
          unseen={unseen?.has(item.id)}
          onItsWay={onItsWay?.has(item.id)}
          focusOnMount={item.id === focusId}
          cameBack={item.id === opened || item.id === standIn}
          // Next leads past a row already decided, its answer on its way.
          onOpen={() => {
            if (!queue) return openInquiry(nav, item);
            const waiting = (row: InquirySummary) => !onItsWay?.has(row.id);
            const after = items.slice(index + 1).filter(waiting);
            const before = items.slice(0, index).filter(waiting);
            const around = [...after, ...[...before].reverse()]
              .slice(0, QUEUE_KEPT)
              .map((row) => row.id);
            // Past the last row, Next goes on from the top: those above still wait.
            openInquiry(nav, item, [...after, ...before], around);
          }}
        />
      ))}
    </ul>
  );
}

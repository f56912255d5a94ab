import type { ComponentChildren } from 'preact';
import type { InquirySummary } from '../../shared/messages.ts';
import { InquiryRow } from '../components/inquiry-row.tsx';
import { useOneTabStop } from '../components/row-keys.ts';
import { openedRow } from './opened-row.ts';
import { openInquiry, useNavigation } from './router.ts';

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
  // Back from a row that has left the list since (decided off Needs review), the row now in its
  // place takes the focus, not the tab above the list (UX re-test s61, L6).
  const opened = openedRow(nav.route);
  const standIn =
    opened !== undefined && !items.some((item) => item.id === opened) && nav.route.name !== 'create'
      ? nav.route.standIn
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
          focusOnMount={item.id === focusId || item.id === opened || item.id === standIn}
          // Next leads past a row already decided, its answer on its way.
          onOpen={() =>
            openInquiry(
              nav,
              item,
              queue ? items.slice(index + 1).filter((next) => !onItsWay?.has(next.id)) : undefined,
              (items[index + 1] ?? items[index - 1])?.id,
            )
          }
        />
      ))}
    </ul>
  );
}

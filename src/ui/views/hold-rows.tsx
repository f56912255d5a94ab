// Rows that stay where they are while the pointer is aiming at them. The lists follow Persona and
// the watcher as they are read: in Needs review a row decided elsewhere leaves and one come to
// review arrives where its last change puts it; in the watchlist a row whose status changes goes to
// the top of its group (watchlist-panel.tsx). Under a resting pointer that moved the rows, and a
// click in that moment opened another inquiry than the one aimed at. While a mouse or pen moves on
// the list or the wheel turns over it, and for HOLD_IDLE_MS after, the rows drawn then stay in
// their places, each with its news: one that left stays, marked as gone, and the arrivals wait
// behind a "Show N new" button at the list's foot, where its coming moves no row. They go in when
// the pointer leaves or rests, or on that button. A pointer parked over a side panel all day so
// holds nothing for long. Touch is not held (a tap's pointer leaves before its click), nor the
// keyboard: the focus stays on its row whatever moves (review-queue.tsx moves it past a row that
// leaves; below, it follows a row moved where the browser would drop it), and the rows are read as
// they are.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { formatNumber } from '../components/format-time.ts';
import { useWheelAim } from './use-wheel-aim.ts';

interface Row {
  id: string;
}

/** How long after the pointer's last move or wheel turn the rows are held: a hand aiming moves. */
const HOLD_IDLE_MS = 3000;

export interface HeldRows<T extends Row> {
  /** The rows to draw: those held, each as it is now while it is listed. */
  rows: T[];
  /** Held rows no longer listed: gone from the list since the pointer came. */
  left: ReadonlySet<string>;
  /** Listed rows not drawn yet. */
  arrived: number;
}

/** `live` drawn in the places of `held`, the rows drawn when the pointer came. */
export function holdRows<T extends Row>(held: readonly T[], live: readonly T[]): HeldRows<T> {
  const listed = new Map(live.map((item) => [item.id, item]));
  const drawn = new Set(held.map((item) => item.id));
  return {
    rows: held.map((item) => listed.get(item.id) ?? item),
    left: new Set(held.filter((item) => !listed.has(item.id)).map((item) => item.id)),
    arrived: live.filter((item) => !drawn.has(item.id)).length,
  };
}

/**
 * The rows of `live` as they were when the pointer came onto the list, while it aims there.
 * `hold` goes on the element around the list; `show` draws the arrivals now, and `revealed` is
 * the first of them, for the focus (the button that brought them goes). `pinned`: rows the
 * reviewer asked for (Load more's page), drawn at the end even while held. `order`: when it
 * changes, the held rows take it. The held rows are kept in a ref, not in state: taking the hold
 * draws nothing new, and a render of fifty rows as the pointer comes would delay the click it
 * comes for (the bench's click → detail went from 31 to 47 ms with it); only letting go of rows
 * that differ from the list draws.
 */
export function useHeldRows<T extends Row>(
  live: T[],
  { pinned, order }: { pinned?: ReadonlySet<string> | undefined; order?: string } = {},
) {
  const held = useRef<T[]>(undefined);
  const shown = useRef<T[]>(live);
  const sorted = useRef(order);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [, redraw] = useState(0);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>();
  useEffect(() => () => clearTimeout(idle.current), []);
  // A new order is taken at once, held or not.
  if (sorted.current !== order) {
    sorted.current = order;
    if (held.current) held.current = live;
  }
  // A list gone empty lets go: its element may have gone with it, and no pointerleave comes. An
  // empty one is never held (the pointer over a queue still loading).
  const holding = live.length > 0 && held.current?.[0] ? held.current : undefined;
  const extra = holding
    ? live.filter((row) => pinned?.has(row.id) && !holding.some((was) => was.id === row.id))
    : [];
  // Kept once drawn: the page stays where it was drawn when Load more's focus is spent.
  held.current = holding && extra.length > 0 ? [...holding, ...extra] : holding;
  const now = held.current
    ? holdRows(held.current, live)
    : { rows: live, left: new Set<string>(), arrived: 0 };
  shown.current = now.rows;
  const latest = useRef(live);
  latest.current = live;
  const release = () => {
    clearTimeout(idle.current);
    held.current = undefined;
    const list = latest.current;
    const drawn = shown.current;
    if (drawn.length !== list.length || drawn.some((row, i) => row.id !== list[i]?.id)) {
      redraw((n) => n + 1);
    }
  };
  const aim = () => {
    if (!held.current && latest.current[0]) held.current = latest.current;
    clearTimeout(idle.current);
    idle.current = setTimeout(release, HOLD_IDLE_MS);
  };
  // The wheel scrolls the rows under a pointer that does not move: it aims as a move does
  // (use-wheel-aim.ts; Preact's onWheel is not passive).
  const { box, ref } = useWheelAim(aim);
  // Preact moves a row to its new place with moveBefore where the browser has it, which keeps
  // the focus on the row; Firefox ESR 140 has not, and a row taken out and put back loses it. The
  // row focused before the render has it back after, if nothing else took it.
  const focused = box.current?.contains(document.activeElement) && document.activeElement;
  useLayoutEffect(() => {
    // Not scrolled to, as moveBefore's row is not.
    if (focused && document.activeElement === document.body) {
      (focused as HTMLElement).focus({ preventScroll: true });
    }
  });
  return {
    ...now,
    /** The rows as the hold took them, or as listed when none: what set their places. */
    placed: held.current ?? live,
    revealed: revealed && now.rows.find((row) => revealed.has(row.id))?.id,
    hold: {
      ref,
      onPointerMove: (event: PointerEvent) => {
        if (event.pointerType !== 'touch') aim();
      },
      onPointerLeave: release,
    },
    show: () => {
      const drawn = new Set(now.rows.map((row) => row.id));
      setRevealed(new Set(live.filter((row) => !drawn.has(row.id)).map((row) => row.id)));
      held.current = live;
    },
  };
}

/**
 * The rows that came while the list was held, at its foot: after the last row, so its coming
 * moves none of them (Load more, below it, goes down) and covers none (popup.css).
 */
export function ShowNew({ count, show }: { count: number; show: () => void }) {
  if (count === 0) return null;
  return (
    <button type="button" class="show-new" onClick={show}>
      {t('showNew', formatNumber(count))}
    </button>
  );
}

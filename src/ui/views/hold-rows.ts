// Rows that stay where they are while the pointer is on the list (UX review s51, 7). The lists
// follow Persona and the watcher as they are read: in Needs review a row decided elsewhere leaves
// and one come to review arrives where its last change puts it; in the watchlist a row whose
// status changes goes to the top. Under a resting pointer that moved the rows, and a click in
// that moment opened another inquiry than the one aimed at. While the pointer is on the list,
// the rows drawn when it came stay in their places, each with its news: one that left stays,
// marked as gone, and the arrivals wait behind a "Show N new" button. They go in when the pointer
// leaves, or on that button. Keyboard users are not held: the focus stays on its row whatever
// moves (review-queue.tsx moves it past a row that leaves), and the rows are read as they are.
import { useState } from 'preact/hooks';

interface Row {
  id: string;
}

export interface HeldRows<T extends Row> {
  /** The rows to draw: those held, each as it is now while it is listed. */
  rows: T[];
  /** Held rows no longer listed: gone from the queue since the pointer came. */
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
 * The rows of `live` as they were when the pointer came onto the list, while it is there.
 * `hold` goes on the element the pointer is over (the list); `show` draws the arrivals now.
 */
export function useHeldRows<T extends Row>(live: T[]) {
  const [held, setHeld] = useState<T[]>();
  const now = held ? holdRows(held, live) : { rows: live, left: new Set<string>(), arrived: 0 };
  return {
    ...now,
    hold: {
      onPointerEnter: () => setHeld(live),
      onPointerLeave: () => setHeld(undefined),
    },
    show: () => setHeld(live),
  };
}

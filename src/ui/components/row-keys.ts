// Arrow keys in a list of inquiries: Down and Up move to the next and previous row, Home and End to
// the first and last, as in a list box; past either end, the key is the browser's again (it scrolls
// the view). The list is one Tab stop: a list of fifty rows took fifty Tabs to cross. Its stop is
// the row last focused (Back from an inquiry puts the focus on the row it came from,
// inquiry-row.tsx), else the first; Tab leaves the list for what follows it.
import { useEffect, useRef } from 'preact/hooks';

/** A row's keydown: moves the focus to another row of the same list, if the key says so. */
export function moveAmongRows(event: KeyboardEvent): void {
  const { key } = event;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const row = event.currentTarget as HTMLElement;
  const rows = [...(row.closest('ul')?.querySelectorAll<HTMLElement>('.inquiry-row') ?? [])];
  const at = rows.indexOf(row);
  const to =
    key === 'Home'
      ? 0
      : key === 'End'
        ? rows.length - 1
        : key === 'ArrowDown'
          ? at + 1
          : key === 'ArrowUp'
            ? at - 1
            : -1;
  const target = rows[to];
  if (at < 0 || !target) return;
  event.preventDefault();
  target.focus();
}

/**
 * Makes the row with the focus, else the row that was the stop, else the first, the list's one
 * Tab stop. Set on the rows, not rendered: the stop follows the focus, which Preact does not see.
 */
function keepOneTabStop(list: HTMLElement | null): void {
  const rows = [...(list?.querySelectorAll<HTMLElement>('.inquiry-row') ?? [])];
  const stop =
    rows.find((row) => row === document.activeElement) ??
    rows.find((row) => row.getAttribute('tabindex') === '0') ??
    rows[0];
  // Written only where it changes: each render of a fifty-row list comes here.
  for (const row of rows) {
    const tabIndex = row === stop ? 0 : -1;
    if (row.tabIndex !== tabIndex) row.tabIndex = tabIndex;
  }
}

/**
 * For a list of inquiry rows: one Tab stop, kept after each render and on each focus. In an
 * effect, not a layout effect: the first screen's wait for its first frame to be on screen
 * (first-paint.ts), and no key reaches a row before it.
 */
export function useOneTabStop() {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => keepOneTabStop(list.current));
  return { ref: list, onFocusIn: () => keepOneTabStop(list.current) };
}

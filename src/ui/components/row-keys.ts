// Arrow keys in a list of inquiries (UX review s57, L6): each row is its own tab stop, so that
// Back returns the focus to the row it came from, and a list of a thousand rows took a thousand
// Tabs to cross. Down and Up move to the next and previous row, Home and End to the first and
// last, as in a list box; Tab still leaves the row for what follows it. Past either end, the key
// is the browser's again (it scrolls the view).

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

// Where the keyboard focus is after a change: a focused element that is disabled or removed
// leaves it on the page itself, and a keyboard user would start over from the top.

/**
 * True when nothing on the page has the focus (it fell to `<body>`), or a disabled control holds
 * it, which browsers that do not move it at once (the focus fixup rule) leave stuck there.
 */
export function focusLost(): boolean {
  const active = document.activeElement;
  return (
    active === null ||
    active === document.body ||
    (active as Partial<HTMLButtonElement>).disabled === true
  );
}

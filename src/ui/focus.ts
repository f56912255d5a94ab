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

/**
 * True while the focus is where the desk left it, not where the reviewer has put it since: lost,
 * on Back (just pressed, it stays in the top bar), on a tab (Home gives it the list's tab while
 * its rows are read again) or on a title the desk focuses itself (`tabindex="-1"`). A row that
 * comes back late, read again from Persona, then takes it; not from the search box, say.
 */
export function focusUnclaimed(): boolean {
  const active = document.activeElement;
  return (
    focusLost() || !active?.isConnected || active.matches('.back, [role="tab"], [tabindex="-1"]')
  );
}

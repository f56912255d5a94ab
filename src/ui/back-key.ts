// The keys that go back: Escape, and Alt+← alone. Firefox's toolbar popup closes on Escape
// before the page sees the key at all, so Alt+← goes back too, where Escape would (Back's key in
// Chrome and Firefox on Windows and Linux; on a Mac, ⌥← moves the caret a word, which is why a
// field keeps it). The views go back on them (views/escape-back.ts), a confirmation cancels on
// them.

const OWNS_ESCAPE = 'dialog, input, textarea, select, [contenteditable]';
const DRAFTED_FIELD =
  '[data-drafted] :is(input:is([type=text], [type=email], [type=tel], [type=date], :not([type])), textarea)';

/**
 * Whether a key goes back: Escape, or Alt+← alone. Not from a field, which keeps Alt+← (on a
 * Mac it moves the caret a word) and Escape unless the draft keeps the field's text; not while
 * a dialog is open.
 */
export function goesBack(event: KeyboardEvent): boolean {
  // An Escape that ends a composition (an input method's candidates) is the field's.
  if (event.defaultPrevented || event.isComposing) return false;
  const altBack = isAltLeft(event);
  if (event.key !== 'Escape' && !altBack) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(OWNS_ESCAPE) && (altBack || !target.matches(DRAFTED_FIELD))) return false;
  // An open dialog owns Escape wherever the focus is: tabbed out of it onto the page, the
  // Escape that closes the enlarged photo must not also leave the detail.
  return !document.querySelector('dialog[open]');
}

/** Alt+← and no other modifier. */
export function isAltLeft(event: KeyboardEvent): boolean {
  return (
    event.key === 'ArrowLeft' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey
  );
}

/**
 * Whether the desk keeps an Alt+← it does not use (at Home, in a field, on a locked desk) from
 * the browser, whose Back would take the window's tab, the chat, a page back. Not on a Mac, where
 * ⌥← is no Back but moves the caret a word in a field.
 */
export function keptFromBrowser(event: KeyboardEvent): boolean {
  return isAltLeft(event) && !event.defaultPrevented && !/Mac|iPhone|iPad/.test(navigator.platform);
}

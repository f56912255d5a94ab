// Escape goes back, as the Back button does, from any view that has one. A toolbar popup closes
// on an Escape nobody handled, which from a detail threw the reviewer out of the desk instead
// of one step back; at Home, with nowhere to go back to, it still closes. Firefox's toolbar popup
// closes on Escape before the page sees the key at all (UX review s50, 1), so Alt+← goes back
// too, as it does in a browser's tab, everywhere Escape would. Left alone where
// Escape already means something: a field (a search box clears, a typed tag stays), an open
// dialog (the enlarged photo closes), a confirmation (it cancels, and says it handled the key).
// A form whose fields the draft keeps (the create form, `data-drafted`) loses nothing by going
// back, so there Escape goes back from a text field too, as from the form's buttons; except while
// its create is out, when the form holds Back and Escape itself (create-view.tsx).
import { useEffect } from 'preact/hooks';
import type { Navigation } from './router.ts';

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
  const altBack =
    event.key === 'ArrowLeft' &&
    event.altKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.shiftKey;
  if (event.key !== 'Escape' && !altBack) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(OWNS_ESCAPE) && (altBack || !target.matches(DRAFTED_FIELD))) return false;
  // An open dialog owns Escape wherever the focus is: tabbed out of it onto the page, the
  // Escape that closes the enlarged photo must not also leave the detail.
  return !document.querySelector('dialog[open]');
}

export function useEscapeBack(nav: Navigation, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !nav.canGoBack) return;
    const onKey = (event: KeyboardEvent) => {
      if (!goesBack(event)) return;
      event.preventDefault();
      nav.back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [nav, enabled]);
}

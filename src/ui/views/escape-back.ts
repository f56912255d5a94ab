// Escape goes back, as the Back button does, from any view that has one. A toolbar popup closes
// on an Escape nobody handled, which from a detail threw the reviewer out of the desk instead
// of one step back; at Home, with nowhere to go back to, it still closes. Left alone where
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

export function useEscapeBack(nav: Navigation, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !nav.canGoBack) return;
    const onKey = (event: KeyboardEvent) => {
      // An Escape that ends a composition (an input method's candidates) is the field's.
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(OWNS_ESCAPE) && !target.matches(DRAFTED_FIELD)) return;
      // An open dialog owns Escape wherever the focus is: tabbed out of it onto the page, the
      // Escape that closes the enlarged photo must not also leave the detail.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      nav.back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [nav, enabled]);
}

// Escape goes back, as the Back button does, from any view that has one. A toolbar popup closes
// on an Escape nobody handled, which from a detail threw the reviewer out of the desk instead
// of one step back; at Home, with nowhere to go back to, it still closes. Left alone where
// Escape already means something: a field (a search box clears, a typed tag stays), an open
// dialog (the enlarged photo closes), a confirmation (it cancels, and says it handled the key).
import { useEffect } from 'preact/hooks';
import type { Navigation } from './router.ts';

const OWNS_ESCAPE = 'dialog, input, textarea, select, [contenteditable]';

export function useEscapeBack(nav: Navigation, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !nav.canGoBack) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest(OWNS_ESCAPE)) return;
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

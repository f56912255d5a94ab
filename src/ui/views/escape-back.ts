// Escape (or Alt+←, back-key.ts) goes back, as the Back button does, from any view that has
// one. A toolbar popup closes on an Escape nobody handled, which from a detail threw the reviewer
// out of the desk instead of one step back; at Home, with nowhere to go back to, it still closes.
// Left alone where the key already means something: a field (a search box clears, a typed tag
// stays), an open dialog (the enlarged photo closes), a confirmation (it cancels, and says it
// handled the key). A form whose fields the draft keeps (the create form, `data-drafted`) loses
// nothing by going back, so there Escape goes back from a text field too, as from the form's
// buttons; except while its create is out, when the form holds Back and both keys itself
// (create-view.tsx).
import { useEffect } from 'preact/hooks';
import { goesBack, keptFromBrowser } from '../back-key.ts';
import type { Navigation } from './router.ts';

export function useEscapeBack(nav: Navigation, enabled: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!enabled || !goesBack(event)) {
        if (keptFromBrowser(event)) event.preventDefault();
        return;
      }
      // A held key goes back one step, not through every view to Home, nor on to close the
      // popup there.
      if (event.repeat) return event.preventDefault();
      // At Home, Escape is left to the browser (a toolbar popup closes); Alt+← is kept from it
      // there too (back-key.ts).
      if (event.key === 'Escape' && !nav.canGoBack) return;
      event.preventDefault();
      if (nav.canGoBack) nav.back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [nav, enabled]);
}

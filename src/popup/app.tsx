import { LOOKUP_TAB_PARAM } from '../shared/lookup-tab.ts';
import { DeskShell } from '../ui/views/desk-shell.tsx';
import { RoutedDesk } from '../ui/views/routed-desk.tsx';
import { routeFromQuery } from '../ui/views/router.ts';

/**
 * The toolbar popup: the desk, opened on the view its URL asks for (`?inquiry=inq_…`). Opened in a
 * tab for a lookup (no side panel), it follows the lookup's route from storage.session instead.
 * With no query (the toolbar's own popup) it notes the inquiry it shows, and home offers it again
 * to the popup opened after a click into the chat closed it. Home, not that inquiry, since most
 * popups open to paste the next id into Find inquiry.
 */
export function App() {
  if (new URLSearchParams(location.search).has(LOOKUP_TAB_PARAM)) return <RoutedDesk />;
  if (location.search) return <DeskShell first={routeFromQuery(location.search)} />;
  return <DeskShell first={{ name: 'home' }} remember />;
}

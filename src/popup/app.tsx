import { draftItem } from '../shared/generated/first-screen-items.ts';
import { LOOKUP_TAB_PARAM } from '../shared/lookup-tab.ts';
import { freshPreload } from '../ui/stored-preload.ts';
import { DeskShell } from '../ui/views/desk-shell.tsx';
import { RoutedDesk } from '../ui/views/routed-desk.tsx';
import { routeFromQuery } from '../ui/views/router.ts';

/**
 * How soon after the toolbar popup showed an inquiry it opens on it again: long enough for a link
 * pasted into the chat and the person's first answer, short enough that a popup opened for
 * something else an hour later starts at home.
 */
export const REOPEN_WITHIN_MS = 10 * 60_000;

/**
 * The toolbar popup: the desk, opened on the view its URL asks for (`?inquiry=inq_…`). Opened in a
 * tab for a lookup (no side panel), it follows the lookup's route from storage.session instead.
 * Opened with no query (the toolbar's own popup), on the inquiry it showed last if that was within
 * REOPEN_WITHIN_MS, Back leading home to its row (UX review s51, 6).
 */
export function App() {
  if (new URLSearchParams(location.search).has(LOOKUP_TAB_PARAM)) return <RoutedDesk />;
  if (location.search) return <DeskShell first={routeFromQuery(location.search)} />;
  const last = freshPreload(draftItem)?.value.lastInquiry;
  if (last && Date.now() - last.at < REOPEN_WITHIN_MS) {
    return (
      <DeskShell
        first={{ name: 'detail', id: last.id }}
        under={{ name: 'home', opened: last.id }}
        remember
      />
    );
  }
  return <DeskShell first={{ name: 'home' }} remember />;
}

// A tiny in-memory router. The popup has no address bar, so history is a stack in memory; the
// first view can come from the page's query (`?inquiry=inq_…`, `?view=create`), which is how
// notifications and the side panel open a given view. `?home` (any other query too) is home, as
// a page, not the toolbar popup, which alone offers the inquiry it last showed (src/popup/app.tsx).
import { createContext } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import type { InquiryReply, OneTimeLink } from '../../shared/messages.ts';

export type HomeTab = 'watchlist' | 'review';

/** A row opened, or one of Needs review after it: where Next goes once that one is decided. */
export interface QueuedRow {
  id: string;
  referenceId?: string | undefined;
  /** What the row showed, for the detail to say while it cannot be read; not kept in the draft. */
  status?: string | undefined;
}

/**
 * How many rows after it the toolbar popup keeps with the inquiry it last showed, for Next once it
 * is offered again (desk-shell.tsx): an afternoon's work, not a page of Persona's.
 */
export const QUEUE_KEPT = 20;

/** A row as the toolbar popup notes it: its id, and its reference where it has one. */
export function queuedRow({ id, referenceId }: QueuedRow): QueuedRow {
  return referenceId ? { id, referenceId } : { id };
}

export type Route =
  /**
   * `tab` and `opened` (the row last opened) bring the reviewer back to where they were;
   * `standIn`: opened from Needs review, the rows around it then, those after it first, of which
   * the first still listed takes its place once it has left the queue (summary-list.tsx).
   */
  | { name: 'home'; tab?: HomeTab; opened?: string; standIn?: readonly string[] | undefined }
  | { name: 'create' }
  /**
   * `initial` is a reply already in hand (create, search), so the detail needs no request.
   * `opened`: the inquiry last opened from its Other inquiries, for Back, as on home.
   * `queue`: opened from Needs review, the rows after it there then.
   * `referenceId`: the one its row showed, which the toolbar popup's offer to return to it names.
   * `status`: the one its row showed, said while the inquiry cannot be read (a 429, offline).
   */
  | {
      name: 'detail';
      id: string;
      referenceId?: string | undefined;
      status?: string | undefined;
      initial?: InquiryReply & { link?: OneTimeLink | null };
      opened?: string;
      queue?: readonly QueuedRow[];
    }
  /** `opened`: as on home, the result last opened, for Back. */
  | { name: 'matches'; query: string; opened?: string };

export interface Navigation {
  route: Route;
  canGoBack: boolean;
  go: (route: Route) => void;
  /** Swaps the current view without a history entry (search result → detail). */
  replace: (route: Route) => void;
  back: () => void;
}

export function routeFromQuery(search: string): Route {
  const params = new URLSearchParams(search);
  const inquiry = params.get('inquiry');
  if (inquiry) return { name: 'detail', id: inquiry };
  const view = params.get('view');
  const query = params.get('q');
  if (view === 'create') return { name: 'create' };
  if (view === 'matches' && query) return { name: 'matches', query };
  return { name: 'home' };
}

export function useRouter(first: Route): Navigation {
  const [stack, setStack] = useState<Route[]>([first]);
  return useMemo(
    () => ({
      route: stack.at(-1) ?? { name: 'home' },
      canGoBack: stack.length > 1 || stack[0]?.name !== 'home',
      go: (route) => setStack((s) => [...s, route]),
      replace: (route) => setStack((s) => [...s.slice(0, -1), route]),
      // A view opened from the URL has nothing under it; going back from it means going home.
      back: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : [{ name: 'home' }])),
    }),
    [stack],
  );
}

/**
 * Opens an inquiry's detail from a list. The row is remembered in the view it was opened from
 * (home, the search results, a detail's Other inquiries), so Back returns to it with the focus on
 * that row, not to the top of the watchlist or of the inquiry before.
 */
export function openInquiry(
  nav: Navigation,
  row: QueuedRow,
  queue?: readonly QueuedRow[],
  standIn?: readonly string[],
): void {
  const { id, referenceId, status } = row;
  // Only home has a queue to stand in for a row: Needs review.
  if (nav.route.name === 'home') nav.replace({ ...nav.route, opened: id, standIn });
  else if (nav.route.name !== 'create') nav.replace({ ...nav.route, opened: id });
  nav.go({ name: 'detail', id, referenceId, status, ...(queue?.[0] ? { queue } : {}) });
}

/** Home's `opened` once it opened the create form: back from the form, New inquiry has the focus. */
export const NEW_INQUIRY = 'new-inquiry';

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  // Only a view rendered outside the desk's shell (a mistake the tests catch) throws it: named by
  // the hook alone, since every desk page carries the message in its first screen's chunk.
  if (!nav) throw new Error('useNavigation');
  return nav;
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../shared/browser.ts';
import { panelRouteItem } from '../../shared/generated/first-screen-items.ts';
import type { PanelRoute } from '../../shared/storage-items.ts';
import { useStored } from '../use-stored.ts';
import { DeskShell } from './desk-shell.tsx';
import { type Route, routeFromQuery } from './router.ts';

function toRoute(route: PanelRoute): Route {
  if (route.inquiry) return { name: 'detail', id: route.inquiry };
  if (route.search) return { name: 'matches', query: route.search };
  return { name: 'home' };
}

/**
 * Whether this page's window is the one the reviewer works in. A lookup is made there (the context
 * menu, the `kyc` keyword and a notification's click all act in the focused window), and the
 * side panel of another window, beside another customer's chat, keeps its own inquiry.
 */
async function inFocusedWindow(): Promise<boolean> {
  const [own, focused] = await Promise.all([
    browser.windows.getCurrent(),
    browser.windows.getLastFocused(),
  ]);
  return own.id === focused.id;
}

/**
 * The desk that follows lookups. The context menu and the omnibox send it somewhere by writing
 * panelRouteItem to storage.session (never the looked-up text into a URL, where History would keep
 * it); each new route starts the desk afresh on that view, so Back leads home rather than into the
 * previous lookup's history. The route it opens with is its own; a later one only in the window the
 * lookup was made in.
 */
export function RoutedDesk() {
  const route = useStored(panelRouteItem);
  const [shown, setShown] = useState<PanelRoute | null | undefined>(undefined);
  useEffect(() => {
    if (route === undefined) return;
    if (shown === undefined) {
      setShown(route);
      return;
    }
    if (route?.at === shown?.at) return;
    let live = true;
    void inFocusedWindow().then((ours) => live && ours && setShown(route));
    return () => {
      live = false;
    };
  }, [route === undefined ? -1 : (route?.at ?? 0)]);
  // The first route is shown at once, not a render later: the desk's first paint has it.
  const current = shown === undefined ? route : shown;
  if (current === undefined) return null;
  const first = current ? toRoute(current) : routeFromQuery(location.search);
  return <DeskShell key={current?.at ?? 0} first={first} />;
}

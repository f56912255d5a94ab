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
 * The desk that follows lookups. The context menu and the omnibox send it somewhere by writing
 * panelRouteItem to storage.session (never the looked-up text into a URL, where History would keep
 * it); each new route starts the desk afresh on that view, so Back leads home rather than into the
 * previous lookup's history.
 */
export function RoutedDesk() {
  const route = useStored(panelRouteItem);
  if (route === undefined) return null;
  const first = route ? toRoute(route) : routeFromQuery(location.search);
  return <DeskShell key={route?.at ?? 0} first={first} />;
}

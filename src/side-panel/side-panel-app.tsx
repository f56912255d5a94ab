import type { PanelRoute } from '../shared/storage-items.ts';
import { panelRouteItem } from '../shared/storage-items.ts';
import { useStored } from '../ui/use-stored.ts';
import { DeskShell } from '../ui/views/desk-shell.tsx';
import { type Route, routeFromQuery } from '../ui/views/router.ts';

function toRoute(route: PanelRoute): Route {
  if (route.inquiry) return { name: 'detail', id: route.inquiry };
  if (route.search) return { name: 'matches', query: route.search };
  return { name: 'home' };
}

/**
 * The side panel: the same desk as the popup, staying open beside the chat. The context menu and
 * the omnibox send it somewhere by writing panelRouteItem; each new route starts the desk afresh
 * on that view, so Back leads home rather than into the previous lookup's history.
 */
export function SidePanelApp() {
  const route = useStored(panelRouteItem);
  if (route === undefined) return null;
  const first = route ? toRoute(route) : routeFromQuery(location.search);
  return <DeskShell key={route?.at ?? 0} first={first} />;
}

import { RoutedDesk } from '../ui/views/routed-desk.tsx';

/** The side panel: the same desk as the popup, staying open beside the chat, following lookups. */
export function SidePanelApp() {
  return <RoutedDesk />;
}

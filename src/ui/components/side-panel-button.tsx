import { useState } from 'preact/hooks';
import { browser } from '../../shared/browser.ts';
import { chromeSidePanel, firefoxSidebar } from '../../shared/browser-panels.ts';
import { panelRouteItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { openPanel } from '../../shared/open-panel.ts';
import { readItem, writeItem } from '../../shared/storage.ts';

/**
 * Moves an inquiry from the toolbar popup to the side panel (Firefox's sidebar), which stays open
 * beside the chat: the popup closes as soon as the reviewer clicks into the chat. The panel follows
 * the route as it does a lookup's (routed-desk.tsx). Not shown in the panel itself, nor where the
 * browser has neither.
 */
export function SidePanelButton({ id }: { id: string }) {
  const [failed, setFailed] = useState(false);
  const panel = chromeSidePanel();
  const sidebar = firefoxSidebar();
  // The side panel's page marks its body (src/side-panel/index.html).
  if (document.body.classList.contains('side-panel') || !(panel || sidebar)) return null;
  const open = () => {
    setFailed(false);
    // Asked before the route is written, so it answers with the route the panel had.
    const before = readItem(panelRouteItem).catch(() => null);
    const route = { inquiry: id, at: Date.now() };
    // Before any await: a panel opens only inside the user's gesture.
    openPanel(browser.windows.WINDOW_ID_CURRENT)
      .then(
        // The toolbar popup closes; a tab (a lookup's, where the browser had no panel) stays.
        async () => (await browser.tabs.getCurrent()) || window.close(),
        async () => {
          setFailed(true);
          // A panel the reviewer opens later goes where it would have, not to this inquiry; unless
          // a lookup has routed it since.
          const now = await readItem(panelRouteItem);
          if (now?.at === route.at && now.inquiry === id) {
            await writeItem(panelRouteItem, await before);
          }
        },
      )
      .catch(() => undefined);
    // Written at once, not after the panel is open: the panel reads it as it opens.
    void writeItem(panelRouteItem, route);
  };
  return (
    <>
      <button type="button" class="link" onClick={open}>
        {t(panel ? 'openInSidePanel' : 'openInSidebar')}
      </button>
      {failed && (
        <span role="alert" class="muted">
          {t(panel ? 'sidePanelFailed' : 'sidebarFailed')}
        </span>
      )}
    </>
  );
}

// Opening the side panel beside the page, shared by the worker's lookups (open-lookup.ts) and the
// desk's Open in side panel (side-panel-button.tsx). Apart from browser.ts, which the desk's first
// screen loads: neither of them is on it (docs/architecture.md, Budgets).
import { chromeSidePanel, firefoxSidebar } from './browser-panels.ts';

/**
 * Opens Chrome's side panel in `windowId` (none given: not Chrome's), or Firefox's sidebar. Call
 * it inside the user's gesture, before any await: the browser opens a panel only then. Its call
 * is made at once, in the executor; a throw, a refusal, or neither panel rejects.
 */
export function openPanel(windowId: number | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const panel = chromeSidePanel();
    const sidebar = firefoxSidebar();
    if (panel && windowId !== undefined) resolve(panel.open({ windowId }));
    else if (sidebar) resolve(sidebar.open());
    else reject();
  });
}

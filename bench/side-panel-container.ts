// The side panel's first paint in its own container, as a reviewer opens it, not as a tab:
// Chrome opens a side panel only inside a user gesture, and a click Playwright sends through
// DevTools is one. So a helper page sets the panel's page (`sidePanel.setOptions`) before each
// opening, and a button of its own calls `sidePanel.open` in the click's handler, with nothing
// awaited first (an await would end the gesture). The panel's paint timing is read through
// `extension.getViews`, as for the toolbar popup (toolbar-popup.ts): extension pages share one
// renderer. Each page is the side panel's, the blank page and the floor page, opened in the
// same 360 px container; the panel is closed (`sidePanel.close`) between openings.
import type { BenchEnv } from './bench-env.ts';
import { BLANK_PAGE } from './bench-env.ts';
import { FLOOR_PAGE, NEUTRAL_PAGE, WATCHED_ROWS } from './first-paint.ts';
import { type Opened, paintsOf, type ToolbarPagePaint } from './toolbar-popup.ts';

export type PanelPage = 'panel' | 'blank' | 'floor';

export interface SidePanelContainer {
  runs: number;
  pages: Record<PanelPage, ToolbarPagePaint>;
}

/** Between one panel's closing and the next one's opening, as for the toolbar popup. */
const PAUSE_MS = 500;

const OPEN_BUTTON = 'bench-open-side-panel';

// Strings, not functions: tsx's keepNames helper does not exist inside the page (first-paint.ts).
const addOpenButton = `(async () => {
  const { id } = await chrome.windows.getCurrent();
  const button = document.createElement('button');
  button.id = '${OPEN_BUTTON}';
  button.textContent = 'Open the side panel';
  // Called in the click's own task: the gesture holds for sidePanel.open only until an await.
  button.onclick = () => {
    window.benchOpened = chrome.sidePanel.open({ windowId: id });
  };
  window.benchWindow = id;
  document.body.append(button);
})()`;

// `rows`: the watched rows the page holds once it has rendered after its first paint, waited for
// before they are counted (0: not a desk page).
const readAndClose = (path: string, rows: number) => `(async () => {
  await window.benchOpened;
  const started = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const view = chrome.extension.getViews().find((v) => v.location.pathname === '/${path}');
    const fcp = view?.performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const rows = view?.document.querySelectorAll(${JSON.stringify(WATCHED_ROWS)}).length;
    if (view && fcp !== undefined && rows >= ${rows}) {
      const size = view.innerWidth + 'x' + view.innerHeight;
      await chrome.sidePanel.close({ windowId: window.benchWindow });
      for (let tries = 0; chrome.extension.getViews().some((v) => v === view); tries++) {
        if (tries > 100) throw new Error('the side panel did not close: ${path}');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { fcp, rows, size };
    }
    if (performance.now() - started > 10000) throw new Error('the side panel did not paint: ${path}');
  }
})()`;

/**
 * Opens each page in the side panel `runs` times (after one warm-up each), in a rotating order,
 * {@link PAUSE_MS} apart (or `pauseMs`). Call after measureFirstPaint, which writes the floor
 * page.
 */
export async function measureSidePanelContainer(
  env: BenchEnv,
  options: { runs: number; pauseMs?: number; rows: number },
): Promise<SidePanelContainer> {
  const paths: Record<PanelPage, string> = {
    panel: 'src/side-panel/index.html',
    blank: BLANK_PAGE,
    floor: FLOOR_PAGE,
  };
  const names = Object.keys(paths) as PanelPage[];
  const opened = Object.fromEntries(names.map((name) => [name, [] as Opened[]])) as Record<
    PanelPage,
    Opened[]
  >;
  const helper = await env.ext.context.newPage();
  try {
    await helper.goto(env.ext.extensionUrl(NEUTRAL_PAGE));
    await helper.evaluate(addOpenButton);
    for (let run = -1; run < options.runs; run++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + run + names.length) % names.length] as PanelPage;
        await helper.evaluate(
          `chrome.sidePanel.setOptions({ path: ${JSON.stringify(paths[name])}, enabled: true })`,
        );
        await helper.click(`#${OPEN_BUTTON}`);
        const got = (await helper.evaluate(
          readAndClose(paths[name], name === 'panel' ? options.rows : 0),
        )) as Opened;
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? PAUSE_MS));
        if (run >= 0) opened[name].push(got);
      }
    }
  } finally {
    // The manifest's panel again, for the figures after this one.
    await helper
      .evaluate(`chrome.sidePanel.setOptions({ path: 'src/side-panel/index.html' })`)
      .catch(() => undefined);
    await helper.close();
  }
  return {
    runs: options.runs,
    pages: paintsOf(opened, 'blank'),
  };
}

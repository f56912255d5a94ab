// The first-paint pages opened as the toolbar popup itself, not as a tab: an extension page sets
// the action's popup to each page in turn (`action.setPopup`) and opens it (`action.openPopup`,
// which needs no user gesture since Chrome 127), then reads the popup's paint timing through
// `extension.getViews`: extension pages share one renderer, so the popup's window is in reach.
// Nothing is injected into the popup, which Playwright does not see as a page.
//
// Why both: a page loaded as a tab waits for the files it loads. In a trace of the one-script
// floor page as a tab, its script was asked for 7 ms after navigation start and arrived 22 ms
// later, once Chromium's browser main thread had finished the navigation's bookkeeping for the
// tab (history, tab strip, favicon: some 14 ms of tasks). A toolbar popup has no tab to update,
// and there the floor page painted at 0.95× to 1.22× the blank one, against 1.14× to 1.22× as a
// tab (docs/architecture.md#budgets). The tab figures stay the budgeted ones; these show what a
// reviewer opening the popup gets.
//
// A desk page's first contentful paint is its list's: the page holds no text until it renders,
// once, with its first screen's stored items (src/ui/mount-desk.tsx). The tab figures check that
// from inside the page (first-paint.ts); nothing is put into these pages, so here it is taken as
// read. The rows are counted once every one is there, to say the desk showed its list.
import type { BenchEnv } from './bench-env.ts';
import { BLANK_PAGE } from './bench-env.ts';
import { FLOOR_PAGE, NEUTRAL_PAGE, STATIC_PAGE, WATCHED_ROWS } from './first-paint.ts';
import { median, ratio, round1 } from './stats.ts';

export type ToolbarPage = 'popup' | 'blank' | 'floor' | 'static';

export interface ToolbarPagePaint {
  /** Median first contentful paint, ms from the popup's navigation start. */
  fcpMs: number;
  /** fcpMs / the blank page's, same run. */
  ratio: number;
  /**
   * The fewest watched rows the page held once painted and rendered again after (the desk's every
   * row, the static copy's first frame's).
   */
  rows: number;
  /** The popup window's inner size once painted: it grows to its content. */
  size: string;
  samples: number[];
}

export interface ToolbarPopup {
  runs: number;
  /** The action's popup once measured: the manifest's again, as the next figures expect. */
  popupAfter: string;
  pages: Record<ToolbarPage, ToolbarPagePaint>;
}

/**
 * Between a popup's closing and the next one's opening. A reviewer's popups are seconds apart;
 * opened back to back, the closing popup's teardown overlapped the next one's load, and the
 * floor page painted at 1.24× blank instead of 0.95× to 0.97× with a pause (probe, 8 to 12 of
 * each, 2026-12-02).
 */
const PAUSE_MS = 500;

/** One opening: its first contentful paint, the watched rows it held, its window's size. */
export interface Opened {
  fcp: number;
  rows: number;
  size: string;
}

/** Each page's openings as its median paint, set against the blank page's of the same run. */
export function paintsOf<P extends string>(
  opened: Record<P, Opened[]>,
  blank: NoInfer<P>,
): Record<P, ToolbarPagePaint> {
  const blankMs = median(opened[blank].map((o) => o.fcp));
  const paint = (runs: Opened[]): ToolbarPagePaint => {
    const samples = runs.map((o) => round1(o.fcp));
    const fcpMs = median(samples);
    return {
      fcpMs,
      ratio: ratio(fcpMs, blankMs),
      rows: Math.min(...runs.map((o) => o.rows)),
      size: runs.at(-1)?.size ?? '',
      samples,
    };
  };
  const pages = Object.entries(opened) as [P, Opened[]][];
  return Object.fromEntries(pages.map(([name, runs]) => [name, paint(runs)])) as Record<
    P,
    ToolbarPagePaint
  >;
}

// A string, not a function: tsx's keepNames helper does not exist inside the page (first-paint.ts).
// Polls every 100 ms: the popup shares the helper page's renderer, so a tighter loop would take
// time from the page being measured.
// `rows`: the watched rows the page holds once it has rendered after its first paint, waited for
// before they are counted (0: not a desk page).
const openAndRead = (path: string, rows: number) => `(async () => {
  await chrome.action.setPopup({ popup: ${JSON.stringify(path)} });
  await chrome.action.openPopup();
  const started = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const view = chrome.extension.getViews({ type: 'popup' })[0];
    const fcp = view?.performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const rows = view?.document.querySelectorAll(${JSON.stringify(WATCHED_ROWS)}).length;
    if (view && fcp !== undefined && rows >= ${rows}) {
      const size = view.innerWidth + 'x' + view.innerHeight;
      view.close();
      return { fcp, rows, size };
    }
    if (performance.now() - started > 10000) throw new Error('the popup did not paint: ${path}');
  }
})()`;

const popupClosed = `(async () => {
  for (let tries = 0; chrome.extension.getViews({ type: 'popup' }).length > 0; tries++) {
    if (tries > 100) throw new Error('the popup did not close');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
})()`;

/**
 * Opens each page as the toolbar popup `runs` times (after one warm-up each), in a rotating order,
 * {@link PAUSE_MS} apart (or `pauseMs`), and puts the manifest's popup back afterwards, also when
 * a run fails.
 * Call after measureFirstPaint, which writes the floor and static pages into the extension.
 */
export async function measureToolbarPopup(
  env: BenchEnv,
  options: { runs: number; pauseMs?: number; rows: number },
): Promise<ToolbarPopup> {
  const paths: Record<ToolbarPage, string> = {
    popup: 'src/popup/index.html',
    blank: BLANK_PAGE,
    floor: FLOOR_PAGE,
    static: STATIC_PAGE,
  };
  const names = Object.keys(paths) as ToolbarPage[];
  const opened = Object.fromEntries(names.map((name) => [name, [] as Opened[]])) as Record<
    ToolbarPage,
    Opened[]
  >;
  let popupAfter = '';
  const helper = await env.ext.context.newPage();
  try {
    await helper.goto(env.ext.extensionUrl(NEUTRAL_PAGE));
    for (let run = -1; run < options.runs; run++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + run + names.length) % names.length] as ToolbarPage;
        const got = (await helper.evaluate(
          openAndRead(paths[name], name === 'popup' ? options.rows : 0),
        )) as Opened;
        await helper.evaluate(popupClosed);
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? PAUSE_MS));
        if (run >= 0) opened[name].push(got);
      }
    }
  } finally {
    // Caught here, so a failed restore never hides the error that ended the runs.
    popupAfter = (await helper
      .evaluate(
        `chrome.action.setPopup({ popup: chrome.runtime.getManifest().action.default_popup })
          .then(() => chrome.action.getPopup({}))`,
      )
      .catch((error: unknown) => `not restored: ${error}`)) as string;
    await helper.close();
  }
  return {
    runs: options.runs,
    popupAfter,
    pages: paintsOf(opened, 'blank'),
  };
}

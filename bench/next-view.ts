// Click → next view on screen (docs/architecture.md#budgets: ≤ 50 ms). The views past the desk's
// first screen load on demand (src/ui/lazy-view.tsx), fetched ahead on hover, focus or idle; this
// times what a reviewer feels. Each run opens the popup afresh (the first-paint bench has left 50
// cached inquiries), waits for its list, and clicks at once, with Playwright's real mouse: the
// pointer's arrival is the only hover, a few ms before the press, so the idle fetch has had no
// time of its own. Timed in the page from the click event to the first animation frame whose DOM
// holds the next view, as the first-paint figure times its frame.
import type { Page } from 'playwright-core';
import type { BenchEnv } from './bench-env.ts';
import { WATCHED_ROWS } from './first-paint.ts';
import { pollPage } from './page-poll.ts';
import { CACHE_KEYS } from './seed-extension.ts';
import { median, round1 } from './stats.ts';

export const NEXT_VIEW_MS_BUDGET = 50;

export interface NextViewTransition {
  /** What is clicked on the home screen, and what counts as the next view. */
  name: string;
  samples: number[];
  medianMs: number;
  maxMs: number;
}

export interface NextView {
  runs: number;
  transitions: NextViewTransition[];
  /**
   * What the detail reads before it shows a cached inquiry: that inquiry's view, one storage item
   * (src/background/inquiry-cache.ts); and, for scale, every cached view in one read, as the
   * whole cache was one item before. Read from the popup after the runs; explains the detail's
   * figure, it is not budgeted.
   */
  cacheRead: {
    views: number;
    /** JSON length of the one view the detail reads, and of all views together. */
    viewBytes: number;
    allBytes: number;
    medianMs: number;
    allMedianMs: number;
    samples: number[];
  };
}

// Plain JavaScript (see first-paint.ts). The JSON length stands for an item's size: what Chromium
// serialises and copies to the page is the same structure. The view read is the first row's, the
// one the detail figure opens.
const timeCacheRead = `(async () => {
  const id = document.querySelector(${JSON.stringify(`${WATCHED_ROWS} .inquiry-id`)}).textContent;
  const index = (await chrome.storage.session.get(${JSON.stringify(CACHE_KEYS.index)}))[${JSON.stringify(CACHE_KEYS.index)}];
  const keys = Object.keys(index ?? {}).map((cached) => ${JSON.stringify(CACHE_KEYS.viewPrefix)} + cached);
  let started = performance.now();
  const one = await chrome.storage.session.get(${JSON.stringify(CACHE_KEYS.viewPrefix)} + id);
  const ms = performance.now() - started;
  started = performance.now();
  const all = await chrome.storage.session.get(keys);
  const allMs = performance.now() - started;
  return { ms, allMs, views: Object.keys(all).length, viewBytes: JSON.stringify(one).length, allBytes: JSON.stringify(all).length };
})()`;

const TRANSITIONS = [
  {
    name: 'home → New inquiry form',
    click: (page: Page) => page.getByRole('button', { name: 'New inquiry' }).click(),
    shown: 'form.view.create-form',
  },
  {
    name: 'home → a watched inquiry (cached detail)',
    click: (page: Page) => page.locator(`${WATCHED_ROWS} button`).first().click(),
    shown: '.view.detail',
  },
] as const;

// Plain JavaScript (see first-paint.ts on tsx's keepNames). Runs in the page before the click.
const armClickTimer = (selector: string) => `(() => {
  window.__nextView = {};
  document.addEventListener('click', (event) => {
    const clicked = event.timeStamp;
    window.__nextView.click = clicked;
    requestAnimationFrame(function frame(time) {
      if (document.querySelector(${JSON.stringify(selector)})) window.__nextView.shownMs = time - clicked;
      else if (time - clicked < 10000) requestAnimationFrame(frame);
    });
  }, { capture: true, once: true });
  return true;
})()`;

const listShown = (rows: number) =>
  `document.querySelectorAll(${JSON.stringify(WATCHED_ROWS)}).length >= ${rows} || undefined`;

export async function measureNextView(
  env: BenchEnv,
  options: { runs: number; inquiries: number },
): Promise<NextView> {
  const page = await env.ext.context.newPage();
  // Home each time: the toolbar's bare URL opens on the inquiry a run before it showed (app.tsx).
  const url = env.ext.extensionUrl('src/popup/index.html?home');
  const transitions: NextViewTransition[] = [];
  let cacheRead: NextView['cacheRead'];
  try {
    for (const transition of TRANSITIONS) {
      const samples: number[] = [];
      // One warm-up, as the first-paint figure has: the browser's first load of each chunk.
      for (let run = -1; run < options.runs; run++) {
        await page.goto(url);
        await pollPage(page, listShown(options.inquiries), 10_000);
        await page.evaluate(armClickTimer(transition.shown));
        await transition.click(page);
        const shown = await pollPage<number>(page, 'window.__nextView?.shownMs', 10_000);
        if (run >= 0) samples.push(round1(shown));
      }
      transitions.push({
        name: transition.name,
        samples,
        medianMs: median(samples),
        maxMs: Math.max(...samples),
      });
    }
    type Read = { ms: number; allMs: number; views: number; viewBytes: number; allBytes: number };
    const reads: Read[] = [];
    await page.goto(url);
    await pollPage(page, listShown(options.inquiries), 10_000);
    for (let run = 0; run < options.runs; run++) {
      reads.push(await page.evaluate(timeCacheRead));
    }
    const last = reads[reads.length - 1] as Read;
    const samples = reads.map((read) => round1(read.ms));
    cacheRead = {
      views: last.views,
      viewBytes: last.viewBytes,
      allBytes: last.allBytes,
      medianMs: median(samples),
      allMedianMs: median(reads.map((read) => round1(read.allMs))),
      samples,
    };
  } finally {
    await page.close();
  }
  return { runs: options.runs, transitions, cacheRead };
}

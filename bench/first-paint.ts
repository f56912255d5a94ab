// Popup and side panel first paint with 50 cached inquiries (docs/architecture.md#budgets: ≤ 100 ms
// from navigation start and ≤ 1.3× a blank extension page measured in the same run, since absolute
// times depend on the machine). The popup opens as a tab, as Playwright opens pages, and the page,
// its scripts and its storage reads are the same; toolbar-popup.ts measures the same pages in
// the toolbar popup itself, afterwards.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchEnv } from './bench-env.ts';
import { BLANK_PAGE } from './bench-env.ts';
import { pollPage } from './page-poll.ts';
import { clearWatchState, storedCounts, watchAndCache } from './seed-extension.ts';
import { median, ratio, round1 } from './stats.ts';

export interface FirstPaint {
  runs: number;
  cachedInquiries: { watched: number; cached: number; distinctViews: number };
  /** Medians, ms from navigation start. */
  popupFcpMs: number;
  /**
   * The first paint holding every watched row in view (its frame, and ≥ FCP): what the reviewer
   * sees of the list. The rows below the view may come in a later frame (popupAllRowsMs).
   */
  popupListMs: number;
  /** The first frame whose DOM holds every watched row, in view or not (≥ FCP). */
  popupAllRowsMs: number;
  /**
   * The watched rows in the popup's view, counted once every row is in the DOM: the most of any
   * load. Its first paint is the first frame whose DOM held each of those rows, by id.
   */
  rowsInView: number;
  blankFcpMs: number;
  /** popupListMs / blankFcpMs. */
  ratio: number;
  /**
   * The floor of any page that shows stored data (bench-env.ts): one script, one read of the first
   * screen's items, one line. Its first paint, and that as a multiple of the blank page's.
   */
  floorFcpMs: number;
  floorRatio: number;
  /** The keys the floor page reads per area: the popup's own first read, recorded. */
  floorReads: Record<string, unknown>;
  /**
   * The popup's first frame as a static page (its DOM when that frame began, with the inline
   * style sheet, no script): what drawing the first screen costs with nothing loaded, read or
   * rendered first. Its first paint, and that as a multiple of the blank page's.
   */
  staticFcpMs: number;
  staticRatio: number;
  /**
   * The same first frame's markup, set as the body by the floor's script once the floor's read is
   * in: the desk's rows arriving when the floor's line does, with no framework, check or render.
   * Its first paint as the desk's is taken (the frame holding every row in view, no earlier than
   * FCP).
   * Between it and the floor, what the style sheet, the markup and drawing the rows cost when they
   * come after the page's parsing; between it and the popup, what the desk's own code costs.
   */
  injectedFcpMs: number;
  injectedRatio: number;
  /**
   * The injected page again with fewer rows: only the watched rows in the popup's view (`rows`,
   * counted in the recorded popup once its list was in), and none at all, the first screen's
   * head, search box and tabs alone. How far a page that draws this screen once a storage read is
   * in can go: the first is the least the budgeted frame can hold, the second less than it.
   */
  injectedInView: { fcpMs: number; ratio: number; rows: number };
  injectedNoRows: { fcpMs: number; ratio: number };
  /** The static page's size, bytes of HTML, and the watched rows it holds. */
  staticBytes: number;
  staticRows: number;
  samples: {
    popupFcpMs: number[];
    popupListMs: number[];
    popupAllRowsMs: number[];
    blankFcpMs: number[];
    floorFcpMs: number[];
    staticFcpMs: number[];
    injectedFcpMs: number[];
    injectedInViewFcpMs: number[];
    injectedNoRowsFcpMs: number[];
  };
  /** The side panel's page, measured in the same alternation as the popup and the blank page. */
  sidePanel: {
    fcpMs: number;
    listMs: number;
    allRowsMs: number;
    rowsInView: number;
    ratio: number;
    fcpSamples: number[];
    listSamples: number[];
    allRowsSamples: number[];
  };
  /**
   * Per page: when its content was in the DOM (the start time of the first frame that held it)
   * and how long that frame took to reach the screen. Chromium draws at a fixed rate; a frame
   * whose work misses the display's deadline is shown a frame later. Explains a first paint, it
   * is not budgeted.
   */
  frames: Record<PageName, FrameTiming>;
}

export type PageName =
  | 'popup'
  | 'side'
  | 'blank'
  | 'floor'
  | 'static'
  | 'injected'
  | 'injectedInView'
  | 'injectedNoRows';

export interface FrameTiming {
  /** Median ms from navigation start to the start of the first frame holding the content. */
  readyMs: number;
  /** Median ms from that frame's start to the first contentful paint. */
  toScreenMs: number;
  /**
   * Of the loads in toScreenSamples, those in which the content reached the screen less than a
   * frame interval after its frame began.
   */
  sameFrame: number;
  readySamples: number[];
  toScreenSamples: number[];
}

/** Chromium's frame interval here: headless draws at 60 Hz. */
export const FRAME_MS = 1000 / 60;

/** docs/architecture.md#budgets: each desk page's first paint, as a multiple of a blank page's. */
export const FIRST_PAINT_RATIO_BUDGET = 1.3;
export const FIRST_PAINT_MS_BUDGET = 100;

/** Each watched row of a desk page's home screen, as every bench page script finds it. */
export const WATCHED_ROWS = 'ul[aria-label="Watched inquiries"] > li';
const watchedRowsJs = JSON.stringify(WATCHED_ROWS);
// A watched row's inquiry id, as page script.
const rowIdJs = `(li) => (li.querySelector('.inquiry-id') || li).textContent`;
// The ids of the watched rows whose top is above the bottom of the desk's scrolling view, as the
// page is laid out when it runs: page script.
const idsInViewJs = `() => {
    const view = document.querySelector('.content');
    const bottom = Math.min(innerHeight, view ? view.getBoundingClientRect().bottom : innerHeight);
    return [...document.querySelectorAll(${watchedRowsJs})]
      .filter((li) => li.getBoundingClientRect().top < bottom)
      .map(${rowIdJs});
  }`;

// Plain JavaScript, not a function: tsx compiles functions with esbuild's keepNames, whose
// `__name()` helper does not exist inside the page. Runs before the page's own scripts. Records
// the start time of each frame in which the watched rows in the DOM changed in number (the desk
// pages), with the rows' inquiry ids, and of the first whose body holds text (any page: the
// desk's text comes with its rows). Which of those frames first held the rows in view is worked
// out once the page has painted (painted, below): asking for the rows' boxes in a frame's
// callback would lay the page out early; reading their text does not. The rows in view as the
// first frame holding rows laid them out are noted in a task after that frame's own layout.
const listWatcher = `
  window.__bench = { frames: [] };
  let counted = -1;
  requestAnimationFrame(function frame(time) {
    const body = document.body;
    if (window.__bench.readyMs === undefined && body && body.textContent.trim() !== '') {
      window.__bench.readyMs = time;
    }
    const rows = document.querySelectorAll(${watchedRowsJs});
    if (rows.length !== counted) {
      if (counted <= 0 && rows.length > 0) {
        setTimeout(() => { window.__bench.firstInView = (${idsInViewJs})(); });
      }
      counted = rows.length;
      window.__bench.frames.push([time, [...rows].map(${rowIdJs})]);
    }
    if (time < 10000) requestAnimationFrame(frame);
  });`;

// Records the keys each storage area is asked for, to give the floor page the desk's own read.
const readRecorder = `
  window.__reads = [];
  for (const area of ['local', 'session']) {
    const storage = chrome.storage[area];
    const get = storage.get.bind(storage);
    storage.get = (keys) => { window.__reads.push([area, keys]); return get(keys); };
  }`;

export const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_SCRIPT = 'bench-floor.js';
export const STATIC_PAGE = 'bench-static.html';
// The injected pages: the first frame's rows, the rows in view alone, none.
const INJECTED = {
  injected: 'bench-injected',
  injectedInView: 'bench-injected-in-view',
  injectedNoRows: 'bench-injected-no-rows',
} as const;

// Keeps the page's DOM as it is when the first frame holding watched rows begins: the rows the
// desk renders before its first paint, those that can be in view, each drawn at once.
const firstFrameRecorder = `
  requestAnimationFrame(function frame() {
    const shown = document.querySelectorAll(${watchedRowsJs}).length;
    if (shown > 0) window.__firstFrame = document.documentElement.outerHTML;
    else requestAnimationFrame(frame);
  });`;

/**
 * The watched rows in a first frame's markup: each is drawn at once (watchlist-panel.tsx), the last
 * that needs the reviewer with a class more (`ends-group`).
 */
export function watchedRows(markup: string): number {
  return markup.match(WATCHED_ROW_TAG)?.length ?? 0;
}

const WATCHED_ROW_TAG = /<li class="draw-now[ "]/g;
const WATCHED_ROW = /<li class="draw-now[ "][\s\S]*?<\/li>/g;

/** A first frame's body markup with only its first `rows` watched rows. */
export function keepWatchedRows(markup: string, rows: number): string {
  let kept = 0;
  return markup.replace(WATCHED_ROW, (row) => (kept++ < rows ? row : ''));
}

/**
 * The static copy of a first frame: its markup with every script and link left out (the module
 * scripts, their preloads, any linked sheet); the inline style stays.
 */
export function staticFirstFrame(outerHtml: string): string {
  const markup = outerHtml
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*>/g, '');
  return `<!doctype html>\n${markup}\n`;
}

/** The floor page's reads: the desk's first read, one call per area. */
function floorReadCalls(keys: Record<string, unknown>): string {
  const reads = Object.entries(keys).map(
    ([area, wanted]) => `chrome.storage.${area}.get(${JSON.stringify(wanted)})`,
  );
  return `Promise.all([${reads.join(', ')}])`;
}

/**
 * The least a page can do and still show what storage holds: load one script (the extension's CSP
 * allows no inline one), make the desk's first read (`keys`, one call per area, as
 * src/ui/first-screen-read.ts does), and write one line. No styles, no framework, no checks.
 */
function writeFloorPage(extensionDir: string, keys: Record<string, unknown>): void {
  writeFileSync(
    join(extensionDir, FLOOR_PAGE),
    `<!doctype html><meta charset="utf-8"><script src="${FLOOR_SCRIPT}" defer></script>\n`,
  );
  writeFileSync(
    join(extensionDir, FLOOR_SCRIPT),
    `${floorReadCalls(keys)}.then((areas) => {
  const line = document.createElement('p');
  line.textContent = 'read ' + areas.map((a) => Object.keys(a).length).join(' + ') + ' items';
  document.body.append(line);
});
`,
  );
}

/**
 * The static first screen's head (its inline style) with an empty body of the same class, and
 * the floor's script, which makes the floor's read and then sets the first frame's body markup,
 * with its first `rows` watched rows (all of them by default).
 */
function writeInjectedPage(
  extensionDir: string,
  name: string,
  keys: Record<string, unknown>,
  staticPage: string,
  rows = Number.POSITIVE_INFINITY,
): void {
  const html = staticPage.match(/<html[^>]*>/)?.[0] ?? '<html>';
  const head = staticPage.match(/<head[^>]*>([\s\S]*?)<\/head>/)?.[1] ?? '';
  const bodyTag = staticPage.match(/<body[^>]*>/)?.[0] ?? '<body>';
  const body = keepWatchedRows(staticPage.match(/<body[^>]*>([\s\S]*?)<\/body>/)?.[1] ?? '', rows);
  writeFileSync(
    join(extensionDir, `${name}.html`),
    `<!doctype html>${html}<head>${head}<script src="${name}.js" defer></script></head>${bodyTag}</body></html>\n`,
  );
  writeFileSync(
    join(extensionDir, `${name}.js`),
    `${floorReadCalls(keys)}.then(() => {\n  document.body.innerHTML = ${JSON.stringify(body)};\n});\n`,
  );
}

/**
 * The popup's first read of each area (its first screen's items), as the page makes it, and its
 * DOM when the first frame holding watched rows began, and the watched rows in its view once all
 * `rows` are in.
 */
async function recordPopup(
  page: Page,
  url: string,
  rows: number,
): Promise<{ reads: Record<string, unknown>; firstFrame: string; inView: number }> {
  await page.addInitScript({ content: readRecorder });
  await page.addInitScript({ content: firstFrameRecorder });
  await page.goto(url);
  const recorded = await pollPage<[string, unknown][]>(
    page,
    `window.__reads?.length >= 2 ? window.__reads : undefined`,
    10_000,
  );
  const reads: Record<string, unknown> = {};
  for (const [area, keys] of recorded) reads[area] ??= keys;
  const firstFrame = await pollPage<string>(page, 'window.__firstFrame', 10_000);
  // Once the first frame is on screen the desk renders the rows below the view; then the view's
  // rows are the ones the first paint is timed by.
  const inView = await pollPage<number>(
    page,
    `document.querySelectorAll(${watchedRowsJs}).length >= ${rows} ? (${idsInViewJs})().length : undefined`,
    10_000,
  );
  return { reads, firstFrame, inView };
}

// Undefined until the page has painted (and, for a desk page, a frame has begun with all its
// `rows` watched rows in the DOM). Then, for a desk page: the rows in its scrolling view, as laid
// out now, with every row in, and as the first frame holding rows laid them out, and the start
// times of the first frame whose DOM held each of those rows, by id (the list's), and of the
// first that held every row (all). Both layouts: in the first frame's alone, a first render
// holding fewer rows than the view shows would leave the view's foot empty and still hold every
// row in it; in the last one's alone, content come above the list after the paint would push
// rows out of the view.
const painted = (rows: number) => `(() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  const bench = window.__bench;
  const ready = bench?.readyMs;
  if (fcp === undefined || !bench) return undefined;
  if (${rows} === 0) return { fcp, ready };
  const all = bench.frames.find(([, ids]) => ids.length >= ${rows})?.[0];
  if (all === undefined || !bench.firstInView) return undefined;
  const inView = [...new Set([...bench.firstInView, ...(${idsInViewJs})()])];
  const list = bench.frames.find(
    ([, ids]) => ids.length > 0 && inView.every((id) => ids.includes(id)),
  )?.[0];
  return { fcp, ready, inView: inView.length, list, all };
})()`;

/**
 * Loaded before each measured page, so every page follows the same one. In a fixed rotation each
 * page always followed the same neighbour, and a page after the desk paid for the desk's teardown:
 * the side panel, always after the popup, parsed its HTML and ran its script 3 to 5 ms later than
 * the popup did (probe, 20 loads each). A toolbar popup opens in a fresh window, after nothing.
 */
export const NEUTRAL_PAGE = 'bench-neutral.html';

interface Painted {
  fcp: number;
  ready?: number;
  /** Desk pages only. */
  inView?: number;
  list?: number;
  all?: number;
}

/** `rows`: the watched rows the page ends up holding (0: not a desk page). */
async function measure(page: Page, url: string, rows: number, neutral: string) {
  await page.goto(neutral);
  await page.goto(url);
  return pollPage<Painted>(page, painted(rows), 10_000);
}

function frameTiming(ready: number[], toScreen: number[]): FrameTiming {
  return {
    readyMs: median(ready),
    toScreenMs: median(toScreen),
    sameFrame: toScreen.filter((ms) => ms < FRAME_MS).length,
    readySamples: ready,
    toScreenSamples: toScreen,
  };
}

export async function measureFirstPaint(
  env: BenchEnv,
  options: { runs: number; inquiries: number; distinctViews: number },
): Promise<FirstPaint> {
  const worker = await env.worker();
  await clearWatchState(worker);
  const ids = await env.controls.seed(options.inquiries, { referenceIdPrefix: 'bench-paint-' });
  await watchAndCache(env, ids, options.distinctViews);
  const cachedInquiries = { ...(await storedCounts(worker)), distinctViews: options.distinctViews };

  const samples = {
    popupFcpMs: [] as number[],
    popupListMs: [] as number[],
    popupAllRowsMs: [] as number[],
    blankFcpMs: [] as number[],
    floorFcpMs: [] as number[],
    staticFcpMs: [] as number[],
    injectedFcpMs: [] as number[],
    injectedInViewFcpMs: [] as number[],
    injectedNoRowsFcpMs: [] as number[],
  };
  const side = {
    fcpSamples: [] as number[],
    listSamples: [] as number[],
    allRowsSamples: [] as number[],
  };
  const inViewSamples = { popup: [] as number[], side: [] as number[] };
  const pages: PageName[] = [
    'popup',
    'side',
    'blank',
    'floor',
    'static',
    'injected',
    'injectedInView',
    'injectedNoRows',
  ];
  const perPage = () => Object.fromEntries(pages.map((p) => [p, [] as number[]]));
  const frames = {
    ready: perPage() as Record<PageName, number[]>,
    toScreen: perPage() as Record<PageName, number[]>,
  };
  const urls = {
    popup: env.ext.extensionUrl('src/popup/index.html'),
    side: env.ext.extensionUrl('src/side-panel/index.html'),
    blank: env.ext.extensionUrl(BLANK_PAGE),
    floor: env.ext.extensionUrl(FLOOR_PAGE),
    static: env.ext.extensionUrl(STATIC_PAGE),
    injected: env.ext.extensionUrl(`${INJECTED.injected}.html`),
    injectedInView: env.ext.extensionUrl(`${INJECTED.injectedInView}.html`),
    injectedNoRows: env.ext.extensionUrl(`${INJECTED.injectedNoRows}.html`),
  };
  const neutral = env.ext.extensionUrl(NEUTRAL_PAGE);
  // Each run rotates the order, so drift on a busy machine touches every page alike.
  const orders = pages.map((_, shift) => pages.map((_, i) => pages[(i + shift) % pages.length]));
  // The unpacked extension's files are read from disk on each load, so the page can be added now.
  const recording = await env.ext.context.newPage();
  let floorReads: Record<string, unknown>;
  let staticPage: string;
  let inView: number;
  try {
    const recorded = await recordPopup(recording, urls.popup, options.inquiries);
    floorReads = recorded.reads;
    writeFloorPage(env.extensionDir, floorReads);
    staticPage = staticFirstFrame(recorded.firstFrame);
    writeFileSync(join(env.extensionDir, STATIC_PAGE), staticPage);
    inView = recorded.inView;
    writeInjectedPage(env.extensionDir, INJECTED.injected, floorReads, staticPage);
    writeInjectedPage(env.extensionDir, INJECTED.injectedInView, floorReads, staticPage, inView);
    writeInjectedPage(env.extensionDir, INJECTED.injectedNoRows, floorReads, staticPage, 0);
    writeFileSync(join(env.extensionDir, NEUTRAL_PAGE), '<!doctype html><meta charset="utf-8">\n');
  } finally {
    await recording.close();
  }
  // One tab, navigated from page to page: each sample is a fresh document, as a toolbar popup is
  // each time it opens, without the half second a new tab costs on a small machine.
  const page = await env.ext.context.newPage();
  await page.addInitScript({ content: listWatcher });
  // The injected page holds the rows of the desk's first frame, and no more; the next one those
  // in view. The page without rows is timed by its first paint, as the static page is.
  const rows: Record<PageName, number> = {
    popup: options.inquiries,
    side: options.inquiries,
    injected: watchedRows(staticPage),
    injectedInView: inView,
    injectedNoRows: 0,
    blank: 0,
    floor: 0,
    static: 0,
  };
  try {
    // One warm-up of each, then the pages take turns.
    for (let run = -1; run < options.runs; run++) {
      for (const which of orders[(run + orders.length) % orders.length] as PageName[]) {
        // The pages whose content is the desk's rows: timed when every row in view is in the DOM.
        const desk = rows[which] > 0;
        const got = await measure(page, urls[which], rows[which], neutral);
        if (run < 0) continue;
        const fcp = round1(got.fcp as number);
        // A frame's rAF time precedes its paint: the list is on screen no earlier than FCP.
        const list = round1(Math.max(got.list as number, got.fcp as number));
        const all = round1(Math.max(got.all as number, got.fcp as number));
        // The desk's content is its rows; the other pages' is their text.
        const ready = (desk ? got.list : got.ready) as number;
        frames.ready[which].push(round1(ready));
        // Text painted before the content (a loading line) would leave the content's own frame untimed.
        if (got.fcp >= ready) frames.toScreen[which].push(round1(got.fcp - ready));
        if (which === 'blank') samples.blankFcpMs.push(fcp);
        else if (which === 'floor') samples.floorFcpMs.push(fcp);
        else if (which === 'static') samples.staticFcpMs.push(fcp);
        else if (which === 'injected') samples.injectedFcpMs.push(list);
        else if (which === 'injectedInView') samples.injectedInViewFcpMs.push(list);
        else if (which === 'injectedNoRows') samples.injectedNoRowsFcpMs.push(fcp);
        else if (which === 'popup') {
          samples.popupFcpMs.push(fcp);
          samples.popupListMs.push(list);
          samples.popupAllRowsMs.push(all);
          inViewSamples.popup.push(got.inView as number);
        } else {
          side.fcpSamples.push(fcp);
          side.listSamples.push(list);
          side.allRowsSamples.push(all);
          inViewSamples.side.push(got.inView as number);
        }
      }
    }
  } finally {
    await page.close();
  }
  const popupListMs = median(samples.popupListMs);
  const blankFcpMs = median(samples.blankFcpMs);
  const floorFcpMs = median(samples.floorFcpMs);
  const staticFcpMs = median(samples.staticFcpMs);
  const injectedFcpMs = median(samples.injectedFcpMs);
  const inViewMs = median(samples.injectedInViewFcpMs);
  const noRowsMs = median(samples.injectedNoRowsFcpMs);
  const sideListMs = median(side.listSamples);
  return {
    runs: options.runs,
    cachedInquiries,
    popupFcpMs: median(samples.popupFcpMs),
    popupListMs,
    popupAllRowsMs: median(samples.popupAllRowsMs),
    rowsInView: Math.max(0, ...inViewSamples.popup),
    blankFcpMs,
    ratio: ratio(popupListMs, blankFcpMs),
    floorFcpMs,
    floorRatio: ratio(floorFcpMs, blankFcpMs),
    floorReads,
    staticFcpMs,
    staticRatio: ratio(staticFcpMs, blankFcpMs),
    injectedFcpMs,
    injectedRatio: ratio(injectedFcpMs, blankFcpMs),
    injectedInView: { fcpMs: inViewMs, ratio: ratio(inViewMs, blankFcpMs), rows: inView },
    injectedNoRows: { fcpMs: noRowsMs, ratio: ratio(noRowsMs, blankFcpMs) },
    staticBytes: Buffer.byteLength(staticPage),
    staticRows: watchedRows(staticPage),
    samples,
    sidePanel: {
      fcpMs: median(side.fcpSamples),
      listMs: sideListMs,
      allRowsMs: median(side.allRowsSamples),
      rowsInView: Math.max(0, ...inViewSamples.side),
      ratio: ratio(sideListMs, blankFcpMs),
      ...side,
    },
    frames: {
      popup: frameTiming(frames.ready.popup, frames.toScreen.popup),
      side: frameTiming(frames.ready.side, frames.toScreen.side),
      blank: frameTiming(frames.ready.blank, frames.toScreen.blank),
      floor: frameTiming(frames.ready.floor, frames.toScreen.floor),
      static: frameTiming(frames.ready.static, frames.toScreen.static),
      injected: frameTiming(frames.ready.injected, frames.toScreen.injected),
      injectedInView: frameTiming(frames.ready.injectedInView, frames.toScreen.injectedInView),
      injectedNoRows: frameTiming(frames.ready.injectedNoRows, frames.toScreen.injectedNoRows),
    },
  };
}

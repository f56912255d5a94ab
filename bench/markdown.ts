// docs/benchmarks.md, written by a full `npm run bench`: the figures with the machine they were
// measured on, what missed its budget, and how each figure is taken.
import type { BundleSize } from './bundle-sizes.ts';
import { FIRST_PAINT_RATIO_BUDGET, FRAME_MS } from './first-paint.ts';
import { floorSection } from './floor-section.ts';
import { misses, type Row } from './report.ts';
import type { BenchResults } from './results.ts';
import { teamSection } from './team-section.ts';

const cell = (text: string) => text.replaceAll('|', '\\|');

function table(rows: Row[]): string {
  return [
    '| figure | measured | budget ([architecture.md](architecture.md#budgets)) | |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${cell(r.figure)} | ${cell(r.measured)} | ${cell(r.budget)} | ${r.verdict} |`,
    ),
  ].join('\n');
}

const list = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
const ms1 = (value: number) => value.toFixed(1);

function viewsNote(c: BenchResults['firstPaint']['cachedInquiries']): string {
  return c.distinctViews >= c.cached
    ? "each fetched through the background's own `getInquiry`"
    : `${c.distinctViews} of them fetched through the background's own \`getInquiry\`, the others reusing those views under their own ids`;
}

/** What a reader needs beside a missed budget to judge it. */
function context(row: Row, r: BenchResults): string {
  const fp = r.firstPaint;
  // Before the tab's row, whose name begins the same way.
  if (row.figure.startsWith('popup first paint in the toolbar popup')) {
    return toolbarNote(r);
  }
  if (row.figure.startsWith('popup first paint')) {
    return ` A blank extension page paints at ${Math.round(fp.blankFcpMs)} ms on the same machine in the same run; the popup takes ${fp.ratio}× that.${firstFrameNote(fp, fp.popupFcpMs, fp.popupListMs, fp.popupAllRowsMs, fp.rowsInView)}${floorNote(fp, fp.ratio)}${frameNote(fp, 'popup')}`;
  }
  // Before the tab's row, whose name begins the same way.
  if (row.figure.startsWith('side panel first paint in the side panel')) {
    return panelNote(r);
  }
  if (row.figure.startsWith('side panel first paint')) {
    return ` A blank extension page paints at ${Math.round(fp.blankFcpMs)} ms on the same machine in the same run; the side panel takes ${fp.sidePanel.ratio}× that.${firstFrameNote(fp, fp.sidePanel.fcpMs, fp.sidePanel.listMs, fp.sidePanel.allRowsMs, fp.sidePanel.rowsInView)}${floorNote(fp, fp.sidePanel.ratio)}${frameNote(fp, 'side')}`;
  }
  if (row.figure.startsWith('click → next view')) {
    const t = r.nextView.transitions.find((x) => row.figure.includes(x.name));
    const read = r.nextView.cacheRead;
    const cache = row.figure.includes('cached detail')
      ? ` Before it shows the cached inquiry, the detail reads that inquiry's view, one storage item of ${(read.viewBytes / 1024).toFixed(0)} KB as JSON: ${ms1(read.medianMs)} ms from the popup in this run (median of ${read.samples.length}). All ${read.views} cached views in one read, as the cache was one item before, take ${ms1(read.allMedianMs)} ms (${(read.allBytes / 1024).toFixed(0)} KB).`
      : '';
    return t ? ` Runs, ms: ${t.samples.join(', ')}.${cache}` : '';
  }
  const why = " The libraries' share: see the next section.";
  if (row.figure.startsWith('popup JS')) return ` Gzip by file: ${byFile(r.bundles.popup)}.${why}`;
  if (row.figure.startsWith('background JS')) {
    return ` Gzip by file: ${byFile(r.bundles.background)}.${why}`;
  }
  if (row.figure.startsWith('status change')) {
    const shown = r.statusToBadge.samples.map(
      (s) =>
        `badge ${s.badgeMs ?? '–'} ms, notification ${s.notificationMs ?? '–'} ms, alarm ${s.alarmMs ?? '–'} ms`,
    );
    return ` Per run, after the finish: ${shown.join('; ')}.`;
  }
  if (row.figure.startsWith('service worker cold start')) {
    const c = r.coldStart;
    return ` A worker with the extension's permissions and the same ${c.floor.events.length} event listeners that reads storage once before it answers, and runs none of our code (the floor worker, method below), starts in ${ms1(c.floor.bestMs)} ms, ${c.floor.ratio}× the minimal worker: that much the desk's features cost any worker, and the rest, ${ms1(c.bestMs - c.floor.bestMs)} ms, is its own script being loaded and run. The same floor worker carrying the script in a function nobody calls (the parse floor) starts in ${ms1(c.parsed.bestMs)} ms: ${ms1(c.parsed.bestMs - c.floor.bestMs)} ms of the rest go to loading and parsing the script's ${(c.parsed.scriptBytes / 1024).toFixed(0)} KB before its first line runs, whether or not any of it runs. Alternating runs, ms: the extension ${list(c.samples.coldMs)}; the minimal worker ${list(c.samples.minimalColdMs)}; the floor worker ${list(c.samples.floorColdMs)}; the parse floor ${list(c.samples.parsedColdMs)}.`;
  }
  return '';
}

/**
 * When the first contentful paint already holds the rows in view, no earlier frame waited on data;
 * the rows below the view follow in the DOM.
 */
function firstFrameNote(
  fp: BenchResults['firstPaint'],
  fcpMs: number,
  listMs: number,
  allRowsMs: number,
  inView: number,
): string {
  const rest = ` The other rows, below the view, are rendered once that frame is on screen: all ${fp.cachedInquiries.watched} are in the DOM at ${Math.round(allRowsMs)} ms (median; the figure below).`;
  return listMs <= fcpMs
    ? ` Its first frame already holds every watched row in view (${inView} here; first paint = first contentful paint): the time is the page's scripts loading and running and Preact rendering the desk before Chromium's first frame, not a wait for data after it.${rest}`
    : ` The rows in view come ${Math.round(listMs - fcpMs)} ms after the first contentful paint.${rest}`;
}

/** How far the budget sits from the least a page showing stored data can do, same run. */
function floorNote(fp: BenchResults['firstPaint'], deskRatio: number): string {
  return ` A page that only loads one script, reads the same items and writes one line paints at ${Math.round(fp.floorFcpMs)} ms, ${fp.floorRatio}× blank (method, below). The popup's own first frame, saved as a static page (its markup and inline style as that frame had them, no script, nothing to read or render), paints at ${Math.round(fp.staticFcpMs)} ms, ${fp.staticRatio}× blank: what drawing the first screen costs by itself. Set as the body by the floor's script once the floor's read is in, that same markup paints at ${Math.round(fp.injectedFcpMs)} ms, ${fp.injectedRatio}× blank: the rows arriving when the floor's line does, with no framework, check or render, so between it and this desk page (${(deskRatio - fp.injectedRatio).toFixed(2)}×) is what the desk's own code costs, and between it and the floor (${(fp.injectedRatio - fp.floorRatio).toFixed(2)}×) what its style sheet, parsing its markup and drawing its rows cost once they come after the page's own parsing. With only the ${fp.injectedInView.rows} rows in view it paints at ${Math.round(fp.injectedInView.fcpMs)} ms, ${fp.injectedInView.ratio}× blank, and with the first screen's head, search box and tabs and no row at all at ${Math.round(fp.injectedNoRows.fcpMs)} ms, ${fp.injectedNoRows.ratio}× blank. The first is the least of this screen the budget counts, drawn once storage is read by a page with none of the desk's code: ${fp.injectedInView.ratio <= FIRST_PAINT_RATIO_BUDGET ? 'within' : 'past'} the budget of ${FIRST_PAINT_RATIO_BUDGET}×.`;
}

/**
 * Where the time past the floor goes: the content is in the DOM at about the same time, and the
 * rest is its frame reaching the screen, within one frame interval or a whole interval later.
 */
function frameNote(fp: BenchResults['firstPaint'], page: 'popup' | 'side'): string {
  const f = fp.frames[page];
  const floor = fp.frames.floor;
  return ` In the DOM, its rows are there when a frame starts at ${Math.round(f.readyMs)} ms (the floor page's line: ${Math.round(floor.readyMs)} ms), and reach the screen ${Math.round(f.toScreenMs)} ms later (the floor's line: ${Math.round(floor.toScreenMs)} ms). Chromium draws at ${Math.round(1000 / FRAME_MS)} Hz: a frame whose work is done by the display's deadline is on screen within one interval (${FRAME_MS.toFixed(1)} ms), one that is not waits for the next. The desk's frame made it in ${f.sameFrame} of ${f.toScreenSamples.length} loads, the floor's in ${floor.sameFrame} of ${floor.toScreenSamples.length}. What the floor does not do is render the desk, with its first ${fp.staticRows} rows, before that frame, then style, lay out, paint and raster the rows in view in it.`;
}

/** The side panel's own container beside the tab: the same page, as a reviewer opens it. */
function panelNote(r: BenchResults): string {
  const { pages } = r.sidePanelContainer;
  const fp = r.firstPaint;
  return ` Opened in the side panel itself on a click (method, below), the blank page paints at ${Math.round(pages.blank.fcpMs)} ms, the floor page at ${pages.floor.ratio}× that (as a tab: ${fp.floorRatio}×) and the side panel's desk at ${pages.panel.ratio}× (as a tab: ${fp.sidePanel.ratio}×), with ${pages.panel.rows} rows in its DOM when read after the paint, in a ${pages.panel.size} panel. Samples, ms: side panel ${list(pages.panel.samples)}; blank ${list(pages.blank.samples)}; floor ${list(pages.floor.samples)}.`;
}

/** The toolbar popup's figures beside the tab's: the same pages, another way of opening them. */
function toolbarNote(r: BenchResults): string {
  const { pages } = r.toolbarPopup;
  const fp = r.firstPaint;
  return ` Opened as the toolbar popup (method, below), the blank page paints at ${Math.round(pages.blank.fcpMs)} ms, the floor page at ${pages.floor.ratio}× that (as a tab: ${fp.floorRatio}×), the static first screen at ${pages.static.ratio}× (as a tab: ${fp.staticRatio}×) and the popup at ${pages.popup.ratio}× (as a tab: ${fp.ratio}×), with ${pages.popup.rows} rows in its DOM when read after the paint, in a ${pages.popup.size} window. Between the static first screen and the popup, the popup's scripts, its storage read and its render add ${(pages.popup.ratio - pages.static.ratio).toFixed(2)}× of the blank page's time (as a tab: ${(fp.ratio - fp.staticRatio).toFixed(2)}×). Samples, ms: popup ${list(pages.popup.samples)}; blank ${list(pages.blank.samples)}; floor ${list(pages.floor.samples)}; static ${list(pages.static.samples)}.`;
}

function byFile(bundle: BundleSize): string {
  return Object.entries(bundle.gzipByFile)
    .sort((a, b) => b[1] - a[1])
    .map(([file, bytes]) => `\`${file}\` ${(bytes / 1024).toFixed(1)} KB`)
    .join(', ');
}

export function renderMarkdown(r: BenchResults, rows: Row[]): string {
  const { machine: m, firstPaint: fp, lookup, coldStart, bundles, statusToBadge: status } = r;
  const { photos } = r;
  const missed = misses(rows);
  return `# Benchmarks

Written by \`npm run bench\` (${r.mode} mode, ${Math.round(r.seconds)} s); run it again to refresh
this file. \`npm run bench -- --quick\` is the short version CI runs so the bench cannot rot; it
does not touch this file. Raw figures: \`bench/results.json\` (not committed).

The machine is shared: ${m.cpus} cores, with other jobs running beside the bench. Absolute
milliseconds swing by tens of percent from one run to the next; the ratios taken in the same run
(a page to the blank page, the worker to the minimal worker) are the figures to compare.

## Machine

| | |
| --- | --- |
| date | ${m.date} |
| CPUs (nproc) | ${m.cpus} |
| CPU model | ${m.cpuModel} |
| Chromium | ${m.chromium} (headless) |
| Node | ${m.node} |
| platform | ${m.platform} |

## Figures

${table(rows)}

## Budgets missed

${
  missed.length === 0
    ? 'None.'
    : missed
        .map(
          (row) => `- **${row.figure}**: ${row.measured}, budget ${row.budget}.${context(row, r)}`,
        )
        .join('\n')
}

The budgets stay as [architecture.md](architecture.md#budgets) sets them; a miss is reported here, not loosened.

${floorSection(r)}

${teamSection(r).trimEnd()}

## How each figure is taken

- **Bundle sizes**: dist/ walked as Chromium loads it: the manifest's popup and options HTML →
  their scripts, module preloads and stylesheets → those scripts' static imports; the background
  is the manifest's worker file and its imports (none: it is one bundle). Each file gzipped (Node zlib, default level) and
  summed; 1 KB = 1024 bytes. Chunks reached only through \`import()\` would be listed apart
  (popup: ${bundles.popup.lazyFiles.length} files, ${(bundles.popup.lazyGzipBytes / 1024).toFixed(1)} KB, so the whole popup is ${((bundles.popup.gzipBytes + bundles.popup.lazyGzipBytes) / 1024).toFixed(1)} KB; options: ${bundles.options.lazyFiles.length}; background: ${bundles.background.lazyFiles.length}).
  A view past the first screen is such a chunk (\`src/ui/views/lazy-views.ts\`).
- **Bundle floor** (the libraries' share, above): the popup's entry is \`src/popup/main.tsx\`, the
  background's \`src/background/index.ts\`, each built alone with vite's \`build()\` (the project's
  build target, the Preact preset, \`codeSplitting: false\`, minified, nothing written), so no
  chunk is shared and the figures are a little below dist/'s.
- **Popup and side panel first paint**: the storage items the popup reads, written from the worker:
  \`watchlist\` (storage.local) with ${fp.cachedInquiries.watched} seeded inquiries in every status, and the inquiry
  cache (storage.session, one \`inquiry:<id>\` item per view and their index) with ${fp.cachedInquiries.cached} views, ${viewsNote(fp.cachedInquiries)}.
  The popup is opened as a tab of headless Chromium (Playwright cannot click the toolbar button;
  the next figure opens the toolbar popup through the extension's own API),
  ${fp.runs} times, taking turns with the side panel's page (also as a tab, with no lookup route, so
  the same home screen), a blank extension page (one \`<p>\`, no script) and a floor page added to
  a copy of dist/. Before each, the tab loads an empty extension page, so every page follows the
  same one: in a fixed rotation a page always followed the same neighbour, and one following the
  desk paid for its teardown. "First paint" is the first frame whose DOM holds every watched row in
  the view, and no earlier than \`first-contentful-paint\`; both are from navigation start. An init
  script notes each frame in which the number of rows in the DOM changed, with the rows' inquiry
  ids; the rows whose top is above the bottom of the desk's scrolling view are taken as the first
  frame holding rows laid them out (read in a task after it) and again once every row is in, and
  the first noted frame holding each of them is the list's. The desk renders the
  rows that can be in view before its first paint and the rest once it is on screen; rows out of
  view were not drawn in the first frame before either (\`content-visibility: hidden\`). When every
  row is in the DOM is its own figure, not budgeted
  ([architecture.md](architecture.md#budgets) says why). The ratio to the blank page is
  the machine-independent figure. The floor page is the least any page showing stored data can do:
  one script file (the extension's CSP allows no inline script), the popup's own first read
  (recorded from the popup: ${Object.entries(fp.floorReads)
    .map(([area, keys]) => `${area} ${JSON.stringify(keys)}`)
    .join('; ')}), then one line of text; no styles, no framework, no checks. What the
  desk adds to the floor is its own cost: Preact, the checks, the styles and ${fp.cachedInquiries.watched} rows.
  The static first screen is the popup's DOM as it stood when its first frame with watched rows
  began (an init script keeps \`document.documentElement.outerHTML\` in that frame's
  animation callback), with every \`<script>\` and \`<link>\` taken out and the inline style sheet
  kept: ${(fp.staticBytes / 1024).toFixed(0)} KB of HTML, loaded in the same rotation. Between it and the blank page is
  what parsing, styling, laying out, painting and rastering that screen costs; between it and the
  popup, what the popup's scripts, its storage read and Preact's render add.
  The injected first screen is that static page's head (its inline style) with an empty body and
  the floor page's script, which makes the floor's read and then sets the first frame's body
  markup as \`document.body.innerHTML\`: the desk's DOM, arriving as late as the floor's line and
  timed as the desk is (the first frame holding every watched row in view), with none of the desk's code.
  Two more copies of it hold fewer rows: only the watched rows in the popup's view (counted in the
  recorded popup once all its rows were in), timed the same way, and none at all, timed by its
  first contentful paint.
  "Content in the DOM → on screen" splits each page's first paint in two: the start time of the
  first animation frame whose DOM holds the content (the desk: every watched row in view; the
  others: any text), and from there to \`first-contentful-paint\`, which Chromium stamps when that frame is
  presented. Under one frame interval (${FRAME_MS.toFixed(1)} ms) the frame was shown on the first
  draw after it began; above it, it missed that draw.
- **In the toolbar popup itself**: after the tab figures, an extension page sets the action's
  popup to each of the same pages in turn (\`action.setPopup\`), opens it
  (\`action.openPopup\`, which needs no user gesture), waits, and reads the popup's
  \`first-contentful-paint\` from navigation start through \`extension.getViews\` (extension pages
  share one renderer), then closes it; ${r.toolbarPopup.runs} rotations after one warm-up, the
  manifest's popup put back at the end. Each opening is half a second after the last popup
  closed, as a reviewer's are seconds apart: back to back, the closing popup's teardown overlapped
  the next one's load. Nothing is injected into the popup, so its first paint is
  its first contentful paint, which for the desk is the list's: the page holds no text until it
  renders once with its stored items, and the rows are counted after the paint. A toolbar popup
  opens small and grows to its content, so the blank page's window is a few pixels and the desk's
  ${r.toolbarPopup.pages.popup.size}. A tab waits for the files it loads: in a trace of the floor page as a
  tab, its one script was asked for 7 ms after navigation start and arrived 22 ms later, once
  Chromium's browser main thread had finished the tab's navigation bookkeeping (history, tab
  strip, favicon). A toolbar popup has no tab to update.
- **In the side panel itself**: Chrome opens a side panel only inside a user gesture, and a
  click Playwright sends through DevTools is one. An extension page sets the panel's page
  (\`sidePanel.setOptions\`) to the side panel's desk, the blank page or the floor page in turn,
  and its own button calls \`sidePanel.open\` in the click's handler, with nothing awaited first;
  the panel's \`first-contentful-paint\` is read through \`extension.getViews\`, then the panel is
  closed (\`sidePanel.close\`); ${r.sidePanelContainer.runs} rotations after one warm-up, half a second apart, in a
  ${r.sidePanelContainer.pages.panel.size} panel.
- **Click → next view**: after the first-paint figure, with its 50 cached inquiries: the popup
  opened afresh each run, its list awaited, then at once Playwright's mouse clicks "New inquiry",
  or the first watched row (whose detail the session cache holds). The pointer's arrival is the
  only hover, a few ms before the press, and the idle prefetch has had no time, so the view's chunk
  is fetched on that hover at the latest. Timed in the page from the click event to the first
  animation frame whose DOM holds the next view (\`form.view.create-form\`, \`.view.detail\`); one
  warm-up run first. Budget on the median; the max beside it.
- **Lookup**: the sandbox adds ${lookup.latencyMs} ms to every API request. "Ours" types an \`inq_\` id into
  "Find inquiry" in the popup and times from the form's submit to the frame showing every
  verification card with its checks. "Naive" runs in the service worker too (same network stack
  and CORS): \`GET /inquiries/{id}\`, then \`GET /verifications/{id}\` for each, one after another,
  with no rendering. A fresh completed inquiry each run; requests counted in the sandbox's log
  until 0.3 s after the detail rendered, except the earlier-inquiries list the detail asks for
  once it is on screen (counted in the next figure).
- **Find → photos shown**: the same ${photos.latencyMs} ms on API requests (file downloads are not
  delayed). "Ours" types a fresh needs-review inquiry's id into "Find inquiry"; a page hook
  presses **Show photos** the moment it appears and times from the form's submit to the frame in
  which all ${photos.photosPerInquiry} photos have decoded. Requests counted in the sandbox's log by route: the
  detail (one, with verifications, reports and sessions), the earlier-inquiries list it asks for
  once the detail is on screen, and one download per photo. "Naive" runs in the worker: the
  inquiry, each verification, each photo (fetched and decoded), one after another.
- **Poll requests**: the watchlist is written with N pending inquiries (no status changes), the
  poll state cleared, and one cycle run through the worker's \`inquiryDesk.runCycle\` test hook,
  as the alarm runs it. Requests counted in the sandbox's log (the cycle's own count agrees).
  The naive poll asks once per inquiry.
- **Status change → badge and notification**: through the real alarm, not the test hook. The
  extension is unpacked in the bench's Chromium, where chrome.alarms allows periods under the
  30 s floor of packed extensions; from the worker, the poller's alarm (\`${status.alarm}\`, the
  name in \`src/background/watch/alarm.ts\`) is re-created with a ${status.periodSeconds} s period. Each of ${status.runs} runs:
  watchlist, poll state and notifications emptied (an alarm cycle is not debounced, but a stored
  rate-limit hold or back-off would stop it); an inquiry created with the \`createInquiry\`
  message, which watches it; the alarm re-created, so the next one is a whole period away, and
  at once the inquiry finished as passed on the sandbox. The worst phase: as if a cycle had read
  the old status just before it changed. Timed from the start of the finish request until the
  badge text has changed and a notification naming the inquiry exists, both polled every 10 ms
  in the worker. Budget: the period used + 2 s. The alarm is put back to the options' period
  afterwards.
- **Cold start**: the worker is stopped through DevTools (\`ServiceWorker.stopAllWorkers\`, as the
  e2e harness does), then a blank extension page sends \`ping\` and times the answer; Chrome has
  to start the worker to deliver it. Warm: the same ping to a running worker. The same, run for
  run, on a minimal extension written to a temporary folder: a Manifest V3 worker of three lines
  that answers \`ping\`, of the extension's own kind (here a ${coldStart.minimalWorker} worker script), in a second
  headless Chromium of the same build and flags. The
  figure is the ratio of each side's fastest run: other jobs on the machine only add time, and
  they swing a ratio of medians by a factor of two between runs; the medians are shown beside it.
  A third Chromium, in the same alternation, runs the floor worker: the extension's manifest keys
  that decide which APIs a worker gets (permissions, host permissions, omnibox, managed storage),
  an empty listener on each event the built worker listens to (read from its script:
  ${coldStart.floor.events.map((e) => `\`${e}\``).join(', ')}), and one \`storage.local\` read
  before it answers \`ping\`, as the worker's start-up gate makes it; none of our code. Between
  the minimal worker and the floor is what the desk's features cost any worker; between the floor
  and the extension is its own script. A fourth Chromium, in the same alternation, runs the parse
  floor: the floor worker with the built worker script appended inside a function that is never
  called, so its bytes are loaded and parsed at each start and none of them runs.
- **Team scale**: see "Team scale" above.

## Samples (ms)

- popup first paint: ${list(fp.samples.popupListMs)}
- popup FCP: ${list(fp.samples.popupFcpMs)}
- blank page FCP: ${list(fp.samples.blankFcpMs)}
- floor page FCP: ${list(fp.samples.floorFcpMs)}
- static first screen FCP: ${list(fp.samples.staticFcpMs)}
- injected first screen, first paint: ${list(fp.samples.injectedFcpMs)}
- injected, rows in view only, first paint: ${list(fp.samples.injectedInViewFcpMs)}
- injected, no rows, FCP: ${list(fp.samples.injectedNoRowsFcpMs)}
- toolbar popup FCP: popup ${list(r.toolbarPopup.pages.popup.samples)}; blank ${list(r.toolbarPopup.pages.blank.samples)}; floor ${list(r.toolbarPopup.pages.floor.samples)}; static ${list(r.toolbarPopup.pages.static.samples)}
- side panel in the side panel itself, FCP: desk ${list(r.sidePanelContainer.pages.panel.samples)}; blank ${list(r.sidePanelContainer.pages.blank.samples)}; floor ${list(r.sidePanelContainer.pages.floor.samples)}
- side panel first paint: ${list(fp.sidePanel.listSamples)}
- side panel FCP: ${list(fp.sidePanel.fcpSamples)}
${r.nextView.transitions.map((t) => `- click → next view, ${t.name}: ${t.samples.join(', ')}`).join('\n')}
- lookup, ours: ${list(lookup.samples.oursMs)}
- lookup, naive: ${list(lookup.samples.naiveMs)}
- find → photos shown, ours: ${list(photos.samples.oursMs)}
- find → photos shown, naive: ${list(photos.samples.naiveMs)}
- status change → badge and notification: ${list(status.samples.map((s) => Math.max(s.badgeMs ?? Number.NaN, s.notificationMs ?? Number.NaN)))}
- cold start: ${list(coldStart.samples.coldMs)}
- cold start, minimal worker: ${list(coldStart.samples.minimalColdMs)}
- cold start, floor worker: ${list(coldStart.samples.floorColdMs)}
- cold start, parse floor: ${list(coldStart.samples.parsedColdMs)}
`;
}

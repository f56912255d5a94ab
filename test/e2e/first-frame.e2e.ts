// The popup's first frame in Chromium: the watched rows that can be in view are in the DOM, each
// drawn, and the rest come once that frame is on screen (src/ui/first-paint.ts); afterwards every
// row is drawn as it scrolls near, and the background is asked for its version.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectToSandbox } from './configure.ts';
import { type ExtensionHarness, launchExtension } from './harness.ts';

const ROWS = 40;
const rowId = (n: number) => `inq_FirstFrame${String(n).padStart(4, '0')}`;
let ext: ExtensionHarness;

beforeAll(async () => {
  ext = await launchExtension();
  await connectToSandbox(ext);
  const worker = await ext.serviceWorker();
  await worker.evaluate(
    (entries) => chrome.storage.local.set({ watchlist: entries }),
    Array.from({ length: ROWS }, (_, n) => ({
      id: rowId(n),
      status: 'pending',
      addedAt: 1,
      changedAt: ROWS - n, // newest first: row n is shown n-th
      seen: true,
    })),
  );
});
afterAll(async () => {
  await ext?.close();
});

it('draws the rows in view first, then every row, and pings the background once painted', async () => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  // Before the page's own scripts: what the first frame holding rows had in its DOM.
  await page.addInitScript(`
    requestAnimationFrame(function frame() {
      const rows = [...document.querySelectorAll('.inquiry-list > li')];
      if (rows.length > 0) window.__firstFrameRows = rows.map((li) => li.className);
      else requestAnimationFrame(frame);
    });
    addEventListener('focusin', (event) => {
      window.__focusedAt ??= [event.target.getAttribute('aria-label'), performance.now()];
    });
    // The list's clock (useNow, a 30 s interval) is started by an effect.
    const setInterval = window.setInterval;
    window.setInterval = function (run, ms, ...rest) {
      if (ms === 30000) window.__clockAt ??= performance.now();
      return setInterval.call(this, run, ms, ...rest);
    };`);
  await page.goto(ext.extensionUrl('src/popup/index.html'));

  const firstFrameRows = () =>
    page.evaluate(() => (window as { __firstFrameRows?: string[] }).__firstFrameRows);
  // 600 px at 48 px a row at least: thirteen rows can be in view, and the first frame has those.
  await expect.poll(firstFrameRows).toEqual(Array(13).fill('draw-now'));
  const first = await firstFrameRows();

  // Once that frame is on screen: every row drawn as it scrolls near, and the ping answered.
  await expect
    .poll(() => page.$$eval('.inquiry-list > li', (rows) => rows.map((li) => li.className)))
    .toEqual(Array(ROWS).fill(''));
  expect(
    await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length),
  ).toBe(1);
  await expect.poll(() => page.getByTestId('background-status').textContent()).toMatch(/^Version /);
  // The first renders' effects run once that frame is on screen, not while it is drawn
  // (src/ui/first-paint.ts): the list's clock, and the search box's focus.
  const seen = await page.evaluate(() => ({
    focus: (window as { __focusedAt?: [string, number] }).__focusedAt,
    clock: (window as { __clockAt?: number }).__clockAt,
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
  }));
  expect(seen.clock).toBeGreaterThan(seen.painted);
  expect(seen.focus?.[0]).toBe('Find inquiry');
  expect(seen.focus?.[1]).toBeGreaterThan(seen.painted);
  // Every row in view was among those drawn in the first frame.
  const inView = await page.$$eval(
    '.inquiry-list > li',
    (rows) => rows.filter((li) => li.getBoundingClientRect().top < window.innerHeight).length,
  );
  expect(inView).toBeGreaterThan(0);
  expect(first?.slice(0, inView)).toEqual(Array(inView).fill('draw-now'));
  const last = page.getByRole('button', { name: new RegExp(rowId(ROWS - 1)) });
  await last.scrollIntoViewIfNeeded();
  expect(await last.isVisible()).toBe(true);
  expect((await last.boundingBox())?.height).toBeGreaterThan(20);
  await page.close();
});

it('leaves the focus on a row the reviewer took before the search box could', async () => {
  // The search box takes the focus once the first frame is on screen; a reviewer quick to Tab or
  // click to a row before that kept it only until then, and the arrow key pressed next went into
  // the box (a CI run's End did).
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(`
    new MutationObserver((_, observer) => {
      const row = document.querySelector('.inquiry-row');
      if (!row) return;
      observer.disconnect();
      row.focus();
      window.__rowFocusedAt = performance.now();
    }).observe(document, { childList: true, subtree: true });`);
  await page.goto(ext.extensionUrl('src/popup/index.html'));
  // Taken before the page painted, and kept past the time the box's focus comes (the ping
  // answered: the first screen's effects have run).
  await expect.poll(() => page.getByTestId('background-status').textContent()).toMatch(/^Version /);
  const at = await page.evaluate(() => ({
    row: (window as { __rowFocusedAt?: number }).__rowFocusedAt ?? Infinity,
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  }));
  expect(at.row).toBeLessThan(at.painted);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(rowId(0));
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(rowId(1));
  await page.close();
});

it('puts an id typed as the desk opens, before it is drawn, into the search box, whole', async () => {
  // A reviewer opens the desk to paste or type an id, often before it shows: what reaches the
  // page before the box has the focus is kept for it (src/ui/type-ahead.ts).
  for (const path of ['src/popup/index.html', 'src/side-panel/index.html']) {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(ext.extensionUrl(path));
    await page.keyboard.type('inq_TypedAsItOpens01');
    const box = page.getByRole('searchbox', { name: 'Find inquiry' });
    await expect.poll(() => box.inputValue(), { timeout: 5000 }).toBe('inq_TypedAsItOpens01');
    // Typed on into the box once it has the focus.
    await page.keyboard.type('X');
    expect(await box.inputValue()).toBe('inq_TypedAsItOpens01X');
    await page.close();
  }
});

it('does the same in the toolbar popup itself, and the search box has the focus', async () => {
  // An extension page opens the real popup (action.openPopup needs no gesture) and reaches its
  // window through getViews: extension pages share one renderer. Playwright does not see the
  // popup as a page, so the first-frame recorder goes in once its window is found. Chromium shows
  // a toolbar popup only once it has loaded, and draws no frame before: the desk renders while
  // the popup is hidden, and must still hold back until its first frame is on screen.
  const page = await ext.openOptions();
  const seen = await page.evaluate(async (rows) => {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await chrome.action.openPopup();
    const started = performance.now();
    let view: Window | undefined;
    while (!view) {
      if (performance.now() - started > 10_000) throw new Error('no popup');
      await pause(2);
      view = chrome.extension.getViews({ type: 'popup' })[0];
    }
    const popup = view;
    const first = await new Promise<string[]>((resolve) => {
      const frame = () => {
        const rows = [...popup.document.querySelectorAll('.inquiry-list > li')];
        if (rows.length > 0) resolve(rows.map((li) => li.className));
        else popup.requestAnimationFrame(frame);
      };
      popup.requestAnimationFrame(frame);
    });
    while (popup.performance.getEntriesByName('first-contentful-paint').length === 0)
      await pause(20);
    // Once painted, every row is there, drawn as it scrolls near.
    const all = () => [...popup.document.querySelectorAll('.inquiry-list > li')];
    while (all().length < rows || all().some((li) => li.className)) {
      if (performance.now() - started > 10_000) throw new Error('not every row came');
      await pause(20);
    }
    const focused = popup.document.activeElement?.getAttribute('aria-label');
    popup.close();
    return { first, focused };
  }, ROWS);
  // The popup may still be short when its list renders: what 600 px can show is in the first frame.
  expect(seen.first).toEqual(Array(13).fill('draw-now'));
  // Most popups open to paste an id.
  expect(seen.focused).toBe('Find inquiry');
  await page.close();
});

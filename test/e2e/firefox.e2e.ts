// Firefox smoke test: the built add-on (dist-firefox/) in Debian's Firefox ESR against the local
// sandbox, through the real pages: connect, create, copy the link, the end user finishes, find,
// read, approve.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, type FirefoxHarness, launchFirefox, type Role } from './firefox-harness.ts';
import { sandbox } from './sandbox.ts';

const version = (await import('../../manifest.json', { with: { type: 'json' } })).default.version;
const sandboxOrigin = sandbox().origin;
const baseUrl = sandbox().baseUrl;
const key = sandbox().key;
const template = 'itmpl_E2eTemplate01';
/** Requests go page → background → sandbox; on a busy 2-core machine that can take seconds. */
const soon = { timeout: 15_000, interval: 100 };

let ff: FirefoxHarness;

beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

// Firefox reports no console or script errors of moz-extension:// pages over WebDriver BiDi
// (checked: a thrown error on an http page arrives as `pageerror`, on the options page nothing),
// so these tests judge the pages by what they show.
const openPage = (path: string) => ff.openPage(path);

/** Types over a field's whole value, as a person selecting it first does (it may hold a default). */
async function fill(page: Page, name: string, value: string, role: Role = 'textbox') {
  const field = await byRole(page, role, name);
  await field.evaluate((el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  await page.keyboard.type(value);
  expect(await field.evaluate((el) => (el as HTMLInputElement).value)).toBe(value);
}
const click = async (page: Page, name: string) => (await byRole(page, 'button', name)).click();
const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.textContent ?? '').catch(() => '');
const statusOf = (page: Page) => textOf(page, '[data-testid="status"]');

async function personaStatus(id: string): Promise<string> {
  const response = await fetch(`${baseUrl}/inquiries/${id}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  const body = (await response.json()) as { data: { attributes: { status: string } } };
  return body.data.attributes.status;
}

describe('the built add-on in Firefox ESR', () => {
  it('loads with background scripts and a sidebar, and its pages reach the background', async () => {
    const options = await openPage('src/options/index.html');
    const manifest = (await options.evaluate(() =>
      (
        globalThis as unknown as { browser: { runtime: { getManifest(): unknown } } }
      ).browser.runtime.getManifest(),
    )) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      manifest_version: 3,
      background: { scripts: [expect.stringMatching(/\.js$/)] },
      sidebar_action: { default_panel: expect.stringContaining('src/side-panel/index.html') },
    });
    expect(manifest).not.toHaveProperty('side_panel');
    expect(manifest.permissions).not.toContain('sidePanel');
    await options.close();

    const sidebar = await openPage('src/side-panel/index.html');
    await expect
      .poll(() => textOf(sidebar, '[data-testid="background-status"]'), soon)
      .toBe(`Version ${version}`);
    await byRole(sidebar, 'searchbox', 'Find inquiry');
    // The first screen's effects (the search box's focus among them) wait for the first paint
    // (src/ui/first-paint.ts): Firefox reports it for extension pages, or they would wait 1 s.
    const painted = await sidebar.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint').length,
      focused: document.activeElement?.getAttribute('aria-label'),
    }));
    expect(painted).toEqual({ paint: 1, focused: 'Find inquiry' });
    await sidebar.close();
  });

  it('connects, creates, shares, finds, reads and approves an inquiry', async () => {
    const options = await openPage('src/options/index.html');
    await fill(options, 'API key', key);
    await fill(options, 'API base URL', baseUrl);
    await fill(options, 'Default inquiry template ID', template);
    await click(options, 'Save');
    await expect.poll(() => textOf(options, 'body'), soon).toContain('Settings saved.');
    // Firefox's words for the side panel and the shortcut's page.
    const ways = await textOf(options, '[data-testid="ways-in"]');
    expect(ways).toContain("Lookups open in Inquiry Desk's sidebar");
    expect(ways).not.toContain('side panel');
    expect(ways).toMatch(/opens Inquiry Desk's popup\. Change shortcut/);
    // Change shortcut opens Firefox's own page for it (about:addons, which WebDriver BiDi does not
    // list, so it is not followed here): the API is there, so the desk never falls back to
    // Chrome's address in Firefox.
    expect(
      await options.evaluate(
        () =>
          typeof (
            globalThis as unknown as { browser: { commands: { openShortcutSettings?: unknown } } }
          ).browser.commands.openShortcutSettings,
      ),
    ).toBe('function');
    await options.close();

    const popup = await openPage('src/popup/index.html');
    await expect.poll(() => textOf(popup, '[data-testid="environment"]'), soon).toBe('Sandbox');
    // The desk's styles are written into the page (scripts/lib/inline-first-screen-css.ts), and
    // Firefox's extension CSP lets them apply.
    expect(await popup.$eval('.topbar', (el) => getComputedStyle(el as Element).display)).toBe(
      'flex',
    );
    await click(popup, 'New inquiry');
    const reference = `firefox-${Date.now()}`;
    await fill(popup, 'Reference ID', reference);
    await click(popup, 'Create');
    await expect.poll(() => statusOf(popup), soon).toBe('created');
    const id = await textOf(popup, '[data-testid="inquiry-id"]');
    expect(id).toMatch(/^inq_/);
    const link = await textOf(popup, '[data-testid="one-time-link"]');
    expect(link.startsWith(`${sandboxOrigin}/`)).toBe(true);
    await click(popup, 'Copy link');
    await expect.poll(() => textOf(popup, '[data-testid="announcer"]'), soon).toBe('Link copied');
    await popup.close();

    // The end user opens the link they were sent and finishes the hosted flow.
    const flow = await ff.browser.newPage();
    await flow.goto(link);
    await click(flow, 'Start');
    await click(flow, 'Finish as passed');
    await expect.poll(() => textOf(flow, '#status'), soon).toContain('completed');
    await flow.close();

    const desk = await openPage('src/popup/index.html');
    await fill(desk, 'Find inquiry', reference, 'searchbox');
    await desk.keyboard.press('Enter');
    const matches = 'ul[aria-label="Matching inquiries"] > li';
    await expect
      .poll(() => desk.$$eval(matches, (rows) => rows.map((row) => row.textContent)), soon)
      .toEqual([expect.stringContaining(id)]);
    await (await desk.$(`${matches} button`))?.click();
    await expect.poll(() => statusOf(desk), soon).toBe('completed');
    const cards = () =>
      desk.$$eval('section.verification h4', (heads) => heads.map((h) => h.textContent ?? ''));
    await expect
      .poll(cards, soon)
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Government ID/),
          expect.stringMatching(/Selfie/),
          expect.stringMatching(/Database/),
        ]),
      );

    await click(desk, 'Approve');
    // Firefox has no field-sizing: the comment's box grows all the same, so a long comment is
    // read whole before Confirm.
    const box = 'textarea#action-comment';
    const height = () => desk.$eval(box, (el) => (el as HTMLElement).offsetHeight);
    const twoLines = await height();
    await fill(desk, 'Comment', 'Checked by phone. '.repeat(8));
    await expect.poll(height, soon).toBeGreaterThan(twoLines);
    expect(await desk.$eval(box, (el) => (el as HTMLElement).scrollHeight <= el.clientHeight)).toBe(
      true,
    );
    // Escape calls it off, and Approve, focused again, shows its ring.
    await desk.keyboard.press('Escape');
    await expect
      .poll(() =>
        desk.evaluate(() => {
          const active = document.activeElement;
          return active?.textContent === 'Approve' && active.matches(':focus-visible');
        }),
      )
      .toBe(true);
    // Cancel clicked with the mouse gives the focus back to Approve without the ring, which is
    // for keys; Cancel pressed with Enter or Space gives it back with the ring.
    const approveFocused = () =>
      desk.evaluate(() => {
        const active = document.activeElement;
        if (active?.textContent !== 'Approve') return `on ${active?.textContent ?? 'nothing'}`;
        return active.matches(':focus-visible') ? 'with its ring' : 'without its ring';
      });
    await click(desk, 'Approve');
    await click(desk, 'Cancel');
    await expect.poll(approveFocused, soon).toBe('without its ring');
    for (const key of ['Enter', ' '] as const) {
      await click(desk, 'Approve');
      await (await byRole(desk, 'button', 'Cancel')).focus();
      await desk.keyboard.press(key);
      await expect.poll(approveFocused, soon).toBe('with its ring');
    }
    await click(desk, 'Approve');
    await click(desk, 'Confirm approve');
    await expect.poll(() => statusOf(desk), soon).toBe('approved');
    expect(await personaStatus(id)).toBe('approved');
    // Firefox's toolbar popup closes on Escape before the page sees the key: Alt+← goes back
    // instead, here to the search's results, and the page keeps it from the tab's own history.
    await desk.evaluate(() => {
      (globalThis as { stayed?: boolean }).stayed = true;
    });
    await desk.keyboard.down('Alt');
    await desk.keyboard.press('ArrowLeft');
    await desk.keyboard.up('Alt');
    await expect
      .poll(() => desk.$$eval(matches, (rows) => rows.map((row) => row.textContent)), soon)
      .toEqual([expect.stringContaining(id)]);
    expect(await desk.evaluate(() => (globalThis as { stayed?: boolean }).stayed)).toBe(true);
    await desk.close();

    // A lookup (a menu item chosen, an address bar suggestion picked) opens the sidebar inside
    // that user action and writes its route to storage.session (open-lookup.ts); the sidebar,
    // already open here, follows the route to the inquiry.
    const sidebar = await openPage('src/side-panel/index.html');
    await byRole(sidebar, 'searchbox', 'Find inquiry');
    await sidebar.evaluate(
      (inquiry) =>
        (
          globalThis as unknown as {
            browser: { storage: { session: { set(items: object): Promise<void> } } };
          }
        ).browser.storage.session.set({ panelRoute: { inquiry, at: Date.now() } }),
      id,
    );
    await expect.poll(() => statusOf(sidebar), soon).toBe('approved');
    expect(await textOf(sidebar, 'h2.view-title')).toContain(id);
    await sidebar.close();

    // Open in sidebar: Firefox's real sidebar opens inside the click, routed to the inquiry; the
    // desk, a tab here, stays (the toolbar popup would close).
    const detail = await openPage(`src/popup/index.html?inquiry=${id}`);
    await expect.poll(() => statusOf(detail), soon).toBe('approved');
    type Sidebar = {
      browser: {
        sidebarAction: { isOpen(details: object): Promise<boolean> };
        storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
      };
    };
    const sidebarOpen = () =>
      detail.evaluate(() => (globalThis as unknown as Sidebar).browser.sidebarAction.isOpen({}));
    const route = async () =>
      (
        await detail.evaluate(() =>
          (globalThis as unknown as Sidebar).browser.storage.session.get('panelRoute'),
        )
      ).panelRoute as { inquiry?: string; at: number };
    const before = await route();
    expect(await sidebarOpen()).toBe(false);
    await click(detail, 'Open in sidebar');
    await expect.poll(sidebarOpen, soon).toBe(true);
    const after = await route();
    expect(after.inquiry).toBe(id);
    expect(after.at).toBeGreaterThan(before.at);
    expect(detail.isClosed()).toBe(false);
    await detail.close();
  });

  it('at 400 px, the chat message template shows the whole default message, and grows as it is typed', async () => {
    // Firefox has no field-sizing: the box is sized by the page (use-grow-with-text.ts), or it
    // stays three rows tall and cuts the default's last line, the expiry's.
    const options = await openPage('src/options/index.html');
    // Puppeteer sends a screen orientation with the viewport, which Firefox ESR 140's WebDriver
    // BiDi does not know: its refusal may come first, but the viewport is set all the same, as the
    // page's size shows once it has.
    await options.setViewport({ width: 400, height: 700 }).catch(() => undefined);
    await expect
      .poll(() => options.evaluate(() => [innerWidth, innerHeight]), soon)
      .toEqual([400, 700]);
    const box = '#chat-template';
    const value = () =>
      options.$eval(box, (el) => (el as HTMLTextAreaElement).value).catch(() => '');
    await expect.poll(value, soon).toContain('{expires}');
    const size = () =>
      options.$eval(box, (el) => ({
        height: (el as HTMLElement).offsetHeight,
        fits: el.scrollHeight <= el.clientHeight,
      }));
    // Sized once the page has laid out at its new width.
    await expect.poll(async () => (await size()).fits, soon).toBe(true);
    const before = (await size()).height;
    await options.$eval(box, (el) => {
      const field = el as HTMLTextAreaElement;
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    });
    await options.keyboard.type('\nThank you!');
    await expect.poll(value, soon).toMatch(/\nThank you!$/);
    await expect.poll(async () => (await size()).height, soon).toBeGreaterThan(before);
    expect((await size()).fits).toBe(true);
    // Its grip: grown to the cap (half the window, 350 px), then dragged past it, the height is
    // the reviewer's, and the next line typed does not size it again.
    await options.keyboard.type('\n.'.repeat(20));
    await expect.poll(async () => (await size()).height, soon).toBe(350);
    const at = await options.$eval(box, (el) => {
      el.scrollIntoView({ block: 'start' });
      const r = el.getBoundingClientRect();
      return { x: r.right - 3, y: r.bottom - 3, top: r.top };
    });
    await options.mouse.move(at.x, at.y);
    await options.mouse.down();
    await options.mouse.move(at.x, at.top + 500, { steps: 5 });
    await options.mouse.up();
    await expect.poll(async () => (await size()).height, soon).toBeGreaterThan(450);
    const dragged = (await size()).height;
    await options.keyboard.type('\nBest regards');
    await expect.poll(value, soon).toMatch(/\nBest regards$/);
    expect((await size()).height).toBe(dragged);
    await options.close();
  });

  it('renders every watched row once the first paint is reported, past those of the first render', async () => {
    // The desk's first render holds the rows that can be in view; the rest come once the page's
    // first paint is reported (src/ui/views/watchlist-panel.tsx), or after 1 s without it.
    const watched = Array.from({ length: 30 }, (_, n) => ({
      id: `inq_FirefoxRow${String(n).padStart(6, '0')}`,
      status: 'pending',
      addedAt: 1,
      changedAt: 30 - n,
      seen: true,
    }));
    type Local = {
      browser: {
        storage: {
          local: {
            get(key: string): Promise<{ watchlist?: unknown[] }>;
            set(items: object): Promise<void>;
          };
        };
      };
    };
    const options = await openPage('src/options/index.html');
    // Written past the worker's queue: an edit of the watchlist the worker began before (a check
    // the last test started) writes the list it read back over this one. Written until it stays.
    const written = () =>
      options.evaluate(async (entries) => {
        const { local } = (globalThis as unknown as Local).browser.storage;
        if ((await local.get('watchlist')).watchlist?.length !== entries.length)
          await local.set({ watchlist: entries });
        await new Promise((resolve) => setTimeout(resolve, 300));
        return (await local.get('watchlist')).watchlist?.length;
      }, watched);
    await expect.poll(written, soon).toBe(30);
    await options.close();
    const popup = await openPage('src/popup/index.html');
    const rows = 'ul[aria-label="Watched inquiries"] > li';
    await expect.poll(() => popup.$$eval(rows, (items) => items.length), soon).toBe(30);
    // Newest first, the last one too; and Firefox reported the paint that brought them.
    expect(await textOf(popup, `${rows}:last-child`)).toContain(watched[29]?.id);
    expect(
      await popup.evaluate(() => performance.getEntriesByName('first-contentful-paint').length),
    ).toBe(1);
    await popup.close();
  });

  it('keeps the focus on a row the watcher moves to the top', async () => {
    // Firefox ESR has no moveBefore: Preact moves a row by taking it out and putting it back,
    // which takes the focus from it (src/ui/views/hold-rows.tsx gives it back).
    const row = (n: number, status = 'pending', changedAt = 10 - n) => ({
      id: `inq_FirefoxMove${String(n).padStart(6, '0')}`,
      status,
      addedAt: 1,
      changedAt,
      seen: status === 'pending',
    });
    type Local = {
      browser: { storage: { local: { set(items: object): Promise<void> } } };
    };
    const write = (entries: object[]) =>
      popup.evaluate(
        (list) => (globalThis as unknown as Local).browser.storage.local.set({ watchlist: list }),
        entries,
      );
    const popup = await openPage('src/popup/index.html');
    const rows = 'ul[aria-label="Watched inquiries"] > li';
    // The focused row's text: none if the focus is not on a row.
    const focusedRow = () =>
      popup.evaluate(() => document.activeElement?.closest('.inquiry-row')?.textContent ?? '');
    // Written again until the list shows it: in one CI run the page's write was lost, the last
    // test's list still shown 15 s later (what wrote over it is not known).
    const shown = (entries: object[], where: string, id: string) =>
      expect
        .poll(async () => {
          await write(entries);
          return textOf(popup, `${rows}:${where}`);
        }, soon)
        .toContain(id);
    await shown(
      [0, 1, 2, 3, 4, 5].map((n) => row(n)),
      'last-child',
      row(5).id,
    );
    // The focus on the fourth row, which then completes: it goes to the top of the list, the
    // focus with it (the keyboard does not hold the rows still, as a pointer aiming does).
    await popup.$eval(`${rows}:nth-child(4) button`, (button) => (button as HTMLElement).focus());
    expect(await focusedRow()).toContain(row(3).id);
    await shown(
      [0, 1, 2, 3, 4, 5].map((n) => (n === 3 ? row(3, 'completed', 100) : row(n))),
      'first-child',
      row(3).id,
    );
    expect(await focusedRow()).toContain(row(3).id);
    await popup.close();
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControls } from '../persona-sandbox/controls.ts';
import { connectToSandbox } from './configure.ts';
import { type ExtensionHarness, launchExtension } from './harness.ts';
import { sandbox } from './sandbox.ts';

let ext: ExtensionHarness;
let inquiryId: string;
const controls = sandboxControls(sandbox().origin);
const referenceId = `lookup-${Date.now()}`;
/** expect.poll waits 1 s by default: too little for a new window on a loaded machine. */
const settled = { timeout: 10_000 };

type Desk = {
  handleMenuClick(info: unknown, tab?: unknown): Promise<boolean>;
  enterLookup(text: string): Promise<boolean>;
};

beforeAll(async () => {
  ext = await launchExtension();
  await connectToSandbox(ext);
  const page = await ext.openOptions();
  const created = await page.evaluate(
    (ref) =>
      chrome.runtime.sendMessage({
        type: 'createInquiry',
        idempotencyKey: crypto.randomUUID(),
        templateId: 'itmpl_E2eTemplate01',
        referenceId: ref,
      }),
    referenceId,
  );
  inquiryId = created.data.inquiry.id;
  await page.close();
  await controls.finish(inquiryId, 'passed');
});
afterAll(async () => {
  await ext?.close();
});

/** Calls one of the worker's lookup handlers the way Chrome's event would. */
async function callDesk<M extends keyof Desk>(method: M, ...args: Parameters<Desk[M]>) {
  const worker = await ext.serviceWorker();
  return worker.evaluate(
    ([name, rest]) => {
      const desk = (
        globalThis as unknown as { inquiryDesk: Record<string, (...a: unknown[]) => unknown> }
      ).inquiryDesk;
      return desk[name]?.(...rest);
    },
    [method, args] as const,
  );
}

/**
 * The popup at `path`, opened while Persona answers `route` with 503s, once it offers Try again;
 * the outage ends then.
 */
async function openedThroughOutage(path: string, route: string) {
  await controls.setFaults({ errorNext: 100, errorStatuses: [503], errorRoute: route });
  const popup = await ext.openPopup(path);
  const retry = popup.getByRole('button', { name: 'Try again' });
  try {
    await expect.poll(() => retry.count(), { timeout: 20_000 }).toBe(1);
  } finally {
    await controls.clearFaults();
  }
  return { popup, retry };
}

/**
 * The watcher's next check, now, getting through. Its back-off from this file's earlier outages,
 * which would put that check minutes away, is forgotten first.
 */
async function watcherGetsThrough() {
  const worker = await ext.serviceWorker();
  await worker.evaluate(() => chrome.storage.local.remove('pollState'));
  await worker.evaluate(() =>
    (
      globalThis as unknown as { inquiryDesk: { runCycle(): Promise<unknown> } }
    ).inquiryDesk.runCycle(),
  );
}

async function panelRoute() {
  const worker = await ext.serviceWorker();
  return (await worker.evaluate(() => chrome.storage.session.get('panelRoute'))).panelRoute;
}

async function openSidePanel(query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl(`src/side-panel/index.html${query}`));
  return page;
}

describe('look up anywhere', () => {
  it('context menu: a selection containing an inquiry id shows its detail in the side panel', async () => {
    const handled = await callDesk('handleMenuClick', {
      menuItemId: 'inquiry-desk-lookup',
      selectionText: `Customer wrote: my case is ${inquiryId}, thanks`,
    });
    expect(handled).toBe(true);
    expect(await panelRoute()).toMatchObject({ inquiry: inquiryId });
    const panel = await openSidePanel();
    await expect.poll(() => panel.getByText(inquiryId).count()).toBeGreaterThan(0);
    await expect
      .poll(() => panel.getByText('completed', { exact: true }).count())
      .toBeGreaterThan(0);
    await panel.close();
  });

  it('context menu: a reference selected with the full stop after it still finds it', async () => {
    await callDesk('handleMenuClick', {
      menuItemId: 'inquiry-desk-lookup',
      selectionText: `"${referenceId}."`,
    });
    const panel = await openSidePanel();
    const list = panel.getByRole('list', { name: 'Matching inquiries' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await panel.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      // The quotes are the <q>'s own, drawn by CSS: no full stop inside them.
      `Results for ${referenceId}`,
    );
    // A whole chat line is no reference ID: the desk says to select the ID alone.
    await callDesk('handleMenuClick', {
      menuItemId: 'inquiry-desk-lookup',
      selectionText: 'Hi, my customer number is somewhere in here, can you check?',
    });
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'select only the ID' }).count())
      .toBe(1);
    await panel.close();
  });

  it('omnibox: `kyc inq_…` opens that inquiry and `kyc <reference>` searches', async () => {
    await callDesk('enterLookup', inquiryId);
    expect(await panelRoute()).toMatchObject({ inquiry: inquiryId });
    await callDesk('enterLookup', referenceId);
    const route = await panelRoute();
    expect(route).toMatchObject({ search: referenceId });
    expect(route).not.toHaveProperty('inquiry');
    const panel = await openSidePanel();
    await expect.poll(() => panel.getByText(inquiryId).count()).toBeGreaterThan(0);
    await panel.close();
  });

  it('a search for an inquiry ID with its underscore mistyped offers the ID it was meant to be', async () => {
    const popup = await ext.openPopup();
    const box = popup.getByRole('searchbox', { name: 'Find inquiry' });
    await box.fill(inquiryId.replace('inq_', 'inq-'));
    await box.press('Enter');
    await expect
      .poll(() => popup.getByRole('status').filter({ hasText: 'did you mean' }).count(), settled)
      .toBe(1);
    await popup.getByRole('button', { name: `Open ${inquiryId}` }).click();
    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).first().textContent(), settled)
      .toContain(referenceId);
    expect(await popup.locator('#detail-status').textContent()).toContain('completed');
    await popup.close();
  });

  it('a side panel already open follows the next lookup', async () => {
    const panel = await openSidePanel();
    await callDesk('enterLookup', 'user-nobody-has');
    await expect.poll(() => panel.getByText('user-nobody-has').count()).toBeGreaterThan(0);
    await callDesk('enterLookup', inquiryId);
    await expect.poll(() => panel.getByText(inquiryId).count()).toBeGreaterThan(0);
    await panel.close();
  });

  it('Open in side panel opens the real side panel on the inquiry the desk shows', async () => {
    const popup = await ext.openPopup(`?inquiry=${inquiryId}`);
    await popup.getByRole('button', { name: 'Open in side panel' }).click();
    // Opened in the click's gesture: the side panel's page, in its own container, not a tab.
    const panelViews = () =>
      popup.evaluate(() =>
        chrome.extension
          .getViews()
          .filter((view) => view.location.pathname === '/src/side-panel/index.html')
          .map((view) => ({
            shows: view.document.querySelector('h2 code')?.textContent,
            offers: [...view.document.querySelectorAll('button')].some((b) =>
              b.textContent?.includes('side panel'),
            ),
          })),
      );
    await expect.poll(panelViews, settled).toEqual([{ shows: inquiryId, offers: false }]);
    expect(ext.context.pages().some((page) => page.url().includes('side-panel'))).toBe(false);
    expect(await panelRoute()).toMatchObject({ inquiry: inquiryId });
    // A desk in a tab (a lookup's, where a browser had no panel) stays; the toolbar popup closes.
    expect(popup.isClosed()).toBe(false);
    await popup.evaluate(async () => {
      const { id } = await chrome.windows.getCurrent();
      await chrome.sidePanel.close({ windowId: id as number });
    });
    await popup.close();
  });

  it('a lookup made in one window leaves the side panel of another window as it was', async () => {
    const worker = await ext.serviceWorker();
    const url = ext.extensionUrl('src/side-panel/index.html');
    // A panel (a tab stands in for it, as above) in a window of its own, which takes the focus, as
    // a window the reviewer clicks into does (headless Chromium moves the focus only to a new one).
    const panelInNewWindow = async () => {
      const [page] = await Promise.all([
        ext.context.waitForEvent('page'),
        worker.evaluate((u) => chrome.windows.create({ url: u, focused: true }), url),
      ]);
      // It opens on the last lookup's view, as a panel opened by hand does.
      // A new window and its page take a while on a loaded machine (two test files at a time).
      await expect.poll(() => page.locator('.view').count(), settled).toBeGreaterThan(0);
      return page;
    };
    const first = await openSidePanel();
    const second = await panelInNewWindow();
    // The lookup is made in the second window, which has the focus: it shows there only.
    await callDesk('enterLookup', 'made-in-the-second');
    await expect
      .poll(() => second.getByText('made-in-the-second').count(), settled)
      .toBeGreaterThan(0);
    await first.waitForTimeout(500);
    expect(await first.getByText('made-in-the-second').count()).toBe(0);
    // A third window, and a lookup there: the second keeps its own.
    const third = await panelInNewWindow();
    await callDesk('enterLookup', 'made-in-the-third');
    await expect
      .poll(() => third.getByText('made-in-the-third').count(), settled)
      .toBeGreaterThan(0);
    await second.waitForTimeout(500);
    expect(await second.getByText('made-in-the-second').count()).toBeGreaterThan(0);
    expect(await second.getByText('made-in-the-third').count()).toBe(0);
    expect(await first.getByText('made-in-the-third').count()).toBe(0);
    for (const page of [first, second, third]) await page.close();
  });

  it('declares the kyc keyword, a shortcut that opens the popup, and the side panel page', async () => {
    const worker = await ext.serviceWorker();
    const { manifest, commands } = await worker.evaluate(async () => ({
      manifest: chrome.runtime.getManifest(),
      commands: await chrome.commands.getAll(),
    }));
    expect(manifest.omnibox?.keyword).toBe('kyc');
    expect(manifest.side_panel?.default_path).toBe('src/side-panel/index.html');
    const action = commands.find((c) => c.name === '_execute_action');
    // Chrome assigns the suggested key unless another extension holds it; users change it at
    // chrome://extensions/shortcuts.
    expect(action?.shortcut).toBe('Alt+Shift+K');
  });

  it('the side panel renders every view: home, create, detail, matches', async () => {
    const worker = await ext.serviceWorker();
    await worker.evaluate(() => chrome.storage.session.remove('panelRoute'));
    const home = await openSidePanel();
    await expect.poll(() => home.getByRole('searchbox', { name: 'Find inquiry' }).count()).toBe(1);
    await expect.poll(() => home.getByRole('button', { name: 'New inquiry' }).count()).toBe(1);
    await home.getByRole('button', { name: 'New inquiry' }).click();
    await expect
      .poll(() => home.getByRole('textbox', { name: 'Inquiry template ID' }).count())
      .toBe(1);
    await home.close();

    const detail = await openSidePanel(`?inquiry=${inquiryId}`);
    await expect.poll(() => detail.getByRole('button', { name: 'Approve' }).count()).toBe(1);
    await detail.close();

    const matches = await openSidePanel(`?view=matches&q=${encodeURIComponent(referenceId)}`);
    await expect.poll(() => matches.getByText(inquiryId).count()).toBeGreaterThan(0);
    await matches.close();
  });

  // The worker sets the hint on install and at browser start only (lookup/listeners.ts): Chromium
  // keeps it in the extension's prefs, where the address bar reads it, across worker restarts.
  it("the kyc keyword's hint is still Chromium's after the worker was stopped and woken", async () => {
    const own = await launchExtension();
    try {
      // Stopped only once the install's listeners have run. The watch alarm is made by one of
      // them after a storage read; the hint's, called in the same turn once start-up is over,
      // sets it without waiting, so with the alarm there the hint has been set.
      const worker = await own.serviceWorker();
      await expect
        .poll(() => worker.evaluate(() => chrome.alarms.getAll()), settled)
        .not.toEqual([]);
      await own.stopServiceWorker();
      const page = await own.openOptions();
      const answer = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
      expect(answer).toMatchObject({ ok: true });
      await page.close();
      // Chromium writes its prefs to disk at the latest when it closes.
      await own.context.close();
      const hints = ['Preferences', 'Secure Preferences']
        .map((name) => join(own.profileDir, 'Default', name))
        .filter((file) => existsSync(file))
        .map((file) => {
          const prefs = JSON.parse(readFileSync(file, 'utf8')) as {
            extensions?: { settings?: Record<string, { omnibox_default_suggestion?: unknown }> };
          };
          return prefs.extensions?.settings?.[own.extensionId]?.omnibox_default_suggestion;
        })
        .filter((hint) => hint !== undefined);
      expect(hints).toEqual([
        expect.objectContaining({
          description: 'Inquiry Desk: look up an inq_… id or a reference ID',
        }),
      ]);
    } finally {
      await own.close();
    }
  });
});

describe('a read cut short by the background stopping', () => {
  /** The results for `referenceId` at a slow Persona (2.5 s a lookup), open while it is out. */
  async function lookingUp() {
    await controls.setFaults({ latencyMs: 2_500, latencyRoute: 'GET /inquiries' });
    try {
      const popup = await ext.openPopup(`?view=matches&q=${referenceId}`);
      await expect
        .poll(() => popup.getByRole('status').first().textContent())
        .toContain('Looking up');
      return popup;
    } catch (error) {
      // The caller clears them once it has the popup; without one, they are cleared here.
      await controls.clearFaults();
      throw error;
    }
  }

  it('a one-inquiry result leaves the focus where the reviewer took it while it was looked up', async () => {
    const popup = await lookingUp();
    try {
      // The page puts the focus on the results' title once its first frame is on screen
      // (first-paint.ts holds effects until then); a reviewer's Tab comes after that. Focused
      // before it, on a loaded machine, Back lost the focus to the title (CI, 2026-12-07).
      await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await popup.getByRole('button', { name: 'Back' }).focus();
      await expect
        .poll(() => popup.getByRole('button', { name: new RegExp(referenceId) }).count(), settled)
        .toBe(1);
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toContain('Back');
    } finally {
      await controls.clearFaults();
    }
    await popup.close();
  });

  it('is asked again by itself: the results come, focus on their one row after a Try again', async () => {
    // A slow Persona for the lookup only, so the worker can be stopped while it is out.
    const popup = await lookingUp();
    try {
      await ext.stopServiceWorker();
    } finally {
      await controls.clearFaults();
    }
    // No Try again needed: the page asked once more and the restarted worker answered.
    await expect
      .poll(() => popup.getByRole('button', { name: new RegExp(referenceId) }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await popup.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    // A Try again that worked is gone with its message: the focus goes to the results, here to
    // the reference's one inquiry, where Enter opens it (not to the page).
    await controls.setFaults({
      errorNext: 100,
      errorStatuses: [503],
      errorRoute: 'GET /inquiries',
    });
    const again = await ext.openPopup(`?view=matches&q=${referenceId}`);
    try {
      const retry = again.getByRole('button', { name: 'Try again' });
      await expect.poll(() => retry.count(), { timeout: 15_000 }).toBe(1);
      await controls.clearFaults();
      await retry.focus();
      await again.keyboard.press('Enter');
      await expect
        .poll(() => again.getByRole('button', { name: new RegExp(referenceId) }).count(), settled)
        .toBe(1);
      await expect
        .poll(() => again.evaluate(() => document.activeElement?.textContent ?? ''), settled)
        .toContain(referenceId);
    } finally {
      await controls.clearFaults();
    }
    await popup.close();
    await again.close();
  });
});

describe('an inquiry opened by its address that Persona does not have', () => {
  it('says so, and the focus is on the title beside it, not the page', async () => {
    const popup = await ext.openPopup('?inquiry=inq_NoSuchInquiry000000000000');
    await expect
      .poll(() => popup.getByRole('alert').textContent())
      .toContain('Persona has no such inquiry');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await popup.close();
  });
});

describe('a detail that could not reach Persona', () => {
  it('reads the inquiry again by itself once the watcher gets through, without Try again', async () => {
    // One the desk does not watch, so nothing but the detail's own read can bring it.
    const made = await fetch(`${sandbox().baseUrl}/inquiries`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox().key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        data: { attributes: { 'inquiry-template-id': 'itmpl_E2eTemplate01' } },
      }),
    });
    const { data } = (await made.json()) as { data: { id: string } };
    // Persona answers that read with 503s (the list the watcher asks for still works).
    const { popup, retry } = await openedThroughOutage(`?inquiry=${data.id}`, 'GET /inquiries/:id');
    // The outage is over: the watcher's next check gets through, and the detail follows.
    await watcherGetsThrough();
    await expect
      .poll(() => popup.getByTestId('status').textContent(), { timeout: 15_000 })
      .toBe('created');
    expect(await retry.count()).toBe(0);
    await popup.close();
  }, 60_000);
});

describe('search results that could not reach Persona', () => {
  it('are asked for again by themselves once the watcher gets through, without Try again', async () => {
    // Persona answers lists with 503s: the lookup's, and the watcher's.
    const { popup, retry } = await openedThroughOutage(
      `?view=matches&q=${referenceId}`,
      'GET /inquiries',
    );
    // The outage is over: the watcher's next check gets through, and the results follow.
    await watcherGetsThrough();
    await expect
      .poll(() => popup.getByRole('button', { name: new RegExp(referenceId) }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await retry.count()).toBe(0);
    await popup.close();
  }, 60_000);
});

describe('a lookup made while the desk is locked', () => {
  it('keeps no looked-up text: the unlock form says to look it up again; an inquiry id waits for the unlock', async () => {
    // What an earlier test typed in the search box is a draft the lock seals and the unlock gives
    // back: gone first, so the search box after the unlock shows only what this lookup left.
    await (await ext.serviceWorker()).evaluate(() => chrome.storage.session.remove('draft'));
    const options = await ext.openOptions();
    const send = (message: Record<string, unknown>) =>
      options.evaluate((m) => chrome.runtime.sendMessage(m), message);
    expect((await send({ type: 'setPassphrase', passphrase: 'correct horse battery' })).ok).toBe(
      true,
    );
    expect((await send({ type: 'lock' })).ok).toBe(true);
    const customer = 'Jane Lockedout';
    await callDesk('handleMenuClick', {
      menuItemId: 'inquiry-desk-lookup',
      selectionText: customer,
    });
    const route = await panelRoute();
    expect(route).toEqual({ at: expect.any(Number) });
    expect(JSON.stringify(route)).not.toContain('Lockedout');
    const panel = await openSidePanel();
    const notice = panel.getByTestId('lookup-dropped');
    await expect
      .poll(() => notice.textContent(), settled)
      .toBe(
        'What you looked up was not kept while Inquiry Desk was locked: look it up again once it is unlocked.',
      );
    // Read with the field the form asks for, and as news from inside a status region.
    const field = panel.getByLabel('Passphrase', { exact: true });
    expect(await field.getAttribute('aria-describedby')).toBe('lookup-dropped');
    expect(await notice.evaluate((p) => p.parentElement?.getAttribute('role'))).toBe('status');
    // The options page's unlock form is no place a lookup opens: it says nothing of one.
    const optionsForm = options.getByTestId('unlock-form');
    await options.reload();
    await expect.poll(() => optionsForm.count(), settled).toBe(1);
    expect(await options.getByTestId('lookup-dropped').count()).toBe(0);
    await field.fill('correct horse battery');
    await panel.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => panel.getByTestId('unlock-form').count(), settled).toBe(0);
    // Unlocked: the desk's home, nothing searched, and the text is nowhere in the session.
    await expect.poll(() => panel.getByRole('searchbox').first().inputValue(), settled).toBe('');
    const session = await (await ext.serviceWorker()).evaluate(() =>
      chrome.storage.session.get(null),
    );
    expect(JSON.stringify(session)).not.toContain('Lockedout');
    await panel.close();
    // The kyc keyword's text, the same; an inquiry id is no personal data: looked up while
    // locked, it opens once unlocked.
    expect((await send({ type: 'lock' })).ok).toBe(true);
    await callDesk('enterLookup', 'Jane Typedout');
    expect(await panelRoute()).toEqual({ at: expect.any(Number) });
    await callDesk('enterLookup', inquiryId);
    expect(await panelRoute()).toMatchObject({ inquiry: inquiryId });
    const again = await openSidePanel();
    await expect.poll(() => again.getByTestId('unlock-form').count(), settled).toBe(1);
    expect(await again.getByTestId('lookup-dropped').count()).toBe(0);
    await again.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
    await again.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => again.getByText(inquiryId).count(), settled).toBeGreaterThan(0);
    await again.close();
    await options.close();
  }, 60_000);
});

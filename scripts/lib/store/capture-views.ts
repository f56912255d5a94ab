// Drives the built extension in Chromium against the local sandbox (demo data, a sandbox key) to the
// four views the store shows: the create form, the created inquiry with its one-time link, the
// result detail, and the side panel with the watchlist. Each is captured at twice its CSS size so
// the enlarged copy in the 1280×800 frame stays sharp.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { sandboxControls } from '../../../test/persona-sandbox/controls.ts';
import { SEED_TEMPLATE_ID } from '../../../test/persona-sandbox/core/seed.ts';
import { startSandbox } from '../../../test/persona-sandbox/index.ts';
import { connectToSandbox, waitForWatchlist, watchNewest } from '../connect-demo.ts';
import { type LaunchedExtension, launchExtension } from '../launch-extension.ts';
import type { Size } from './store-pages.ts';

export type ViewName = 'create' | 'created' | 'detail' | 'side-panel';

export interface CapturedView {
  png: Buffer;
  view: Size;
}

/** Chrome's popup is at most 800×600; the desk is laid out for 400 wide (as in test/e2e). */
export const POPUP_VIEW: Size = { width: 400, height: 600 };
/** A side panel is as tall as the window: the frame's height less its margins and label. */
export const SIDE_PANEL_VIEW: Size = { width: 400, height: 690 };
const CAPTURE_SCALE = 2;
const DEMO_INQUIRIES = 12;
const WATCHED = 8;
/** Requests go page → worker → sandbox; a busy machine needs more than a second. */
const SOON = 20_000;

/** Made-up demo values: the sandbox's hosted flow and reports hold no real person either. */
const DEMO_FORM = {
  'Reference ID': 'customer-1042',
  'First name': 'Jane',
  'Last name': 'Sample',
  Email: 'jane.sample@example.com',
};

/** The page at `scale` device pixels per CSS pixel (DevTools' clip scale re-renders, not resizes). */
async function capture(page: Page, view: Size): Promise<CapturedView> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    return document.fonts.ready.then(() => undefined);
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { data } = (await cdp.send('Page.captureScreenshot', {
      format: 'png',
      clip: { x: 0, y: 0, ...view, scale: CAPTURE_SCALE },
    })) as { data: string };
    return { png: Buffer.from(data, 'base64'), view };
  } finally {
    await cdp.detach();
  }
}

async function step<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Store screenshots: could not ${what} (${reason}).`);
  }
}

async function openView(ext: LaunchedExtension, path: string, view: Size): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(view);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(ext.extensionUrl(path));
  return page;
}

export async function captureViews(options: {
  chromiumPath: string;
  extensionDir: string;
}): Promise<Record<ViewName, CapturedView>> {
  const key = `persona_sandbox_${randomUUID()}`;
  const sandbox = await startSandbox({ port: 0, keys: [key], seed: DEMO_INQUIRIES });
  let ext: LaunchedExtension | undefined;
  try {
    ext = await launchExtension({ ...options, headless: true });
    const worker = await ext.serviceWorker();
    await step('connect to the sandbox', () => connectToSandbox(worker, sandbox, SEED_TEMPLATE_ID));
    const watched = await step('watch the demo inquiries', () => watchNewest(worker, WATCHED));

    const popup = await openView(ext, 'src/popup/index.html', POPUP_VIEW);
    await step('open the create form', async () => {
      await waitForWatchlist(popup, watched.length, SOON);
      await popup.getByRole('button', { name: 'New inquiry' }).click({ timeout: SOON });
      const template = popup.getByRole('textbox', { name: 'Inquiry template ID' });
      await template.waitFor({ timeout: SOON });
      for (const [name, value] of Object.entries(DEMO_FORM)) {
        await popup.getByRole('textbox', { name, exact: true }).fill(value);
      }
    });
    const create = await capture(popup, POPUP_VIEW);

    const id = await step('create the inquiry', async () => {
      await popup.getByRole('button', { name: 'Create', exact: true }).click();
      await popup.getByTestId('one-time-link').waitFor({ timeout: SOON });
      return (await popup.getByTestId('inquiry-id').textContent()) ?? '';
    });
    const created = await capture(popup, POPUP_VIEW);

    await step('show the finished inquiry', async () => {
      await sandboxControls(sandbox.origin).finish(id, 'passed');
      await popup.getByRole('button', { name: 'View details' }).click({ timeout: SOON });
      await popup.getByRole('button', { name: 'Refresh', exact: true }).click({ timeout: SOON });
      await popup.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: SOON });
      await waitForImages(popup);
    });
    const detail = await capture(popup, POPUP_VIEW);
    await popup.close();

    const panel = await openView(ext, 'src/side-panel/index.html', SIDE_PANEL_VIEW);
    await step('show the watchlist in the side panel', async () => {
      const shown = await waitForWatchlist(panel, watched.length, SOON);
      if (shown === 0) throw new Error('the watchlist stayed empty');
    });
    const sidePanel = await capture(panel, SIDE_PANEL_VIEW);
    return { create, created, detail, 'side-panel': sidePanel };
  } finally {
    await ext?.close();
    await sandbox.close();
  }
}

/** Every image in the page loaded (the detail's photos come from signed URLs when shown). */
async function waitForImages(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.images].every((image) => image.complete),
    undefined,
    { timeout: SOON },
  );
}

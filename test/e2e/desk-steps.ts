// The steps the create and decide files share: an inquiry made, opened, confirmed or declined as a
// reviewer would, and Persona read directly to check what the desk did. Each file calls
// `deskSteps` at its top level, so the helpers talk to that file's own sandbox (sandbox.ts) and
// browser: files share their modules within a worker (vitest.e2e.config.ts), not their state.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type SandboxControls, sandboxControls } from '../persona-sandbox/controls.ts';
import { connectToSandbox } from './configure.ts';
import { type ExtensionHarness, launchExtension } from './harness.ts';
import { sandbox } from './sandbox.ts';
import { storedDecision } from './stored-draft.ts';

export const template = 'itmpl_E2eTemplate01';
export const soon = { timeout: 20_000 };

/**
 * The shared steps, bound to the calling file's sandbox and to a browser of its own: launched
 * before the file's first test (`launched` hands it to the file), connected to the sandbox with
 * its faults cleared before each test, and closed after the last.
 */
export function deskSteps(launched: (ext: ExtensionHarness) => void) {
  const controls = sandboxControls(sandbox().origin);
  const { baseUrl, key } = sandbox();
  let ext: ExtensionHarness | undefined;
  const harness = () => {
    if (!ext) throw new Error('no browser yet: the steps run in tests, after beforeAll');
    return ext;
  };
  beforeAll(async () => {
    ext = await launchExtension();
    launched(ext);
  });
  afterAll(async () => {
    await controls.clearFaults();
    await ext?.close();
  });
  beforeEach(async () => {
    await controls.clearFaults();
    await connectToSandbox(harness());
  });

  async function persona(path: string, init: RequestInit = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    });
    return (await response.json()) as {
      data:
        | { id: string; attributes: { status: string; 'reference-id'?: string } }
        | Array<{ id: string }>;
    };
  }

  async function inquiriesFor(referenceId: string): Promise<string[]> {
    const { data } = await persona(`/inquiries?filter[reference-id]=${referenceId}`);
    return (data as Array<{ id: string }>).map((i) => i.id);
  }

  async function createsSince(seq: number) {
    return (await controls.requests(seq)).requests.filter((r) => r.route === 'POST /inquiries');
  }

  async function watchlistIds(): Promise<string[]> {
    const worker = await harness().serviceWorker();
    const { watchlist } = (await worker.evaluate(() => chrome.storage.local.get('watchlist'))) as {
      watchlist?: Array<{ id: string }>;
    };
    return (watchlist ?? []).map((e) => e.id);
  }

  /** An inquiry made through the background's own `createInquiry`, as a page asks for one. */
  async function createThroughBackground(prefix: string): Promise<string> {
    const page = await harness().openOptions();
    // Runs in the page: what it needs goes in as the argument.
    const answer = await page.evaluate(
      ({ templateId, referenceId }) =>
        chrome.runtime.sendMessage({
          type: 'createInquiry',
          idempotencyKey: crypto.randomUUID(),
          templateId,
          referenceId,
        }),
      { templateId: template, referenceId: `${prefix}-${Date.now()}` },
    );
    await page.close();
    return answer.data.inquiry.id as string;
  }

  /** Whether the draft's confirmation on inquiry `id` says its decision went (its `sentAt`). */
  async function decisionSent(page: Page, id: string): Promise<boolean> {
    return (await storedDecision(page, id))?.sentAt !== undefined;
  }

  /** The comment the draft holds for `id`'s confirmation: what the next popup would open with. */
  async function storedComment(id: string): Promise<string | undefined> {
    const worker = await harness().serviceWorker();
    return worker.evaluate(
      async (inquiry) =>
        (
          (await chrome.storage.session.get('draft')).draft as {
            decisions?: { inquiryId: string; comment: string }[];
          }
        )?.decisions?.find((d) => d.inquiryId === inquiry)?.comment,
      id,
    );
  }

  /**
   * A new inquiry, made through the background, opened in a popup once it shows its status:
   * `finished` passed first (completed), else as made (created).
   */
  /**
   * A new inquiry open in a popup: as created, finished as passed (`true`, completed), or left
   * in review (`'needs_review'`).
   */
  async function openNew(
    prefix: string,
    finished: boolean | 'needs_review' = false,
  ): Promise<{ id: string; popup: Page }> {
    const id = await createThroughBackground(prefix);
    if (finished) await controls.finish(id, finished === true ? 'passed' : finished);
    const popup = await harness().openPopup(`?inquiry=${id}`);
    const status = finished === true ? 'completed' : finished || 'created';
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe(status);
    return { id, popup };
  }

  /**
   * How far `part` reaches past the popup's view (main.content), above it and below it, in px: 0 or
   * less where it is inside.
   */
  async function pastView(popup: Page, part: Locator): Promise<{ above: number; below: number }> {
    const [shown, view] = [
      await part.boundingBox(),
      await popup.locator('main.content').boundingBox(),
    ];
    if (!shown || !view) throw new Error('no box for the part or the view');
    return { above: view.y - shown.y, below: shown.y + shown.height - (view.y + view.height) };
  }

  /** Closes a popup left on Needs review, the draft set back to Home's first tab, where the next
   * tests open the popup. */
  async function closeOnWatchlist(popup: Page): Promise<void> {
    await popup.evaluate(async () => {
      const { draft } = (await chrome.storage.session.get('draft')) as { draft: object };
      await chrome.storage.session.set({ draft: { ...draft, homeTab: 'watchlist' } });
    });
    await popup.close();
  }

  /**
   * Declines the Needs review row `from` picks of the ids listed (two or more), and goes on with
   * Next to review, which takes the focus, by Enter; resolves once the next detail's title names
   * the id `to` picks.
   */
  async function declineAndGoNext(
    popup: Page,
    pick: (ids: string[]) => { from: string; to: string },
  ): Promise<void> {
    await popup.getByRole('tab', { name: 'Needs review' }).click();
    const list = popup.getByRole('list', { name: 'Inquiries needing review' });
    await expect.poll(() => list.locator('.inquiry-id').count(), soon).toBeGreaterThan(1);
    const { from, to } = pick(await list.locator('.inquiry-id').allTextContents());
    await list.getByRole('button', { name: new RegExp(from) }).click();
    await popup.getByRole('button', { name: 'Decline', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Comment' }).press('Control+Enter');
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('declined');
    const focused = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused, soon).toMatch(/^Next to review: /);
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).first().textContent(), soon)
      .toContain(to);
  }

  /**
   * A new inquiry (finished as passed first, when `finished`), open in a popup with `action`'s
   * confirmation and `comment` typed in it.
   */
  async function confirmationOpen(
    prefix: string,
    action: 'Approve' | 'Decline',
    comment: string,
    finished = false,
  ): Promise<{ id: string; popup: Page }> {
    const { id, popup } = await openNew(prefix, finished);
    await popup.getByRole('button', { name: action, exact: true }).click();
    await popup.getByRole('textbox', { name: 'Comment' }).fill(comment);
    return { id, popup };
  }

  /**
   * Declines the inquiry open in `popup` with a comment, and goes back with Escape once the
   * decline is sent. The decline is held (14 s at most: the client gives up at 15 s) until the
   * caller lets it go, with `clearFaults()`, or `releaseSlowed()` to keep an `errorNext` for it,
   * once it has seen what the decline on its way looks like: a hold let go by time could end
   * before that on a busy machine.
   */
  async function declineSlowlyAndGoBack(
    popup: Page,
    faults: Parameters<SandboxControls['setFaults']>[0] = {},
  ): Promise<void> {
    await popup.getByRole('button', { name: 'Decline', exact: true }).click();
    await controls.setFaults({
      latencyMs: 14_000,
      latencyRoute: 'POST /inquiries/:id/decline',
      ...faults,
    });
    const field = popup.getByRole('textbox', { name: 'Comment' });
    await field.fill('Not the person in the chat');
    await field.press('Control+Enter');
    await expect.poll(() => field.getAttribute('readonly'), soon).not.toBeNull();
    await popup.keyboard.press('Escape');
  }

  /** The reference ID Persona has for inquiry `id`. */
  async function referenceOf(id: string): Promise<string> {
    const { data } = await persona(`/inquiries/${id}`);
    const reference = (data as { attributes: { 'reference-id'?: string } }).attributes[
      'reference-id'
    ];
    if (!reference) throw new Error(`${id} has no reference`);
    return reference;
  }

  /**
   * An inquiry come to review outside the desk (seeded, not watched), found by its reference ID in
   * the popup and opened from the results; `row` is its row there.
   */
  async function openFromSearch(prefix: string) {
    const [id] = await controls.seed(1, { statuses: ['needs_review'], referenceIdPrefix: prefix });
    if (!id) throw new Error('nothing seeded');
    const reference = await referenceOf(id);
    const popup = await harness().openPopup();
    const box = popup.getByRole('searchbox', { name: 'Find inquiry' });
    await box.fill(reference);
    await box.press('Enter');
    const row = popup
      .getByRole('list', { name: 'Matching inquiries' })
      .getByRole('button', { name: new RegExp(id) });
    await row.click();
    return { id, reference, popup, row };
  }

  /**
   * An inquiry come to review outside the desk (seeded, not watched), listed in the popup's Needs
   * review; `row` is its row there, not opened yet.
   */
  async function listedInNeedsReview(prefix: string) {
    const [id] = await controls.seed(1, { statuses: ['needs_review'], referenceIdPrefix: prefix });
    if (!id) throw new Error('nothing seeded');
    const popup = await harness().openPopup();
    await popup.getByRole('tab', { name: 'Needs review' }).click();
    const row = popup.getByRole('button', { name: new RegExp(id) });
    await expect.poll(() => row.count(), soon).toBe(1);
    return { id, popup, row };
  }

  async function openCreate(referenceId: string): Promise<Page> {
    const popup = await harness().openPopup('?view=create');
    await popup.setViewportSize({ width: 400, height: 600 });
    const templateBox = popup.getByRole('textbox', { name: 'Inquiry template ID' });
    await expect.poll(() => templateBox.inputValue(), soon).toBe(template);
    await popup.getByRole('textbox', { name: 'Reference ID' }).fill(referenceId);
    return popup;
  }

  return {
    controls,
    persona,
    inquiriesFor,
    createsSince,
    watchlistIds,
    createThroughBackground,
    decisionSent,
    storedComment,
    openNew,
    pastView,
    closeOnWatchlist,
    declineAndGoNext,
    confirmationOpen,
    declineSlowlyAndGoBack,
    referenceOf,
    openFromSearch,
    listedInNeedsReview,
    openCreate,
  };
}

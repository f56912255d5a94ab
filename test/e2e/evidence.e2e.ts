// Deciding from the desk, end to end: the built extension in Chromium against the sandbox. An
// inquiry finished as needs review → its detail (one request) → photos, device and network, a
// report's matches, earlier inquiries, activity after Approve, the PDF; request counts come from
// the sandbox's request log.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToSandbox } from '../../scripts/lib/connect-demo.ts';
import { type LoggedRequest, sandboxControls } from '../persona-sandbox/controls.ts';
import { type ExtensionHarness, launchExtension } from './harness.ts';
import { expectAccessible, screenshotBoth, screenshotDir } from './page-checks.ts';
import { sandbox } from './sandbox.ts';

const controls = sandboxControls(sandbox().origin);
/** The rows of an image where anything is drawn: pixels unlike its top-left one, the background. */
function inkedRows(image: ReturnType<typeof decode>): number[] {
  const { width, height, data, channels } = image;
  const at = (x: number, y: number, c: number) => Number(data[(y * width + x) * channels + c]);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const diff = [0, 1, 2].reduce((sum, c) => sum + Math.abs(at(x, y, c) - at(0, 0, c)), 0);
      if (diff > 96) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

const soon = { timeout: 15_000 };
const PHOTOS = [
  'Government ID front',
  'Government ID back',
  'Selfie center',
  'Selfie left',
  'Selfie right',
];

let ext: ExtensionHarness;
/** Oldest first: declined, approved, then the one needing review; all on one account. */
let ids: string[] = [];
let reviewId = '';
/** What the extension's content security policy refused on any page of this file's tests. */
const refusals: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  ext = await launchExtension();
  ext.context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refusals.push(message.text());
  });
  await connectToSandbox(
    await ext.serviceWorker(),
    { baseUrl: sandbox().baseUrl, key: sandbox().key },
    'itmpl_E2eEvidence01',
  );
  ids = await controls.seed(3, {
    statuses: ['declined', 'approved', 'needs_review'],
    network: 'vpn',
    accountReferenceId: `evidence-${Date.now()}`,
    referenceIdPrefix: `evidence-${Date.now()}-`,
  });
  reviewId = ids[2] as string;
});
afterAll(async () => {
  await ext?.close();
});

async function logSince(seq: number): Promise<LoggedRequest[]> {
  return (await controls.requests(seq)).requests;
}

/** An inquiry made through Persona's API with these attributes besides its template; its id. */
async function createWith(attributes: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${sandbox().baseUrl}/inquiries`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox().key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      data: { attributes: { 'inquiry-template-id': 'itmpl_E2eEvidence01', ...attributes } },
    }),
  });
  return ((await response.json()) as { data: { id: string } }).data.id;
}

async function openDesk(path: string, width: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height: 700 });
  await page.goto(ext.extensionUrl(path));
  return page;
}

/** A side panel `width` px wide on Needs review, once it lists `count` new inquiries to review. */
async function reviewQueueInPanel(
  count: number,
  width: number,
  referenceIdPrefix?: string,
): Promise<Page> {
  await controls.seed(count, {
    statuses: ['needs_review'],
    ...(referenceIdPrefix ? { referenceIdPrefix } : {}),
  });
  const panel = await openDesk('src/side-panel/index.html', width);
  await panel.getByRole('tab', { name: 'Needs review' }).click();
  await expect
    .poll(() => panel.locator('.inquiry-row').count(), soon)
    .toBeGreaterThanOrEqual(count);
  return panel;
}

/** Every image decoded, from a blob: URL; returns their alt texts. */
async function decodedPhotos(region: Locator): Promise<string[]> {
  return region
    .locator('img')
    .evaluateAll((images) =>
      (images as HTMLImageElement[])
        .filter((img) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'))
        .map((img) => img.alt),
    );
}

describe('the evidence behind a verdict', () => {
  it('popup: Find → detail in one request, photos, network, report matches, earlier inquiries', async () => {
    const popup = await openDesk('src/popup/index.html', 400);
    const search = popup.getByRole('searchbox', { name: 'Find inquiry' });
    await search.fill(reviewId);
    const { lastSeq } = await controls.requests();
    await search.press('Enter');
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('needs_review');

    // Other inquiries: one request, once the detail has its copy; each opens its own detail.
    const earlier = popup.getByRole('region', { name: 'Other inquiries' });
    await expect.poll(() => earlier.getByRole('button').count(), soon).toBe(2);
    expect(await earlier.textContent()).toContain(ids[0]);
    expect(await earlier.textContent()).toContain(ids[1]);
    // The same account's declined inquiry heads the detail too, and leads there.
    const declinedLine = popup
      .getByTestId('attention')
      .getByRole('button', { name: 'Other inquiries: 1 declined' });
    await expect.poll(() => declinedLine.count(), soon).toBe(1);
    await declinedLine.click();
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('earlier-heading');
    const opened = await logSince(lastSeq);
    expect(opened.filter((r) => r.path.endsWith(`/inquiries/${reviewId}`))).toHaveLength(1);
    expect(opened.find((r) => r.path.endsWith(`/inquiries/${reviewId}`))?.query.include).toBe(
      'verifications,reports,sessions',
    );
    expect(opened.filter((r) => r.query['filter[account-id]'] !== undefined)).toHaveLength(1);
    expect(opened.filter((r) => r.route.startsWith('GET /files/'))).toHaveLength(0);

    // A verification passed beside a check that failed says why; one that failed does not.
    const cards = await popup.locator('section.verification').evaluateAll((sections) =>
      sections.map((section) => ({
        passed: section.querySelector('h4 .result')?.textContent?.includes('passed') ?? false,
        failedCheck: section.querySelector('.check-row.tone-danger') !== null,
        note: section.textContent?.includes('the template does not require what failed') ?? false,
      })),
    );
    const mixed = cards.filter((card) => card.passed && card.failedCheck);
    expect(mixed.length).toBeGreaterThan(0);
    expect(mixed.every((card) => card.note)).toBe(true);
    expect(cards.filter((card) => !card.passed).some((card) => card.note)).toBe(false);

    // Device and network warns of the seeded VPN session.
    const network = popup.getByRole('region', { name: 'Device and network' });
    expect(await network.getByRole('note').textContent()).toContain('VPN');
    expect(await network.textContent()).toContain('Netherlands');

    // Show photos: logged, one request per image, every image decoded from an object URL.
    const photos = popup.getByRole('region', { name: 'Photos' });
    expect(await photos.locator('img').count()).toBe(0);
    const beforePhotos = (await controls.requests()).lastSeq;
    await popup.getByRole('button', { name: 'Show photos' }).click();
    await expect.poll(() => decodedPhotos(photos), soon).toHaveLength(PHOTOS.length);
    expect((await decodedPhotos(photos)).sort()).toEqual([...PHOTOS].sort());
    const photoRequests = await logSince(beforePhotos);
    expect(photoRequests.map((r) => r.route)).toEqual(
      PHOTOS.map(() => 'GET /files/:verificationId/:file'),
    );
    // Showing photos goes into the audit trail (the newest entry is the last).
    const worker = await ext.serviceWorker();
    const lastAudit = () =>
      worker.evaluate(async () =>
        (
          (await chrome.storage.local.get('auditTrail')).auditTrail as { entries: unknown[] }
        )?.entries.at(-1),
      );
    await expect
      .poll(lastAudit, soon)
      .toMatchObject({ inquiryId: reviewId, action: 'photosShown', outcome: 'ok' });

    // Any photo opens larger, by keyboard and by mouse.
    const enlarge = popup.getByRole('button', { name: 'Enlarge Government ID front' });
    await enlarge.focus();
    await popup.keyboard.press('Enter');
    const dialog = popup.getByRole('dialog', { name: 'Government ID front' });
    await expect.poll(() => dialog.isVisible(), soon).toBe(true);
    // Larger than the photo in the page, as "Enlarge" says.
    const inline = await photos.locator('img').first().boundingBox();
    const large = await dialog.locator('img').boundingBox();
    expect(large?.width ?? 0).toBeGreaterThan(inline?.width ?? Number.POSITIVE_INFINITY);
    await popup.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), soon).toBe(false);
    await popup.getByRole('button', { name: 'Enlarge Selfie center' }).click();
    const selfie = popup.getByRole('dialog', { name: 'Selfie center' });
    await expect.poll(() => selfie.isVisible(), soon).toBe(true);
    // Its name is on screen too, not only heard: the three selfie poses look alike enlarged.
    expect(await selfie.getByRole('heading', { name: 'Selfie center' }).isVisible()).toBe(true);
    await expectAccessible(popup, 'an enlarged photo');
    await selfie.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => selfie.isVisible(), soon).toBe(false);

    await popup.getByRole('heading', { name: 'Photos' }).scrollIntoViewIfNeeded();
    await screenshotBoth(popup, 'popup-evidence-photos');
    await expectAccessible(popup, 'evidence in the popup');

    // Hide photos takes them out of the page again, and the focus back to Show photos.
    await popup.getByRole('button', { name: 'Hide photos' }).click();
    await expect.poll(() => photos.locator('img').count(), soon).toBe(0);
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.textContent), soon)
      .toBe('Show photos');

    // A report lists its matches when opened: one request.
    const reports = popup.getByRole('region', { name: 'Reports' });
    const beforeReport = (await controls.requests()).lastSeq;
    await reports.getByText('Watchlist screening').click();
    await expect.poll(() => reports.locator('.match').count(), soon).toBeGreaterThan(0);
    // The list by its name, and its kind in words, not Persona's machine word.
    const match = await reports.locator('.match').first().textContent();
    expect(match).toContain('Sanctions List');
    expect(match).toContain('(sanctions)');
    expect(match).not.toContain('(sanction)');
    expect((await logSince(beforeReport)).map((r) => r.route)).toEqual(['GET /reports/:id']);
    // The drawn triangle is decoration: a screen reader hears the report, not "▾".
    const summary = await reports.locator('summary').first().ariaSnapshot();
    expect(summary).toContain('Watchlist screening');
    expect(summary).not.toMatch(/[▸▾]/);
    await network.scrollIntoViewIfNeeded();
    await screenshotBoth(popup, 'popup-evidence-network');
    await expectAccessible(popup, 'network and reports in the popup');

    // An earlier inquiry opens its own detail.
    await earlier.getByRole('button', { name: new RegExp(ids[1] as string) }).click();
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('approved');
    await popup.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('needs_review');
    // Back comes to the row it left from, under Other inquiries, focused and in view, not to
    // the top of the inquiry with its photos, checks and fields to pass again.
    const focusedRow = () =>
      popup.evaluate(() => {
        const row = document.activeElement as HTMLElement;
        const box = row.getBoundingClientRect();
        return {
          text: row.textContent,
          section: row.closest('section')?.getAttribute('aria-labelledby'),
          inView: box.top >= 0 && box.bottom <= window.innerHeight,
        };
      });
    await expect.poll(focusedRow, soon).toEqual({
      text: expect.stringContaining(ids[1] as string),
      section: 'earlier-heading',
      inView: true,
    });
    // Escape goes back as well (above, in the enlarged photo, it closed only the photo): from
    // the detail to the search box it was found from.
    await popup.locator('#detail-status').focus();
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByTestId('status').count(), soon).toBe(0);
    expect(await search.isVisible()).toBe(true);
    await popup.close();
  });

  it("popup: an inquiry's detail scrolls in its view, not the page; zoomed, the view is the one scroll area and its end is reached", async () => {
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(ext.extensionUrl(`src/popup/index.html?inquiry=${reviewId}`));
    await expect.poll(() => popup.locator('.verification').count(), soon).toBeGreaterThan(0);
    // The page is the popup's 600 px: a wheel past the view's end has nothing more to scroll,
    // where the screen-reader-only words once made it 1,200 px of mostly empty page.
    expect(await popup.evaluate(() => document.scrollingElement?.scrollHeight)).toBe(600);
    // A popup zoomed to 200 % holds 300 of the page's 600 CSS px. The desk keeps to the window:
    // the top bar (Back), the whole view and the footer are in it, and only the view scrolls. When
    // the page scrolled as well, two scrollbars showed, the view's lower half was below the window,
    // PageDown skipped what was never on screen and End left Save PDF out of sight.
    await popup.setViewportSize({ width: 400, height: 300 });
    const box = (selector: string) =>
      popup.evaluate((s) => {
        const rect = document.querySelector(s)?.getBoundingClientRect();
        return rect && { top: rect.top, bottom: rect.bottom };
      }, selector);
    await expect.poll(async () => (await box('footer'))?.bottom, soon).toBeLessThanOrEqual(300);
    expect((await box('.topbar .back'))?.top).toBeGreaterThanOrEqual(0);
    expect((await box('.content'))?.bottom).toBeLessThanOrEqual((await box('footer'))?.top ?? 0);
    // End, from the first of the detail's buttons, shows the view's last control, whole, above
    // the footer. The sections below the cards load after them and lengthen the view, and End's
    // scroll takes a moment: End is pressed again until the button is in.
    const savePdf = popup.getByRole('button', { name: 'Save PDF' });
    await savePdf.waitFor({ state: 'attached', ...soon });
    await popup.locator('.content button').first().focus();
    const footerTop = (await box('footer'))?.top ?? 0;
    await expect
      .poll(async () => {
        await popup.keyboard.press('End');
        const pdf = await savePdf.boundingBox();
        return (pdf?.y ?? 999) + (pdf?.height ?? 0);
      }, soon)
      .toBeLessThanOrEqual(footerTop);
    // A wheel anywhere moves the view, never the page.
    await popup.mouse.move(200, 150);
    // Wheeled again until it is up: End's own scroll may still be under way on a busy machine.
    await expect
      .poll(async () => {
        await popup.mouse.wheel(0, -2000);
        return popup.locator('.content').evaluate((c) => c.scrollTop);
      }, soon)
      .toBe(0);
    await popup.mouse.wheel(0, 400);
    await expect
      .poll(() => popup.locator('.content').evaluate((c) => c.scrollTop), soon)
      .toBeGreaterThan(0);
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);
    // 300 %: 800 × 600 device pixels hold 266 × 200 of the page's 400 × 600. The desk takes the
    // window's width too, as a narrow side panel would, instead of losing its right third.
    await popup.setViewportSize({ width: 266, height: 200 });
    await expect
      .poll(() => popup.locator('.shell').evaluate((shell) => shell.getBoundingClientRect().right))
      .toBeLessThanOrEqual(266);
    const view = await popup.locator('.content').evaluate((content) => ({
      height: content.clientHeight,
      sideways: content.scrollWidth - content.clientWidth,
      footer: document.querySelector('footer')?.getBoundingClientRect().bottom ?? 999,
    }));
    expect(view.height).toBeGreaterThan(60);
    expect(view.sideways).toBeLessThanOrEqual(0);
    expect(view.footer).toBeLessThanOrEqual(200);
    await popup.close();
  });

  it('popup: a failed inquiry names what failed above its cards, and each name leads to its card', async () => {
    const [failedId] = await controls.seed(1, { statuses: ['failed'] });
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(ext.extensionUrl(`src/popup/index.html?inquiry=${failedId}`));
    const attention = popup.getByTestId('attention');
    await expect.poll(() => attention.count(), soon).toBe(1);
    const cards = await popup.locator('.verification').count();
    const named = attention.getByRole('button');
    expect(await named.count()).toBeGreaterThan(0);
    // A name that wraps (German, Spanish, a narrow panel) starts at its bullet, not centred.
    expect(await named.first().evaluate((button) => getComputedStyle(button).textAlign)).toBe(
      'start',
    );
    // Every card Persona's answer has failed, or holding a failed check, is named, and no other:
    // counted from the sandbox's own answer, not from the page.
    const { included } = (await (
      await fetch(`${sandbox().baseUrl}/inquiries/${failedId}?include=verifications`, {
        headers: { Authorization: `Bearer ${sandbox().key}` },
      })
    ).json()) as {
      included: { type: string; attributes: { status: string; checks?: { status: string }[] } }[];
    };
    const failing = included.filter(
      ({ type, attributes: a }) =>
        type.startsWith('verification/') &&
        [a.status, ...(a.checks ?? []).map((c) => c.status)].some((s) =>
          ['failed', 'tentatively_failed'].includes(s),
        ),
    );
    expect(failing.length).toBeGreaterThan(0);
    const cardNames = await popup.locator('.verification .card-head .grow').allTextContents();
    expect(cardNames).toHaveLength(cards);
    const toCards = (await named.allTextContents()).filter((text) =>
      cardNames.includes(text.split(':')[0] ?? ''),
    );
    expect(toCards).toHaveLength(failing.length);
    expect(await attention.locator('.attention-intro').textContent()).toBe(
      `Needs a look (${await attention.locator('li').count()}):`,
    );
    // A heading, next after the inquiry's title, so a screen reader going by headings finds it
    // before Photos; the list is not named a second time (UX review s72 L4).
    const headings = await popup.getByRole('heading').allTextContents();
    const title = headings.findIndex((text) => text.includes(failedId as string));
    expect(headings[title + 1]).toMatch(/^Needs a look \(\d+\):$/);
    expect(await attention.getByRole('list').getAttribute('aria-labelledby')).toBeNull();
    await attention.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: join(screenshotDir, 'popup-failed-attention.png') });
    // Wrapped (as in German or Spanish in the side panel), a name's bullet is on its first line:
    // beside its last, the second line read as an entry of its own.
    // Narrowed here, so English wraps too.
    await attention.evaluate((element) => {
      (element as HTMLElement).style.maxWidth = '140px';
    });
    const item = attention.locator('li').first();
    await item.scrollIntoViewIfNeeded();
    const line = await item.evaluate((li) => {
      const probe = document.createElement('span');
      probe.textContent = 'x';
      li.append(probe);
      const height = probe.getBoundingClientRect().height;
      probe.remove();
      return height;
    });
    const box = await item.boundingBox();
    if (!box) throw new Error('no box for the first name');
    expect(box.height).toBeGreaterThan(line * 1.5);
    // The bullet is drawn left of the item, in the list's padding: where its ink is.
    const gutter = decode(
      await popup.screenshot({ clip: { x: box.x - 14, y: box.y, width: 12, height: box.height } }),
    );
    const inkRows = inkedRows(gutter);
    expect(inkRows.length).toBeGreaterThan(0);
    expect(Math.max(...inkRows)).toBeLessThan(line);
    await attention.evaluate((element) => {
      (element as HTMLElement).style.maxWidth = '';
    });
    // The last one named: its card scrolled into the view, its heading focused.
    const last = named.last();
    const label = ((await last.textContent()) ?? '').split(':')[0] ?? '';
    await last.click();
    const focused = await popup.evaluate(() => {
      const heading = document.activeElement as HTMLElement;
      const view = document.querySelector('.content')?.getBoundingClientRect();
      const box = heading.getBoundingClientRect();
      return {
        tag: heading.tagName,
        text: heading.textContent ?? '',
        // Subpixel layout: the card's top meets the view's within a pixel.
        inView: !!view && box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
      };
    });
    expect(focused.tag).toBe('H4');
    expect(focused.text.startsWith(label)).toBe(true);
    expect(focused.inView).toBe(true);
    await popup.screenshot({ path: join(screenshotDir, 'popup-failed-needs-a-look.png') });
    // Zoomed to 200 % (300 of the page's 600 px in the window): a name scrolls the view alone.
    // scrollIntoView scrolled the page as well, and the top bar, Back with it, went out of sight
    // with no scrollbar to bring it back.
    await popup.setViewportSize({ width: 400, height: 300 });
    await popup.locator('.content').evaluate((view) => view.scrollTo(0, 0));
    await named.first().click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName), soon).toBe('H4');
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);
    expect(
      await popup.locator('.topbar').evaluate((bar) => bar.getBoundingClientRect().top),
    ).toBeGreaterThanOrEqual(0);
    await popup.close();
  });

  it('popup: identity numbers in custom fields are masked until Reveal, and a blank field shows a dash', async () => {
    // Custom fields keep the template's own names: each common spelling of an identity number or
    // a date of birth is masked, whatever the template called it.
    const secrets = {
      national_insurance_number: 'QQ123456C',
      passport_no: 'K12345678',
      id_card_number: 'T22000129',
      cpf: '123.456.789-09',
      birthday: '1970-01-01',
      // Written as one word, and under a driver's licence's and a document's short names.
      dateofbirth: '1979-11-05',
      dl_number: 'WDL12345',
      document_id: 'X55443322',
    };
    const id = await createWith({
      'reference-id': `masked-${Date.now()}`,
      fields: { ...secrets, name_first: '', name_last: 'Okafor', loyalty_number: 'L-77' },
    });
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    const fields = popup.getByRole('region', { name: 'Fields' });
    await expect.poll(() => fields.textContent(), soon).toContain('Okafor');
    const text = (await fields.textContent()) ?? '';
    for (const value of [...Object.values(secrets), 'Jan 1, 1970', 'Nov 5, 1979'])
      expect(text).not.toContain(value);
    // Not an identity number: shown as it is. A first name left blank: a dash, not a gap.
    expect(text).toContain('L-77');
    const first = fields.locator('dt', { hasText: 'First name' });
    expect(await first.evaluate((dt) => dt.nextElementSibling?.textContent)).toBe('—');
    for (const label of [
      'National insurance number',
      'Passport no',
      'ID card number',
      'Cpf',
      'Birthday',
      'Dateofbirth',
      'Dl number',
      'Document ID',
    ]) {
      await fields.getByRole('button', { name: `Reveal ${label}`, exact: true }).click();
    }
    await expect.poll(() => fields.textContent(), soon).toContain('QQ123456C');
    const shown = (await fields.textContent()) ?? '';
    const dates = new Set([secrets.birthday, secrets.dateofbirth]);
    const numbers = Object.values(secrets).filter((value) => !dates.has(value));
    for (const value of [...numbers, 'Jan 1, 1970', 'Nov 5, 1979']) {
      expect(shown).toContain(value);
    }
    await popup.close();
  });

  it('popup → options: the activity log names each field a reveal showed, never its value', async () => {
    const id = ids[1] as string;
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    const fields = popup.getByRole('region', { name: 'Fields' });
    const verifications = popup.getByRole('region', { name: 'Verifications' });
    await fields.getByRole('button', { name: 'Reveal Date of birth', exact: true }).click();
    const idCard = verifications.locator('.verification[data-type="verification/government-id"]');
    await idCard.locator('.verification-fields summary').click();
    await idCard.getByRole('button', { name: 'Reveal ID number (Government ID)' }).click();
    await fields.getByRole('button', { name: 'Reveal all' }).click();
    await popup.close();

    const options = await ext.openOptions();
    const rows = options.locator('.log-table tbody tr', { hasText: id });
    await expect.poll(() => rows.count(), soon).toBe(3);
    // Newest first: Reveal all, the ID card's number, the inquiry's date of birth.
    expect(await rows.locator('.log-details').allTextContents()).toEqual([
      'all fields',
      'ID number (Government ID)',
      'Date of birth',
    ]);
    const trail = await options.evaluate(async () => {
      const { auditTrail } = await chrome.storage.local.get('auditTrail');
      return JSON.stringify(auditTrail);
    });
    expect(trail).toContain('"details":["government-id:identification-number"]');
    // The values revealed, as Persona sends them, are nowhere in the log.
    const body = JSON.stringify(
      await (
        await fetch(`${sandbox().baseUrl}/inquiries/${id}?include=verifications`, {
          headers: { Authorization: `Bearer ${sandbox().key}` },
        })
      ).json(),
    );
    const values = [...body.matchAll(/"(?:birthdate|identification-number)":"([^"]+)"/g)].map(
      ([, value]) => value as string,
    );
    expect(values.length).toBeGreaterThanOrEqual(2);
    for (const value of values) expect(trail).not.toContain(value);
    await options.getByRole('button', { name: 'Verify' }).click();
    await expect
      .poll(() => options.getByTestId('verify-result').textContent(), soon)
      .toMatch(/^The chain verifies/);
    await options.close();
  });

  it('popup: an answer with values nobody expected reads as sent, nothing dropped or raw', async () => {
    const [id] = await controls.seed(1, { statuses: ['needs_review'] });
    const sent = await fetch(`${sandbox().baseUrl}/inquiries/${id}?include=verifications`, {
      headers: { Authorization: `Bearer ${sandbox().key}` },
    });
    const refs = (
      (await sent.json()) as {
        data: { relationships: { verifications: { data: { id: string }[] } } };
      }
    ).data.relationships.verifications.data;
    // A status not in Persona's list, an attribute nobody expected; a verification of a type the
    // desk does not know, with no status and a number for a first name; two of a type.
    await controls.override(id as string, {
      attributes: { status: 'on_hold', riskLevel: { score: 7 }, decisionedAt: null },
      verifications: [
        { id: refs[0]?.id as string, attributes: { nameFirst: 42 } },
        {
          id: refs[1]?.id as string,
          type: 'verification/quantum-entanglement',
          attributes: { status: null },
        },
        { id: refs[2]?.id as string, type: 'verification/government-id' },
      ],
    });
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('on_hold');
    const verifications = popup.getByRole('region', { name: 'Verifications' });
    const odd = verifications.getByRole('region', { name: /^Quantum entanglement/ });
    expect(await odd.textContent()).toContain('no status given');
    expect(await odd.locator('.chip').count()).toBe(0);
    // Two government IDs, told apart.
    expect(await verifications.getByRole('region', { name: /^Government ID 1/ }).count()).toBe(1);
    expect(await verifications.getByRole('region', { name: /^Government ID 2/ }).count()).toBe(1);
    const first = verifications.getByRole('region', { name: /^Government ID 1/ });
    await first.getByText(/^Extracted fields/).click();
    expect(
      await first
        .locator('dt', { hasText: 'First name' })
        .evaluate((dt) => dt.nextElementSibling?.textContent),
    ).toContain('42');
    const page = (await popup.locator('body').textContent()) ?? '';
    for (const raw of ['undefined', '[object Object]', '{"', 'null'])
      expect(page).not.toContain(raw);
    // Undecided by the status's own word: actions offered, Persona has the last word.
    expect(await popup.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(1);
    await expectAccessible(popup, 'odd answer');
    await popup.close();
  });

  it('popup and side panel: the desk styles come inline; evidence adds only its own sheet', async () => {
    // scripts/lib/inline-first-screen-css.ts: the desk's sheet is written into the page, with no
    // link left for Chromium's preload scanner to fetch, and off the preload helper's lists, so
    // the evidence view does not load it again after the views' own sheet.
    for (const path of ['src/popup/index.html', 'src/side-panel/index.html']) {
      const page = await openDesk(`${path}?inquiry=${reviewId}`, 400);
      await expect.poll(() => page.getByTestId('status').textContent(), soon).toBe('needs_review');
      await expect.poll(() => page.getByRole('region', { name: 'Activity' }).count(), soon).toBe(1);
      const sheets = await page.evaluate(async () => ({
        inline: document.querySelectorAll('head > style').length,
        links: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
          (link) => ({
            file: new URL(link.href).pathname.replace(/-[\w-]{8}\.css$/, '.css'),
            disabled: link.disabled,
            loaded: link.sheet !== null,
          }),
        ),
        // The page as Chromium's preload scanner reads it, before any script adds a link.
        sheetsInSource: (await (await fetch(location.pathname)).text()).match(
          /<link\b[^>]*\bstylesheet\b[^>]*>/g,
        ),
        topbar: getComputedStyle(document.querySelector('.topbar') as Element).display,
      }));
      expect(sheets.inline, path).toBe(1);
      expect(sheets.topbar, path).toBe('flex');
      expect(sheets.sheetsInSource, path).toBeNull();
      // The views past the first screen bring their own sheet (src/ui/views/views.css).
      expect(sheets.links, path).toEqual([
        { file: '/assets/views.css', disabled: false, loaded: true },
        { file: '/assets/evidence-sections.css', disabled: false, loaded: true },
      ]);
      await page.close();
    }
  });

  it('popup: Activity shows the decision after Approve, with the events; Save PDF', async () => {
    const popup = await openDesk(`src/popup/index.html?inquiry=${reviewId}`, 400);
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('needs_review');
    const activity = popup.getByRole('region', { name: 'Activity' });
    await expect.poll(() => activity.textContent(), soon).toContain('Not decided yet.');
    // Opened before the decision, the events follow it.
    await activity.getByText('Events', { exact: true }).click();
    await expect.poll(() => activity.getByText('inquiry.marked-for-review').count(), soon).toBe(1);
    expect(await activity.getByText('inquiry.approved').count()).toBe(0);
    const beforeEvents = (await controls.requests()).lastSeq;
    await popup.getByRole('button', { name: 'Approve', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Comment' }).fill('ID and selfie match');
    await popup.getByRole('button', { name: 'Confirm approve' }).click();
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('approved');
    await expect.poll(() => activity.textContent(), soon).toContain('ID and selfie match');
    expect(await activity.textContent()).toContain('Approved (approved) on');
    // Persona names no reviewer for a decision made with an API key; the desk's log does.
    const decidedBy = activity.locator('.fact', { hasText: 'Decided by' }).locator('dd');
    await expect
      .poll(() => decidedBy.textContent(), soon)
      .toMatch(
        /^persona_sandbox_…\w{4}, on .+, from Inquiry Desk's activity log \(Persona names no one\)$/,
      );

    await expect.poll(() => activity.getByText('inquiry.approved').count(), soon).toBe(1);
    expect(await activity.getByText('inquiry.marked-for-review').count()).toBe(1);
    // In words, Persona's name beside them.
    expect(
      await activity.locator('.event-row', { hasText: 'inquiry.approved' }).textContent(),
    ).toMatch(/^Approved inquiry\.approved/);
    const routes = (await logSince(beforeEvents)).map((r) => r.route);
    expect(routes.filter((route) => route === 'GET /events')).toHaveLength(1);

    const beforePrint = (await controls.requests()).lastSeq;
    // Said before saving: the print is Persona's, and may hold what the desk masks.
    const savePdf = popup.getByRole('button', { name: 'Save PDF' });
    expect(await savePdf.getAttribute('aria-describedby')).toBe('pdf-hint');
    expect(await popup.locator('#pdf-hint').textContent()).toContain('masks until Reveal');
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Save PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${reviewId}.pdf`);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await logSince(beforePrint)).map((r) => r.route)).toEqual(['GET /inquiries/:id/print']);
    const trail = await (await ext.serviceWorker()).evaluate(
      async () =>
        ((await chrome.storage.local.get('auditTrail')).auditTrail as { entries: unknown[] })
          .entries,
    );
    expect(trail).toContainEqual(
      expect.objectContaining({ inquiryId: reviewId, action: 'savePdf', outcome: 'ok' }),
    );
    await popup.close();
  });

  it('side panel at 360 px: a watchlist match named by one long word wraps, in reach', async () => {
    // The sandbox's watchlist hit names the person as the inquiry's fields have them.
    const word = 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft';
    const id = await createWith({ fields: { name_first: 'Hubert', name_last: `${word}${word}` } });
    await controls.finish(id, 'needs_review');
    const panel = await openDesk(`src/side-panel/index.html?inquiry=${id}`, 360);
    const reports = panel.getByRole('region', { name: 'Reports' });
    await expect.poll(() => reports.getByText('Watchlist screening').count(), soon).toBe(1);
    await reports.getByText('Watchlist screening').click();
    const name = reports.locator('.match strong').first();
    await expect.poll(() => name.textContent(), soon).toContain(word);
    const box = await name.boundingBox();
    const width = await panel.evaluate(() => document.documentElement.clientWidth);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    await panel.close();
  });

  it('popup: an inquiry id cut short in the copy is said to look cut short', async () => {
    const popup = await openDesk('src/popup/index.html', 400);
    const cut = reviewId.slice(0, 14);
    await popup.getByRole('searchbox', { name: 'Find inquiry' }).fill(cut);
    await popup.keyboard.press('Enter');
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.textContent(), soon).toContain(`No inquiry ${cut}`);
    expect(await alert.textContent()).toContain(
      "The ID has 14 characters, and Persona's inquiry IDs have 28 or more",
    );
    await popup.close();
  });

  it('popup: what needs a look heads the detail in its first screen, and the line of the watchlist match opens what matched', async () => {
    const id = await createWith({ fields: { name_first: 'Hubert', name_last: 'Blaine' } });
    await controls.finish(id, 'needs_review');
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(ext.extensionUrl(`src/popup/index.html?inquiry=${id}`));
    const attention = popup.getByTestId('attention');
    const line = attention.getByRole('button', { name: 'Watchlist screening: Match found' });
    await expect.poll(() => line.count(), soon).toBe(1);
    // In sight as the detail opens, with nothing scrolled: the match was two screens down.
    const place = await attention.evaluate((list) => {
      const view = list.closest('.content') as HTMLElement;
      return {
        bottom: list.getBoundingClientRect().bottom,
        viewBottom: view.getBoundingClientRect().bottom,
        scrolled: view.scrollTop,
      };
    });
    expect(place.scrolled).toBe(0);
    expect(place.bottom).toBeLessThanOrEqual(place.viewBottom);
    await popup.screenshot({ path: join(screenshotDir, 'popup-needs-a-look.png') });
    await line.click();
    // The report opens on what matched, its row in view and focused.
    const report = popup.locator('li.report').filter({ hasText: 'Watchlist screening' });
    await expect.poll(() => report.locator('.match').count(), soon).toBeGreaterThan(0);
    expect(await report.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      true,
    );
    expect(
      await report.locator('summary').evaluate((summary) => summary === document.activeElement),
    ).toBe(true);
    const row = await report.locator('summary').boundingBox();
    expect(row && row.y >= 0 && row.y + row.height <= 600).toBe(true);
    // With the title of its section above it, inside the view, not scrolled away under the top bar.
    const heading = await popup
      .getByRole('region', { name: 'Reports' })
      .getByRole('heading', { name: 'Reports' })
      .evaluate((title) => {
        const view = (title.closest('.content') as HTMLElement).getBoundingClientRect();
        const { top, bottom } = title.getBoundingClientRect();
        return { top, bottom, viewTop: view.top, viewBottom: view.bottom };
      });
    expect(heading.top).toBeGreaterThanOrEqual(heading.viewTop);
    expect(heading.bottom).toBeLessThanOrEqual(heading.viewBottom);
    expect(row && row.y > heading.bottom).toBe(true);
    // What matched names its list's region and links its page, as Persona's report gives them.
    const match = report.locator('.match').first();
    expect(await match.textContent()).toContain('(sanctions), US');
    const page = match.getByRole('link', { name: 'The list’s page' });
    expect(await page.getAttribute('href')).toBe('https://example.com/sandbox-sanctions-list');
    expect(await page.getAttribute('target')).toBe('_blank');
    await popup.close();
  });

  it('popup: Approve says first what it would pass over, the watchlist match with the rest', async () => {
    const id = await createWith({ fields: { name_first: 'Hubert', name_last: 'Blaine' } });
    await controls.finish(id, 'needs_review');
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    const reports = popup.getByRole('region', { name: 'Reports' });
    await expect.poll(() => reports.getByText('Match found').count(), soon).toBe(1);
    await popup.getByRole('button', { name: 'Approve', exact: true }).click();
    const form = popup.getByRole('form', { name: 'Confirm approve' });
    const warnings = form.locator('.confirm-warnings');
    expect(await warnings.locator('p').textContent()).toBe(
      'Before you approve, this inquiry shows:',
    );
    expect(await warnings.locator('li').allTextContents()).toContain(
      'Watchlist screening: Match found',
    );
    // Read with the comment field, which has the focus.
    const comment = form.getByRole('textbox', { name: 'Comment' });
    await expect.poll(() => comment.evaluate((box) => box === document.activeElement)).toBe(true);
    expect(await comment.getAttribute('aria-describedby')).toContain('confirm-warnings');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await popup.getByTestId('status').textContent()).toBe('needs_review');
    await popup.close();
  });

  it("popup: Persona's behaviour signals read as risks are said first and in Approve's confirmation; every one is listed", async () => {
    const [id] = await controls.seed(1, { statuses: ['completed'] });
    // Persona's risk signals (UX review s72 H1: dropped, and such an inquiry was offered as a
    // clean approve). The public spec names no keys: these are the dashboard's.
    await controls.override(id as string, {
      attributes: {
        behaviors: {
          'request-spoof-attempts': 4,
          'user-agent-spoof-attempts': 0,
          'devtools-open': true,
          'behavior-threat-level': 'high',
          'completion-time': 41.5,
          'a-signal-nobody-knows': 'odd',
        },
      },
    });
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('completed');
    const line = 'Behaviour: Threat level high, Devtools open, Request spoof attempts: 4';
    const attention = popup.getByTestId('attention');
    await expect.poll(() => attention.locator('li').allTextContents(), soon).toContain(line);
    // The line leads to the section, which lists every signal as sent, folded.
    await attention.getByRole('button', { name: line }).click();
    const section = popup.getByRole('region', { name: 'Behaviour' });
    await expect
      .poll(() => section.evaluate((s) => s.contains(document.activeElement)), soon)
      .toBe(true);
    await section.getByText(/^Signals Persona sent \(6\)$/).click();
    const facts = await section
      .locator('.fact')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            `${row.querySelector('dt')?.textContent}: ${row.querySelector('dd')?.textContent}`,
        ),
      );
    // In the order of their names, however they came.
    expect(facts).toEqual([
      'A signal nobody knows: odd',
      'Behavior threat level: high',
      'Completion time: 41.5',
      'Devtools open: yes',
      'Request spoof attempts: 4',
      'User agent spoof attempts: 0',
    ]);
    const approve = popup.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.getAttribute('class')).toBeNull();
    await approve.click();
    const form = popup.getByRole('form', { name: 'Confirm approve' });
    expect(await form.locator('.confirm-warnings li').allTextContents()).toContain(line);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expectAccessible(popup, 'behaviour signals');
    await popup.close();
  });

  it('popup: a passed ID whose name and date of birth are not the prefilled ones is said first', async () => {
    const id = await createWith({
      fields: { name_first: 'Anna', name_last: 'Schmidt', birthdate: '1990-04-02' },
    });
    await controls.finish(id, 'needs_review');
    const { included } = (await (
      await fetch(`${sandbox().baseUrl}/inquiries/${id}?include=verifications`, {
        headers: { Authorization: `Bearer ${sandbox().key}` },
      })
    ).json()) as { included: { id: string; type: string }[] };
    const governmentId = included.find((item) => item.type === 'verification/government-id');
    // The ID read another name and date (UX review s72 M2: only unfolding, scrolling and two
    // reveals showed it).
    await controls.override(id, {
      verifications: [
        {
          id: governmentId?.id as string,
          attributes: { nameFirst: 'ANNE', nameLast: 'SCHMITT', birthdate: '1990-02-04' },
        },
      ],
    });
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    const line =
      "Government ID: name on the ID ANNE SCHMITT, the inquiry's Anna Schmidt; date of birth on the ID differs from the inquiry's";
    const attention = popup.getByTestId('attention');
    await expect.poll(() => attention.locator('li').allTextContents(), soon).toContain(line);
    // The date itself stays masked.
    expect(await popup.locator('body').textContent()).not.toContain('1990-02-04');
    await attention.getByRole('button', { name: line }).click();
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.textContent ?? ''), soon)
      .toMatch(/^Government ID/);
    await popup.close();
  });

  it('popup: Approve opened before Other inquiries is read says so, then what it found, in the same place', async () => {
    // One person declined before, now under review again.
    const [, id] = await controls.seed(2, {
      statuses: ['declined', 'needs_review'],
      accountReferenceId: `slow-others-${Date.now()}`,
    });
    // Persona slow to list: the detail itself is read at once, the same account's others late.
    await controls.setFaults({ latencyMs: 1_500, latencyRoute: 'GET /inquiries' });
    try {
      const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
      await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('needs_review');
      const approve = popup.getByRole('button', { name: 'Approve', exact: true });
      await approve.click();
      const form = popup.getByRole('form', { name: 'Confirm approve' });
      const lines = form.locator('.confirm-warnings li');
      const before = await lines.allTextContents();
      expect(before).toContain('Other inquiries: still being read');
      // Not at the head of the detail, where it would come and go on every inquiry opened.
      const attention = popup.getByTestId('attention');
      expect(await attention.textContent()).not.toContain('still being read');
      const place = () =>
        form.evaluate((f) => {
          const { top, height } = f.getBoundingClientRect();
          return { top, height };
        });
      const where = await place();
      await expect
        .poll(() => lines.allTextContents(), { timeout: 10_000 })
        .toContain('Other inquiries: 1 declined');
      // The line changed where it was, and nothing above the form moved it on screen.
      expect(await lines.count()).toBe(before.length);
      expect(await place()).toEqual(where);
      // Said where the reviewer is, and at the head of the detail once the form has closed.
      await expect
        .poll(() => popup.getByTestId('announcer').textContent(), soon)
        .toBe('Other inquiries: 1 declined');
      expect(await attention.textContent()).not.toContain('Other inquiries');
      await form.getByRole('button', { name: 'Cancel' }).click();
      // The form's closing lets the head go (an effect, then a render): waited for, not raced.
      await expect
        .poll(() => attention.textContent(), soon)
        .toContain('Other inquiries: 1 declined');
      await popup.close();
    } finally {
      await controls.clearFaults();
    }
  });

  it('popup: a decline Other inquiries finds late does not move Approve under a pointer aiming at it', async () => {
    const [, id] = await controls.seed(2, {
      statuses: ['declined', 'needs_review'],
      accountReferenceId: `aimed-${Date.now()}`,
    });
    await controls.setFaults({ latencyMs: 1_500, latencyRoute: 'GET /inquiries' });
    try {
      const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
      await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('needs_review');
      const approve = popup.getByRole('button', { name: 'Approve', exact: true });
      const box = await approve.boundingBox();
      if (!box) throw new Error('no Approve');
      // A hand on its way moves: nudged while the read ends.
      let nudge = 0;
      const aim = () => popup.mouse.move(box.x + 10 + (nudge++ % 2), box.y + box.height / 2);
      await aim();
      const others = popup.getByRole('region', { name: 'Other inquiries' });
      await expect
        .poll(
          async () => {
            await aim();
            return others.getByRole('button').count();
          },
          { timeout: 10_000 },
        )
        .toBe(1);
      // Found, and not drawn above the buttons while the pointer is on them: Approve stayed put.
      const attention = popup.getByTestId('attention');
      expect((await approve.boundingBox())?.y).toBe(box.y);
      expect(await attention.textContent()).not.toContain('Other inquiries');
      // The pointer gone, the line comes.
      await popup.mouse.move(1, 1);
      await expect
        .poll(() => attention.textContent(), soon)
        .toContain('Other inquiries: 1 declined');
      expect((await approve.boundingBox())?.y).toBeGreaterThan(box.y);
      await popup.close();
    } finally {
      await controls.clearFaults();
    }
  });

  it('popup at 200 % zoom (400 × 300): Approve shows what it would pass over, not only the comment', async () => {
    const id = await createWith({ fields: { name_first: 'Hubert', name_last: 'Blaine' } });
    await controls.finish(id, 'needs_review');
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    await popup.setViewportSize({ width: 400, height: 300 });
    const reports = popup.getByRole('region', { name: 'Reports' });
    await expect.poll(() => reports.getByText('Match found').count(), soon).toBe(1);
    await popup.getByRole('button', { name: 'Approve', exact: true }).click();
    const form = popup.getByRole('form', { name: 'Confirm approve' });
    const comment = form.getByRole('textbox', { name: 'Comment' });
    await expect.poll(() => comment.evaluate((box) => box === document.activeElement)).toBe(true);
    const place = await form.evaluate((confirm) => {
      const view = confirm.closest('.content')?.getBoundingClientRect();
      const warnings = confirm.querySelector('.confirm-warnings')?.getBoundingClientRect();
      const hint = document.getElementById('action-comment-hint')?.getBoundingClientRect();
      return {
        view: { top: view?.top ?? -1, bottom: view?.bottom ?? -1 },
        warnings: { top: warnings?.top ?? -1, bottom: warnings?.bottom ?? -1 },
        hint: { top: hint?.top ?? -1, bottom: hint?.bottom ?? -1 },
        // The page itself stays put: the top bar, Back with it, in sight.
        pageScrolled: document.scrollingElement?.scrollTop ?? -1,
      };
    });
    expect(place.warnings.top).toBeGreaterThanOrEqual(place.view.top);
    expect(place.warnings.bottom).toBeLessThanOrEqual(place.view.bottom);
    // The way to finish is said in view too: Confirm and Cancel began below it (UX review s71 L1).
    expect(await form.locator('#action-comment-hint').textContent()).toBe('Ctrl+Enter confirms.');
    expect(place.hint.top).toBeGreaterThanOrEqual(place.view.top);
    expect(place.hint.bottom).toBeLessThanOrEqual(place.view.bottom);
    expect(place.pageScrolled).toBe(0);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await popup.close();
  });

  it('side panel at 200 % zoom (180 px): a report row keeps its name readable, nothing drawn over it', async () => {
    const id = await createWith({ fields: { name_first: 'Hubert', name_last: 'Blaine' } });
    await controls.finish(id, 'needs_review');
    const panel = await openDesk(`src/side-panel/index.html?inquiry=${id}`, 180);
    const row = panel.locator('.report-row').first();
    await expect.poll(() => row.count(), soon).toBe(1);
    await expect.poll(() => row.textContent(), soon).toContain('Match found');
    // The name's box holds its words, and the match is not drawn over it (UX review s72 L2: the
    // box was 6 px wide, "Match found" over "screening").
    const box = await row.evaluate((summary) => {
      const name = summary.querySelector('.grow') as HTMLElement;
      const match = summary.querySelector('.report-match') as HTMLElement;
      const a = name.getBoundingClientRect();
      const b = match.getBoundingClientRect();
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return { overflow: name.scrollWidth - name.clientWidth, width: a.width, overlap };
    });
    expect(box.overflow).toBeLessThanOrEqual(0);
    expect(box.width).toBeGreaterThan(60);
    expect(box.overlap).toBe(false);
    await panel.close();
  });

  it('side panel at 360 px: no inquiry id is cut short, and a long tag keeps its × in reach', async () => {
    // Its own inquiry to review: the one seeded above was approved by the test before.
    const panel = await reviewQueueInPanel(1, 360);
    const ids = panel.locator('.inquiry-id');
    // An id a reviewer compares or copies shows whole: wrapped if it must, never clipped.
    const clipped = await ids.evaluateAll((codes) =>
      codes
        .filter((code) => code.scrollWidth > code.clientWidth + 1)
        .map((code) => code.textContent),
    );
    expect(clipped).toEqual([]);
    // And on one line: the status and its time give way first (a wrapped id is hard to compare).
    const wrapped = await ids.evaluateAll((codes) =>
      codes
        .filter((code) => {
          const range = document.createRange();
          range.selectNodeContents(code);
          return range.getClientRects().length > 1;
        })
        .map((code) => code.textContent),
    );
    expect(wrapped).toEqual([]);
    // The status keeps its distance from the id: beside it, or, narrower still (a scrollbar
    // taken too), below it; never over it.
    const clear = () =>
      panel.locator('.inquiry-row').evaluateAll((rows) =>
        rows.map((row) => {
          const id = row.querySelector('.inquiry-id')?.getBoundingClientRect();
          const chip = row.querySelector('.chip')?.getBoundingClientRect();
          if (!id || !chip) return 'missing';
          if (chip.top >= id.bottom) return 'below';
          return chip.left - id.right >= 4 ? 'beside' : `${Math.round(chip.left - id.right)} px`;
        }),
      );
    expect(new Set(await clear())).toEqual(new Set(['beside']));
    await panel.setViewportSize({ width: 330, height: 700 });
    expect((await clear()).filter((place) => place !== 'beside' && place !== 'below')).toEqual([]);
    await panel.setViewportSize({ width: 360, height: 700 });
    const width = await panel.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    // A tag of 89 characters in one word wraps, and its × stays in the panel.
    await panel.goto(ext.extensionUrl(`src/side-panel/index.html?inquiry=${reviewId}`));
    // The detail's title, the id, is on one line: "Open in Persona" goes below it instead.
    const title = panel.locator('.detail-head h2 code');
    await expect.poll(() => title.count(), soon).toBe(1);
    expect(await title.evaluate((code) => code.getClientRects().length)).toBe(1);
    const tag = `escalated-to-compliance-team-${'a'.repeat(60)}`;
    await panel.getByRole('textbox', { name: 'New tag' }).fill(tag);
    await panel.getByRole('button', { name: 'Add tag' }).click();
    const remove = panel.getByRole('button', { name: `Remove tag ${tag}` });
    await expect.poll(() => remove.count(), soon).toBe(1);
    // The toast naming it stays one line over the footer, not a block over the controls.
    const toast = panel.getByTestId('announcer');
    await expect.poll(() => toast.textContent(), soon).toContain(tag);
    expect((await toast.boundingBox())?.height ?? 99).toBeLessThan(30);
    // Within the footer's height: it covers the status line, not the view's last control.
    const footer = await panel.locator('.footer').boundingBox();
    expect((await toast.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual(footer?.y ?? 999);
    const box = await remove.boundingBox();
    expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await panel.close();
  });

  it('side panel at 320 px and zoomed to 170 px: every row alike, nothing cut off or scrolled sideways', async () => {
    // References as long as a ticket system's: at 200 % they were cut to a letter or two.
    const panel = await reviewQueueInPanel(3, 320, `zendesk-${Date.now()}-`);
    const rows = panel.locator('.inquiry-row');
    // Each row's status sits under the id, and its time by the reference above the id (one without
    // a reference says so there), both against the row's right edge: not some beside the id and
    // others below it at the left, by the width of their chip.
    const places = () =>
      rows.evaluateAll((all) =>
        all.map((row) => {
          const id = row.querySelector('.inquiry-id')?.getBoundingClientRect();
          const chip = row.querySelector('.chip')?.getBoundingClientRect();
          const time = row.querySelector('.inquiry-meta')?.getBoundingClientRect();
          const inner =
            row.getBoundingClientRect().right -
            Number.parseFloat(getComputedStyle(row).paddingRight);
          if (!id || !chip || !time) return 'missing';
          const right = (box: DOMRect) => Math.abs(box.right - inner) < 1;
          return chip.top >= id.bottom && right(chip) && time.bottom <= id.top && right(time)
            ? 'status below, time above, right'
            : 'other';
        }),
      );
    expect(new Set(await places())).toEqual(new Set(['status below, time above, right']));

    // 200 % zoom of a 340 px panel: the search box keeps room to type in, New inquiry goes below
    // it, the second tab below the first; nothing leaves the panel's width.
    await panel.setViewportSize({ width: 170, height: 700 });
    const search = await panel.getByRole('searchbox', { name: 'Find inquiry' }).boundingBox();
    const create = await panel.getByRole('button', { name: 'New inquiry' }).boundingBox();
    expect(search?.width ?? 0).toBeGreaterThan(120);
    expect(create?.y ?? 0).toBeGreaterThan((search?.y ?? 0) + (search?.height ?? 0) - 1);
    for (const name of ['Watchlist', 'Needs review']) {
      const tab = await panel.getByRole('tab', { name }).boundingBox();
      expect((tab?.x ?? 999) + (tab?.width ?? 0), name).toBeLessThanOrEqual(170);
    }
    // The queue's order too, which the view clips rather than scrolls.
    const order = await panel.getByRole('combobox', { name: 'Order' }).boundingBox();
    expect((order?.x ?? 999) + (order?.width ?? 0)).toBeLessThanOrEqual(170);
    expect(new Set(await places())).toEqual(new Set(['status below, time above, right']));
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      170,
    );
    // Each reference whole, wrapped if it must be, not cut short.
    const refs = rows.locator('.inquiry-ref');
    expect(await refs.count()).toBeGreaterThanOrEqual(3);
    expect(
      await refs.evaluateAll((all) =>
        all.filter((ref) => ref.scrollWidth > ref.clientWidth).map((ref) => ref.textContent),
      ),
    ).toEqual([]);
    await screenshotBoth(panel, 'side-panel-170');
    await panel.close();
  });

  it('side panel: ID front and selfie center side by side', async () => {
    const panel = await openDesk(`src/side-panel/index.html?inquiry=${ids[1]}`, 520);
    await expect.poll(() => panel.getByTestId('status').textContent(), soon).toBe('approved');
    await panel.getByRole('button', { name: 'Show photos' }).click();
    const photos = panel.getByRole('region', { name: 'Photos' });
    await expect.poll(() => decodedPhotos(photos), soon).toHaveLength(PHOTOS.length);
    const front = await panel.getByRole('img', { name: 'Government ID front' }).boundingBox();
    const center = await panel.getByRole('img', { name: 'Selfie center' }).boundingBox();
    expect(front && center).toBeTruthy();
    expect(Math.abs((front?.y ?? 0) - (center?.y ?? 1))).toBeLessThan(2);
    expect((center?.x ?? 0) - (front?.x ?? 0)).toBeGreaterThan(100);
    await panel.getByRole('heading', { name: 'Photos' }).scrollIntoViewIfNeeded();
    await screenshotBoth(panel, 'side-panel-evidence-photos');
    await expectAccessible(panel, 'evidence in the side panel');
    await panel.getByRole('heading', { name: 'Device and network' }).scrollIntoViewIfNeeded();
    await screenshotBoth(panel, 'side-panel-evidence-network');
    await panel.close();
  });

  it('side panel: a tag Persona is slow to take says the desk is still waiting, then arrives', async () => {
    const panel = await openDesk(`src/side-panel/index.html?inquiry=${ids[0]}`, 400);
    await expect.poll(() => panel.getByTestId('status').textContent(), soon).toBe('declined');
    const tags = panel.getByRole('region', { name: 'Tags' });
    await controls.setFaults({ latencyMs: 6_000 });
    try {
      await tags.getByRole('textbox', { name: 'New tag' }).fill('slow-line');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      const status = tags.getByRole('status');
      await expect.poll(() => status.textContent(), soon).toBe('Sending…');
      await expect.poll(() => status.textContent(), soon).toMatch(/^Still waiting for Persona: /);
    } finally {
      await controls.clearFaults();
    }
    const remove = tags.getByRole('button', { name: 'Remove tag slow-line' });
    await expect.poll(() => remove.count(), soon).toBe(1);
    await expect.poll(() => tags.getByRole('status').textContent(), soon).toBe('');
    await panel.close();
  });

  it('side panel: a decision on its way cannot be cancelled, and says so', async () => {
    const [id] = await controls.seed(1, {
      statuses: ['needs_review'],
      referenceIdPrefix: `evidence-sent-${Date.now()}-`,
    });
    const panel = await openDesk(`src/side-panel/index.html?inquiry=${id}`, 400);
    await expect.poll(() => panel.getByTestId('status').textContent(), soon).toBe('needs_review');
    await panel.getByRole('button', { name: 'Decline', exact: true }).click();
    // The decline held through the steps below, and let go by the clearing after them: 14 s at
    // most (the client gives up at 15 s), and only the decline. A hold let go by time could end
    // first, and the form would be gone.
    await controls.setFaults({ latencyMs: 14_000, latencyRoute: 'POST /inquiries/:id/decline' });
    try {
      await panel.getByRole('button', { name: 'Confirm decline' }).click();
      await expect
        .poll(
          () => panel.getByText('On its way to Persona: it can no longer be cancelled.').count(),
          soon,
        )
        .toBe(1);
      // aria-disabled, which Playwright counts as disabled: pressed as a person would, regardless,
      // from the keyboard, which acts on that button alone (a click forced past Playwright's
      // checks lands wherever its point is then).
      await panel.getByRole('button', { name: 'Cancel' }).focus();
      await panel.keyboard.press('Enter');
      expect(await panel.getByRole('button', { name: 'Confirm decline' }).count()).toBe(1);
      // Escape, with nothing left to call off, goes back.
      await panel.keyboard.press('Escape');
      await panel.getByRole('searchbox', { name: 'Find inquiry' }).waitFor();
    } finally {
      await controls.clearFaults();
    }
    // The answer is named where the reviewer went, by its reference.
    await expect
      .poll(() => panel.getByTestId('announcer').textContent(), soon)
      .toMatch(/^Declined: evidence-sent-\d+-\S* \(…\w{5}\)$/);
    await panel.close();
  });
  // Last: the tests above opened photos (object URLs), the evidence view's own sheet, Save PDF,
  // and the side panel at several widths, all under the built policy.
  it("none of it had anything refused by the extension's content security policy", async () => {
    expect(refusals).toEqual([]);
    // The listener hears a refusal when there is one: an inline style set by a page's script.
    const popup = await openDesk('src/popup/index.html', 400);
    await popup.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });
    await expect.poll(() => refusals.length, soon).toBe(1);
    await popup.close();
  });
});

describe('Other inquiries, by the account and by the reference ID', () => {
  it('names a decline made under the same reference ID on another account, and says there are others', async () => {
    const reference = `elsewhere-${Date.now()}`;
    // Declined on an account of another reference, as a backend that sets
    // `auto-create-account-reference-id` apart from the inquiry's reference ID makes it.
    const [declinedId] = await controls.seed(1, {
      statuses: ['declined'],
      referenceId: reference,
      accountReferenceId: `${reference}-account`,
    });
    // A new inquiry for the same reference ID: Persona files it on the account of that reference.
    const id = await createWith({ 'reference-id': reference });
    const { lastSeq } = await controls.requests();
    const popup = await openDesk(`src/popup/index.html?inquiry=${id}`, 400);
    const earlier = popup.getByRole('region', { name: 'Other inquiries' });
    await expect.poll(() => earlier.getByRole('button').count(), soon).toBe(1);
    expect(await earlier.textContent()).toContain(declinedId);
    expect(await earlier.textContent()).toContain('Same account or reference ID, newest first.');
    await popup
      .getByTestId('attention')
      .getByRole('button', { name: 'Other inquiries: 1 declined' })
      .waitFor(soon);
    const asked = (await logSince(lastSeq)).filter((r) => r.route === 'GET /inquiries');
    expect(asked.filter((r) => r.query['filter[account-id]'] !== undefined)).toHaveLength(1);
    expect(asked.filter((r) => r.query['filter[reference-id]'] === reference)).toHaveLength(1);
    await popup.close();
  });
});

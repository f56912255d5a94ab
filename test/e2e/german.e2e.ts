// The desk in German, end to end: the built extension in Chromium running in German against the
// sandbox. Labels come from _locales/de, dates and counts are written the German way, and what
// the background names (an inquiry's status) is German too.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControls } from '../persona-sandbox/controls.ts';
import { connectToSandbox } from './configure.ts';
import { type ExtensionHarness, launchExtension } from './harness.ts';
import { expectKeyToggleStill } from './key-toggle.ts';
import { expectAccessible, screenshotBoth, screenshotDir } from './page-checks.ts';
import { sandbox } from './sandbox.ts';

const soon = { timeout: 15_000 };
// "03.12.2026, 01:20": day, month, four-digit year, 24-hour clock.
const germanDateTime = /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/;

let ext: ExtensionHarness;
const controls = sandboxControls(sandbox().origin);

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  ext = await launchExtension({ locale: 'de-DE' });
  await connectToSandbox(ext);
});
afterAll(async () => {
  await ext?.close();
});

interface CheckRowPart {
  row: string;
  part: string;
  left: number;
  top: number;
}

/**
 * Every line of text in the detail's check rows (the result, "required", the reasons, and the
 * name's own wrapped lines), with where it starts, and the left edge of its row's check name.
 * Lines of text (Range rects), not element boxes: a box can start left of the text it indents.
 */
function checkRowLines(
  page: Page,
): Promise<{ nameLeft: number; nameTop: number; lines: CheckRowPart[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.check-row')]
      .filter((row) => row.getClientRects().length > 0)
      .map((row) => {
        const name = row.querySelector('.check-name') as HTMLElement;
        const nameBox = name.getBoundingClientRect();
        const lines: CheckRowPart[] = [];
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const part = node.parentElement;
          // The mark is the one thing meant to sit left of the name.
          if (!part || part.closest('.check-mark') || !node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) {
            if (rect.width === 0) continue;
            lines.push({
              row: name.textContent ?? '',
              part: part.className,
              left: rect.left,
              top: rect.top,
            });
          }
        }
        return { nameLeft: nameBox.left, nameTop: nameBox.top, lines };
      }),
  );
}

describe('the desk in German', () => {
  it('popup: German labels; a new inquiry with its link, status and timeline in German', async () => {
    const popup = await ext.openPopup();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(() => popup.getByTestId('environment').textContent(), soon).toBe('Sandbox');
    expect(await popup.getByRole('searchbox', { name: 'Anfrage suchen' }).count()).toBe(1);
    expect(await popup.getByRole('tab', { name: 'Beobachtet' }).count()).toBe(1);
    expect(await popup.getByRole('tab', { name: 'Zu prüfen' }).count()).toBe(1);

    await popup.getByRole('button', { name: 'Neue Anfrage' }).click();
    await popup.getByRole('textbox', { name: 'Referenz-ID' }).fill(`german-${Date.now()}`);
    await expectAccessible(popup, 'German create form');
    await screenshotBoth(popup, 'german-create');
    await popup.getByRole('button', { name: 'Erstellen', exact: true }).click();
    await popup.getByRole('heading', { name: 'Anfrage erstellt' }).waitFor(soon);
    expect(await popup.getByTestId('link-expiry').textContent()).toMatch(
      /^Nur einmal gültig; läuft in \d+ Stunden ab\.$/,
    );
    await popup.getByRole('button', { name: 'Link kopieren' }).click();
    await expect
      .poll(() => popup.getByTestId('announcer').textContent(), soon)
      .toBe('Link kopiert');

    const id = (await popup.getByTestId('inquiry-id').textContent()) ?? '';
    await popup.getByRole('button', { name: 'Details anzeigen' }).click();
    // The status line's meaning is named by the background, in the browser's language.
    await expect
      .poll(() => popup.locator('#detail-status').textContent(), soon)
      .toContain('Erstellt, noch nicht begonnen');
    const timeline = popup.getByRole('region', { name: 'Verlauf' });
    const created = timeline.locator('time').first();
    const [shown, iso] = [await created.textContent(), await created.getAttribute('datetime')];
    expect(shown).toMatch(germanDateTime);
    const expected = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
    expect(shown).toBe(expected.format(Date.parse(iso ?? '')));
    expect(await popup.getByRole('button', { name: 'Zur Prüfung markieren' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Neuer Link', exact: true }).count()).toBe(1);
    await expectAccessible(popup, 'German detail');
    await screenshotBoth(popup, 'german-detail');

    // Finished with failed checks: the checks are named in German too, not in Persona's English.
    await controls.finish(id, 'failed');
    await popup.getByRole('button', { name: 'Aktualisieren' }).click();
    const names = popup.locator('.check-name');
    await expect.poll(() => names.count(), soon).toBeGreaterThan(0);
    const shownNames = await names.allTextContents();
    expect(shownNames.filter((name) => /detection|comparison|lookup/.test(name))).toEqual([]);
    expect(shownNames.some((name) => name.startsWith('Ausweis: '))).toBe(true);
    // Their results, and the verification's, in German beside Persona's word, and heard in German.
    const idCard = popup.getByRole('region', { name: 'Amtlicher Ausweis Nicht bestanden' });
    expect(await idCard.count()).toBe(1);
    const failedRow = idCard.locator('.check-row.tone-danger').first();
    expect(await failedRow.locator('.result-words').textContent()).toBe('Nicht bestanden');
    expect(await failedRow.locator('.check-status').textContent()).toBe('failed');

    // The extracted fields keep room for their values beside German labels, even at 320 px: a
    // label column as wide as "Ausstellendes Bundesland oder Region" left them a sliver.
    await popup.setViewportSize({ width: 320, height: 600 });
    for (const details of await popup.locator('details:has(.field-list)').all()) {
      await details.evaluate((element) => element.setAttribute('open', ''));
    }
    const lists = popup.locator('.field-list');
    await expect.poll(() => lists.count(), soon).toBeGreaterThan(0);
    const narrowest = await lists.evaluateAll((all) =>
      Math.min(
        ...all.flatMap((list) =>
          [...list.querySelectorAll('dd')].map(
            (dd) => dd.getBoundingClientRect().width / list.getBoundingClientRect().width,
          ),
        ),
      ),
    );
    expect(narrowest).toBeGreaterThanOrEqual(0.5);

    // A side panel zoomed to 200 % (170 CSS px): German's long words wrap, nothing scrolls
    // sideways, neither the detail with Decline open nor the create form.
    await popup.setViewportSize({ width: 170, height: 600 });
    await popup.goto(ext.extensionUrl(`src/side-panel/index.html?inquiry=${id}`));
    await popup.getByRole('button', { name: 'Ablehnen', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Kommentar' }).waitFor();
    const sideways = () => popup.evaluate(() => document.documentElement.scrollWidth);
    expect(await sideways()).toBeLessThanOrEqual(170);
    await popup.goto(popup.url().replace(/\?.*$/, '?view=create'));
    await popup.getByRole('textbox', { name: 'Referenz-ID' }).waitFor();
    expect(await sideways()).toBeLessThanOrEqual(170);
    await popup.close();
  });

  it('detail: a failed check row that wraps goes on under the check name, not under its mark', async () => {
    const [id] = await controls.seed(1, { statuses: ['failed'] });
    const page = await ext.openPopup(`?inquiry=${id}`);
    // The popup (400 px), and the side panel at its usual and its narrowest width.
    const views = [
      { width: 400, url: page.url() },
      { width: 360, url: ext.extensionUrl(`src/side-panel/index.html?inquiry=${id}`) },
      { width: 300, url: ext.extensionUrl(`src/side-panel/index.html?inquiry=${id}`) },
    ];
    for (const { width, url } of views) {
      await page.setViewportSize({ width, height: 700 });
      if (page.url() !== url) await page.goto(url);
      const failed = page.locator('.check-row.tone-danger:has(.check-required)');
      await expect.poll(() => failed.count(), soon).toBeGreaterThan(0);
      const rows = await checkRowLines(page);
      // The rows do wrap here: before, "erforderlich" or "Nicht bestanden erforderlich" went onto a
      // line of its own at the ✗, left of "Ausweis: Barcode-Erkennung".
      const wrapped = rows.flatMap((row) =>
        row.lines.filter((line) => line.part !== 'check-reasons' && line.top > row.nameTop + 2),
      );
      expect(wrapped.length, `${width} px: a check row wraps`).toBeGreaterThan(0);
      const leftOfName = rows.flatMap((row) =>
        row.lines.filter((line) => line.left < row.nameLeft - 0.5),
      );
      expect(leftOfName, `${width} px`).toEqual([]);
    }
    await page.close();
  });

  it('options: the settings page in German', async () => {
    const options = await ext.openOptions();
    await options.getByRole('heading', { name: 'Inquiry Desk – Einstellungen' }).waitFor(soon);
    expect(await options.title()).toBe('Inquiry Desk – Einstellungen');
    expect(await options.getByRole('textbox', { name: 'API-Schlüssel' }).count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Speichern' }).count()).toBe(1);
    await options.getByRole('button', { name: 'Verbindung testen' }).click();
    const report = options.getByTestId('connection-report');
    await expect
      .poll(() => report.textContent(), soon)
      .toContain('Verbunden mit der Persona-Sandbox-Umgebung');
    expect(await report.textContent()).toMatch(/noch \d+ von [\d.]+ API-Aufrufen in dieser Minute/);
    // main's lock and activity log, merged after the catalogues came.
    await options.getByRole('heading', { name: 'Sperre', exact: true }).waitFor(soon);
    expect(await options.getByRole('button', { name: 'Passphrase festlegen' }).count()).toBe(1);
    await options.getByRole('heading', { name: 'Aktivitätsprotokoll' }).waitFor(soon);
    await options.getByRole('button', { name: 'Prüfen', exact: true }).click();
    await expect
      .poll(() => options.getByTestId('verify-result').textContent(), soon)
      .toMatch(/^Die Kette ist intakt: \d+ Einträge/);
    // The inquiry the popup test created is in the log under its German action name.
    expect(
      await options.getByRole('cell', { name: 'Anfrage erstellen', exact: true }).count(),
    ).toBe(1);
    await screenshotBoth(options, 'german-options');
    // At 320 px, "Schlüssel zeigen" goes below the key field rather than squeeze it: beside it,
    // the field was 79 px wide and showed eight characters of a fifty-character key.
    await options.setViewportSize({ width: 320, height: 700 });
    const keyWidth = await options
      .locator('#api-key')
      .evaluate(
        (input) =>
          input.getBoundingClientRect().width /
          (input.parentElement?.getBoundingClientRect().width ?? 1),
      );
    expect(keyWidth).toBeGreaterThan(0.9);
    await options.close();
  });

  it('options: Schlüssel zeigen / verbergen keeps the key field and its row still, under the pointer', async () => {
    const options = await ext.openOptions();
    await options.getByRole('textbox', { name: 'API-Basis-URL' }).waitFor(soon);
    // Before, at 440 px "Schlüssel zeigen" (138 px) fitted beside the field and "Schlüssel
    // verbergen" (164 px) went below it: the row grew from 32 to 71 px, and the button left the
    // pointer.
    await expectKeyToggleStill(
      options,
      { show: 'Schlüssel zeigen', hide: 'Schlüssel verbergen' },
      [320, 400, 440, 480, 800],
    );
    await options.close();
  });

  it('new inquiry: with its fields refused, Erstellen stays in the 600 px popup, above the footer, and the last field can still be reached', async () => {
    const popup = await ext.openPopup('?view=create');
    try {
      await refusedFieldsInView(popup);
    } finally {
      // The refused fields are the draft's: the next create of this file starts from an empty
      // form, whatever became of this test.
      await popup.evaluate(() => chrome.storage.session.remove('draft'));
      await popup.close();
    }
  });

  async function refusedFieldsInView(popup: Page) {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('textbox', { name: 'Vorlagen-ID der Anfrage' }).fill('falsch');
    await popup.getByRole('textbox', { name: 'E-Mail' }).fill('keine-adresse');
    await popup.getByRole('textbox', { name: 'Telefon' }).fill('abc');
    await popup.getByRole('button', { name: 'Erstellen', exact: true }).click();
    await expect.poll(() => popup.locator('[aria-invalid="true"]').count(), soon).toBe(3);
    const where = () =>
      popup.evaluate(() => {
        const create = [...document.querySelectorAll('button')].find(
          (button) => button.textContent === 'Erstellen',
        ) as HTMLElement;
        const box = create.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const footer = document.querySelector('.footer')?.getBoundingClientRect();
        const focused = document.activeElement?.getBoundingClientRect();
        return {
          createBottom: box.bottom,
          createHit: !!hit && create.contains(hit),
          footerTop: footer?.top ?? 0,
          focusedId: document.activeElement?.id,
          focusedHit:
            !!focused &&
            document.activeElement?.contains(
              document.elementFromPoint(focused.left + 8, focused.top + focused.height / 2),
            ),
        };
      });
    // The focus is on the first field refused, in view; Erstellen, below, in view too. The focus
    // can come a frame after the fields are marked (a full run on two cores saw none yet).
    await expect.poll(async () => (await where()).focusedId, soon).toBe('template-id');
    const first = await where();
    expect(first).toMatchObject({ focusedId: 'template-id', focusedHit: true, createHit: true });
    expect(first.createBottom).toBeLessThanOrEqual(first.footerTop);
    // Scrolled to the end, the last field is not under the buttons that stay in view.
    await popup.locator('.content').evaluate((content) => {
      content.scrollTop = content.scrollHeight;
    });
    await popup.getByRole('textbox', { name: 'Telefon' }).focus();
    const last = await popup.evaluate(() => {
      const phone = document.getElementById('phone-number') as HTMLElement;
      const box = phone.getBoundingClientRect();
      return phone.contains(document.elementFromPoint(box.left + 8, box.top + box.height / 2));
    });
    expect(last).toBe(true);
    expect((await where()).createHit).toBe(true);
  }

  it('a chat message written for an English-speaking customer: {expires:en} in English, {expires} in German, an unknown tag refused on save', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const options = await ext.openOptions();
    const template = options.getByRole('textbox', { name: 'Vorlage für die Chat-Nachricht' });
    const save = options.getByRole('button', { name: 'Speichern' });
    await expect.poll(() => template.inputValue(), soon).toContain('{link}');
    await template.fill('Hi! Please verify here: {link}\nIt expires {expires:zz}.');
    await save.click();
    await expect
      .poll(() => options.getByText('„{expires:zz}“ nennt keine Sprache').count(), soon)
      .toBe(1);
    await template.fill(
      'Hi! Please verify here: {link}\nIt expires {expires:en}. / Gültig bis {expires}.',
    );
    // Seen before a customer reads it: the message as Copy message writes it, for a link made now
    // (its lifetime 24 hours), and read with the template's field.
    const preview = options.getByTestId('chat-preview');
    await expect
      .poll(() => preview.textContent(), soon)
      .toMatch(
        /^Vorschau, für einen jetzt erstellten Link:Hi! Please verify here: https:\/\/withpersona\.com\/verify\?code=…\nIt expires in 24 hours \(.+\)\. \/ Gültig bis in 24 Stunden \(.+\)\.$/,
      );
    expect(await template.getAttribute('aria-describedby')).toContain('chat-template-preview');
    await save.click();
    await options.getByText('Einstellungen gespeichert.').waitFor(soon);
    await options.close();

    const popup = await ext.openPopup('?view=create');
    await popup.getByRole('textbox', { name: 'Referenz-ID' }).fill(`english-chat-${Date.now()}`);
    await popup.getByRole('button', { name: 'Erstellen', exact: true }).click();
    await popup.getByRole('heading', { name: 'Anfrage erstellt' }).waitFor(soon);
    const link = await popup.getByTestId('one-time-link').textContent();
    await popup.getByRole('button', { name: 'Nachricht kopieren' }).click();
    await expect
      .poll(() => popup.evaluate(() => navigator.clipboard.readText()), soon)
      .toContain(`${link}\n`);
    const message = await popup.evaluate(() => navigator.clipboard.readText());
    // Before, the English sentence carried a German expiry: "expires in 24 Stunden (5. Dez. …)".
    expect(message).toMatch(/\nIt expires in 24 hours \([^)]*\d{4}[^)]*\)\. \//);
    expect(message).toMatch(/Gültig bis in 24 Stunden \(.+\)\.$/);
    await popup.close();
  });
});

describe('the watchlist in German', () => {
  it('keeps every row to two lines, its time on one, whatever the time says', async () => {
    // The widest status word (needs_review) among them, and one reference too long for its line.
    const statuses = ['needs_review', 'created', 'completed', 'pending', 'expired'] as const;
    const long = 'onboarding-ticket-2026-12-ACME-GmbH-Kunde-0005';
    const ids = [
      ...(await controls.seed(5, { referenceIdPrefix: 'zeilen-', statuses: [...statuses] })),
      ...(await controls.seed(1, { referenceId: long, statuses: ['needs_review'] })),
    ];
    const now = Date.now();
    // Just now, minutes, hours and days ago; added, or changed since.
    const ages = [0, 2 * 60_000, 9 * 60_000, 3 * 3_600_000, 2 * 86_400_000, 40 * 86_400_000];
    const worker = await ext.serviceWorker();
    await worker.evaluate(
      (entries) => chrome.storage.local.set({ watchlist: entries }),
      // Each as Persona has it, so the poller finds no change to date anew.
      ids.map((id, n) => ({
        id,
        status: statuses[n] ?? 'needs_review',
        referenceId: n === 5 ? long : `zeilen-${n}`,
        addedAt: now - (ages[n] ?? 0) - (n % 2 ? 60_000 : 0),
        changedAt: now - (ages[n] ?? 0),
        seen: true,
      })),
    );
    // The popup; the side panel as it opens, and narrowed or zoomed to where the 11 px id and the
    // widest chip only just share a line.
    for (const [page, width] of [
      ['src/popup/index.html', 400],
      ['src/side-panel/index.html', 360],
      ['src/side-panel/index.html', 340],
    ] as const) {
      const desk = await ext.context.newPage();
      await desk.setViewportSize({ width, height: 600 });
      await desk.goto(ext.extensionUrl(page));
      const rows = desk.locator('button.inquiry-row');
      await expect.poll(() => rows.count(), soon).toBe(ids.length);
      const shape = await desk.evaluate(() =>
        [...document.querySelectorAll('button.inquiry-row')].map((row) => {
          const meta = row.querySelector('.inquiry-meta');
          const line = Number.parseFloat(getComputedStyle(meta ?? row).lineHeight);
          const inner =
            row.getBoundingClientRect().right -
            Number.parseFloat(getComputedStyle(row).paddingRight);
          const chip = row.querySelector('.chip')?.getBoundingClientRect();
          return {
            height: Math.round(row.getBoundingClientRect().height),
            timeLines: Math.round((meta?.getBoundingClientRect().height ?? 0) / line),
            time: meta?.textContent,
            chipAtRight: !!chip && Math.abs(chip.right - inner) < 1,
            reference: row.querySelector('.inquiry-ref')?.getAttribute('title'),
          };
        }),
      );
      // "hinzugefügt gerade eben", "geändert vor 3 Stunden": each on one line, and so one height.
      expect(shape.map((row) => row.timeLines)).toEqual(ids.map(() => 1));
      expect(new Set(shape.map((row) => row.height)).size, JSON.stringify(shape)).toBe(1);
      expect(shape.map((row) => row.time)).toEqual(
        expect.arrayContaining(['hinzugefügt vor 9 Minuten', 'geändert vor 3 Stunden']),
      );
      expect(shape.map((row) => row.chipAtRight)).toEqual(ids.map(() => true));
      expect(shape.map((row) => row.reference)).toContain(long);
      // The two that need the reviewer lead, the second with a darker line below it than the
      // others' and a gap, where the rest begin; as tall as they are (above).
      const edge = desk.locator('.inquiry-list > li.ends-group');
      expect(await edge.count()).toBe(1);
      expect(
        await desk
          .locator('.inquiry-list > li')
          .nth(1)
          .evaluate((li) => li.classList.contains('ends-group')),
      ).toBe(true);
      const line = (n: number) =>
        rows.nth(n).evaluate((row) => getComputedStyle(row).borderBottomColor);
      expect(await line(1)).not.toBe(await line(0));
      expect(await line(0)).toBe(await line(2));
      expect(await edge.evaluate((li) => getComputedStyle(li).marginBottom)).toBe('8px');
      // Named in the list's head for a sighted reviewer too: the badge's number.
      expect(await desk.getByTestId('watchlist-head').textContent()).toContain(' · 2 für Sie');
      await desk.close();
    }
  });
});

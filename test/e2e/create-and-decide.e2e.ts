// Creating, and deciding across a popup's close, a second view and a worker's or the browser's
// stop, where Persona's documented behaviour differs from a friendly guess, end to end: the built
// extension in Chromium against the sandbox, which stores and replays every answer to an
// Idempotency-Key (5xx included) as Persona does. A create that met a 5xx never replays it and
// makes one inquiry; a worker stopped in the middle of a create finishes it on restart, and the
// inquiry is adopted and watched once; one the browser's closing interrupted is found on the next
// start. Deciding in one popup (keys, rate limits, slow and absent answers, colleagues first) is in
// decide.e2e.ts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sentDraft } from '../fixtures/sent-draft.ts';
import { connectToSandbox } from './configure.ts';
import { createWithNoAnswer } from './create-with-no-answer.ts';
import { deskSteps, soon, template } from './desk-steps.ts';
import { json, startFakeServer } from './fake-api.ts';
import { type ExtensionHarness, launchExtension } from './harness.ts';
import { sandbox } from './sandbox.ts';
import { storedDecision } from './stored-draft.ts';

const baseUrl = sandbox().baseUrl;
const key = sandbox().key;

let ext: ExtensionHarness;
const {
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
  confirmationOpen,
  referenceOf,
  openCreate,
} = deskSteps((launched) => {
  ext = launched;
});

describe('a reference ID searched in other capitals', () => {
  it('finds nothing at Persona, whose filter is exact, and offers the watched inquiry it names', async () => {
    const id = await createThroughBackground('caps');
    const reference = await referenceOf(id);
    const popup = await ext.openPopup();
    const box = popup.getByRole('searchbox', { name: 'Find inquiry' });
    await box.fill(reference.toUpperCase());
    await box.press('Enter');
    await popup.getByText(/No inquiry has the reference ID/).waitFor(soon);
    const watched = popup.getByRole('list', {
      name: 'Watched here, with a reference ID in other capitals or holding this text:',
    });
    // The one it may have meant has the focus, as a reference's one inquiry does: Enter opens it.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.textContent ?? ''), soon)
      .toContain(id);
    expect(await watched.getByRole('button', { name: new RegExp(id) }).count()).toBe(1);
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).first().textContent(), soon)
      .toContain(reference);
    await popup.close();
  });
});

describe('a reference ID that has an inquiry still open', () => {
  it('is said under the field before Create, with the way to the newest', async () => {
    const reference = `still-open-${Date.now()}`;
    const [open] = await controls.seed(1, { statuses: ['pending'], referenceId: reference });
    if (!open) throw new Error('nothing seeded');
    const { lastSeq } = await controls.requests();
    const popup = await openCreate(reference);
    try {
      const note = popup.getByTestId('same-reference');
      await expect
        .poll(() => note.textContent(), soon)
        .toMatch(
          /^Inquiries still open with this reference ID: 1 \(the newest: In progress, made /,
        );
      const asked = (await controls.requests(lastSeq)).requests.filter(
        (r) => r.route === 'GET /inquiries' && r.query['filter[reference-id]'] === reference,
      );
      expect(asked.map((r) => r.query['filter[status]'])).toEqual(['created,pending']);
      // Nothing made meanwhile: a note, not a create.
      const { data } = await persona(`/inquiries?filter[reference-id]=${reference}`);
      expect((data as Array<{ id: string }>).map((inquiry) => inquiry.id)).toEqual([open]);
      await note.getByRole('button', { name: 'Open the newest' }).click();
      await expect
        .poll(() => popup.getByRole('heading', { level: 2 }).first().textContent(), soon)
        .toContain(open);
    } finally {
      await popup.close();
    }
  });
});

describe('a create in a short window (200 % zoom)', () => {
  it('brings Copy link into view, the heading keeping the focus', async () => {
    const popup = await openCreate(`short-window-${Date.now()}`);
    try {
      await popup.setViewportSize({ width: 400, height: 300 });
      await popup.getByRole('button', { name: 'Create', exact: true }).click();
      const heading = popup.getByRole('heading', { name: 'Inquiry created' });
      await expect
        .poll(() => heading.evaluate((h) => h === document.activeElement), soon)
        .toBe(true);
      const copy = popup.getByRole('button', { name: 'Copy link' });
      await copy.waitFor(soon);
      const { above, below } = await pastView(popup, copy);
      expect(above).toBeLessThanOrEqual(0);
      expect(below).toBeLessThanOrEqual(1);
    } finally {
      await popup.close();
    }
  });
});

describe('a decision sent from a popup that closed before the answer', () => {
  it('is shown made in the next popup, not as someone else’s with the comment unsent', async () => {
    const { id, popup } = await confirmationOpen(
      'closed-decline',
      'Decline',
      'Selfie mismatch, ticket 8812',
    );
    // A slow Persona; the reviewer clicks into the chat, which closes a toolbar popup. The decline
    // is held until the popup has closed (14 s at most: the client gives up at 15 s), not for a
    // time that a busy machine could outrun.
    await controls.setFaults({ latencyMs: 14_000, latencyRoute: 'POST /inquiries/:id/decline' });
    try {
      await popup.getByRole('button', { name: 'Confirm decline' }).click();
      // Closed once the draft says the decline went: the mark is written after the click, and a
      // fixed wait for it lost it on a busy machine.
      await expect.poll(() => decisionSent(popup, id), soon).toBe(true);
      await popup.close();
      await controls.clearFaults();
      await expect
        .poll(async () => {
          const { data } = await persona(`/inquiries/${id}`);
          return (data as { attributes: { status: string } }).attributes.status;
        }, soon)
        .toBe('declined');
    } finally {
      await controls.clearFaults();
    }
    const again = await ext.openPopup(`?inquiry=${id}`);
    await expect.poll(() => again.getByTestId('status').textContent(), soon).toBe('declined');
    // Give the page its time to say something, had it something to say.
    await again.waitForTimeout(500);
    expect(await again.getByTestId('overtaken').count()).toBe(0);
    expect(await again.getByRole('form', { name: 'Confirm decline' }).count()).toBe(0);
    await again.close();
  });

  /**
   * A decline confirmed in a popup that closed before the answer, and the next popup opened on the
   * inquiry while Persona still holds the request: held until the faults are cleared, or for 14 s
   * (under the client's 15 s limit), whichever comes first. A fixed 5, 8 and 12 s each ran out on
   * a machine busier than the last; the steps inside the hold are kept few, and `stillHeld` says
   * so if the hold ran out first, rather than leaving a form that went for no clear reason.
   */
  async function reopenedWhileHeld(prefix: string, comment: string) {
    const { id, popup } = await confirmationOpen(prefix, 'Decline', comment);
    const seq = (await controls.requests()).lastSeq;
    await controls.setFaults({ latencyMs: 14_000, latencyRoute: 'POST /inquiries/:id/decline' });
    await popup.getByRole('button', { name: 'Confirm decline' }).click();
    await expect.poll(() => decisionSent(popup, id), soon).toBe(true);
    await popup.close();
    const again = await ext.openPopup(`?inquiry=${id}`);
    await expect
      .poll(() => again.getByTestId('action-sending').textContent(), soon)
      .toContain("waiting for Persona's answer");
    // What the page shows held, a round trip a read. Polled: the line above can come before the
    // form, which is drawn once the activity log is read.
    const shown = () =>
      again.evaluate(() => {
        const button = (name: string) =>
          [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
        return {
          status: document.querySelector('[data-testid="status"]')?.textContent,
          held: ['Confirm decline', 'Approve', 'Decline', 'Mark for review'].map((name) =>
            button(name)?.getAttribute('aria-disabled'),
          ),
        };
      });
    await expect
      .poll(shown, soon)
      .toEqual({ status: 'created', held: ['true', 'true', 'true', 'true'] });
    return { again, seq };
  }

  /** Fails, saying why, if the decline was answered before the steps that needed it held. */
  async function stillHeld(seq: number) {
    // The sandbox logs a request once it is answered.
    const answered = (await controls.requests(seq)).counts['POST /inquiries/:id/decline'] ?? 0;
    expect(answered, 'the 14 s hold ran out before the steps inside it were done').toBe(0);
  }

  /** The answer let in: the decision is shown made, one decline sent, no notice, no form. */
  async function answeredAsMade(again: Page, seq: number) {
    await expect.poll(() => again.getByTestId('status').textContent(), soon).toBe('declined');
    await expect.poll(() => again.getByRole('form', { name: 'Confirm decline' }).count()).toBe(0);
    expect(await again.getByTestId('overtaken').count()).toBe(0);
    const { counts } = await controls.requests(seq);
    expect(counts['POST /inquiries/:id/decline']).toBe(1);
    expect(counts['POST /inquiries/:id/approve'] ?? 0).toBe(0);
  }

  it('reopened before its answer, is shown on its way, and the comment that went cannot be edited', async () => {
    const comment = 'Document tampered, ticket 8830';
    let opened: Awaited<ReturnType<typeof reopenedWhileHeld>>;
    try {
      opened = await reopenedWhileHeld('closed-waiting', comment);
      const { again, seq } = opened;
      // Focused, not clicked at a point: a click lands wherever its point is by then.
      const box = again.getByRole('textbox', { name: 'Comment' });
      await box.focus();
      // Read-only, not disabled: it keeps the focus, so its words can be selected and copied.
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      await again.keyboard.type(' and more');
      expect(await box.inputValue()).toBe(comment);
      await stillHeld(seq);
    } finally {
      await controls.clearFaults();
    }
    await answeredAsMade(opened.again, opened.seq);
    await opened.again.close();
  }, 60_000);

  it('reopened before its answer, neither it nor the other decision can be sent again', async () => {
    let opened: Awaited<ReturnType<typeof reopenedWhileHeld>>;
    try {
      opened = await reopenedWhileHeld('closed-held', 'Selfie does not match, ticket 8831');
      const { again, seq } = opened;
      // Held, yet each keeps a focus a keyboard user put there (a disabled one would drop it).
      const keptFocus = await again.evaluate(() =>
        ['Approve', 'Decline', 'Mark for review', 'Confirm decline'].map((name) => {
          const button = [...document.querySelectorAll('button')].find(
            (b) => b.textContent?.trim() === name,
          );
          button?.focus();
          return button !== undefined && button === document.activeElement;
        }),
      );
      expect(keptFocus).toEqual([true, true, true, true]);
      // Pressed from the keyboard, a held button sends nothing and opens nothing: Approve, then
      // Confirm, which keeps the focus last.
      await again.getByRole('button', { name: 'Approve', exact: true }).focus();
      await again.keyboard.press('Enter');
      await again.getByRole('button', { name: 'Confirm decline' }).focus();
      await again.keyboard.press('Enter');
      expect(await again.getByRole('form', { name: 'Confirm approve' }).count()).toBe(0);
      await stillHeld(seq);
    } finally {
      await controls.clearFaults();
    }
    await answeredAsMade(opened.again, opened.seq);
    // The held Confirm had the focus last; with its form gone, the status takes it, not the page.
    await expect
      .poll(() => opened.again.evaluate(() => document.activeElement?.id), soon)
      .toBe('detail-status');
    await opened.again.close();
  }, 60_000);

  it('is said not made in the next popup when a colleague had made it first, with the comment to copy', async () => {
    const comment = 'Address confirmed by phone, ticket 9120';
    const { id, popup } = await confirmationOpen('closed-repeat', 'Approve', comment, true);
    // A colleague approved it a minute before (the sandbox's clock); this popup has not heard.
    await controls.setClock(new Date(Date.now() - 60_000));
    await persona(`/inquiries/${id}/approve`, { method: 'POST', body: '{}' });
    await controls.setClock(new Date());
    // Only the approve is slow: the next popup's read of the inquiry is not.
    await controls.setFaults({ latencyMs: 3_000, latencyRoute: 'POST /inquiries/:id/approve' });
    let again: Page;
    try {
      await popup.getByRole('button', { name: 'Confirm approve' }).click();
      // Closed once the draft says the approve went, and when.
      await expect.poll(() => decisionSent(popup, id), soon).toBe(true);
      await popup.close();
      // Opened again while the approve is still out: the status comes before its answer does,
      // and the confirmation waits for that answer rather than closing as made.
      again = await ext.openPopup(`?inquiry=${id}`);
      await expect.poll(() => again.getByTestId('status').textContent(), soon).toBe('approved');
      expect(await again.getByTestId('overtaken').count()).toBe(0);
    } finally {
      await controls.clearFaults();
    }
    const notice = again.getByTestId('overtaken');
    await expect.poll(() => notice.count(), soon).toBe(1);
    expect(await notice.textContent()).toContain('Your approval did not go through');
    expect(await notice.locator('blockquote').textContent()).toBe(comment);
    expect(await again.getByRole('form', { name: 'Confirm approve' }).count()).toBe(0);
    await again.close();
  });
});

describe('confirmations on two inquiries', () => {
  it("one inquiry's, left open, keeps its comment while another's is opened, cancelled and sent", async () => {
    const first = await createThroughBackground('duplicate-a');
    const second = await createThroughBackground('duplicate-b');
    const popup = await ext.openPopup(`?inquiry=${first}`);
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('created');
    await popup.getByRole('button', { name: 'Decline', exact: true }).click();
    const comment = `Same person as ${second}; the document is expired.`;
    await popup.getByRole('textbox', { name: 'Comment' }).fill(comment);
    // The reviewer clicks into the chat (the popup closes), then opens the other inquiry; closed
    // once the draft holds the comment, whose write follows the typing.
    await expect.poll(() => storedComment(first), soon).toBe(comment);
    await popup.close();
    const other = await ext.openPopup(`?inquiry=${second}`);
    await expect.poll(() => other.getByTestId('status').textContent(), soon).toBe('created');
    await other.getByRole('button', { name: 'Approve', exact: true }).click();
    await other.getByRole('button', { name: 'Cancel' }).click();
    await other.getByRole('button', { name: 'Decline', exact: true }).click();
    await other.getByRole('textbox', { name: 'Comment' }).fill('Duplicate');
    await other.getByRole('button', { name: 'Confirm decline' }).click();
    await expect.poll(() => other.getByTestId('status').textContent(), soon).toBe('declined');
    await other.close();
    // Back on the first: its confirmation as it was left, comment and all; nothing sent for it.
    const again = await ext.openPopup(`?inquiry=${first}`);
    const box = again.getByRole('textbox', { name: 'Comment' });
    await expect.poll(() => box.inputValue(), soon).toBe(comment);
    expect(await again.getByRole('button', { name: 'Confirm decline' }).count()).toBe(1);
    const { data } = await persona(`/inquiries/${first}`);
    expect((data as { attributes: { status: string } }).attributes.status).toBe('created');
    await again.close();
  });
});

describe('a reason typed for Decline, then a look at Approve', () => {
  it('closed with Escape or Cancel, keeps its comment for the same decision in the next popup', async () => {
    const reason = 'Selfie is a photo of a screen; asked customer to retake in daylight';
    for (const close of ['Escape', 'Cancel'] as const) {
      const { id, popup } = await confirmationOpen(`closed-${close}`, 'Decline', reason);
      // Closed, and the popup closed too (a click into the chat) once the draft has it: the
      // comment was gone in the next popup (UX review s71b M3).
      if (close === 'Escape') await popup.keyboard.press('Escape');
      else await popup.getByRole('button', { name: 'Cancel' }).click();
      await popup.getByRole('button', { name: 'Confirm decline' }).waitFor({ state: 'detached' });
      await expect.poll(() => storedComment(id), soon).toBe(reason);
      await popup.close();
      // The next popup opens without the form, and says the comment waits; Decline brings it
      // back, and Approve never has it.
      const again = await ext.openPopup(`?inquiry=${id}`);
      await expect.poll(() => again.getByTestId('status').textContent(), soon).toBe('created');
      await expect
        .poll(() => again.getByTestId('comment-kept').textContent(), soon)
        .toBe('Decline not sent; the comment typed for it is kept.');
      expect(await again.getByRole('textbox', { name: 'Comment' }).count()).toBe(0);
      await again.getByRole('button', { name: 'Approve', exact: true }).click();
      expect(await again.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('');
      await again.getByRole('button', { name: 'Decline', exact: true }).click();
      await expect
        .poll(() => again.getByRole('textbox', { name: 'Comment' }).inputValue(), soon)
        .toBe(reason);
      await again.close();
    }
  });

  it('typed in the popup, is said in a side panel open since before, and a look at Approve there keeps it', async () => {
    const id = await createThroughBackground('panel-before');
    const reason = 'Document number does not match the one the customer gave in chat';
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`src/side-panel/index.html?inquiry=${id}`));
    await expect.poll(() => panel.getByTestId('status').textContent(), soon).toBe('created');
    const popup = await ext.openPopup(`?inquiry=${id}`);
    await popup.getByRole('button', { name: 'Decline', exact: true }).click();
    await popup.getByRole('textbox', { name: 'Comment' }).fill(reason);
    await expect.poll(() => storedComment(id), soon).toBe(reason);
    await popup.close();
    // The panel said nothing of it (UX review s71b L4), and its Approve, opened and closed,
    // erased the reason.
    await expect
      .poll(() => panel.getByTestId('comment-kept').textContent(), soon)
      .toBe('Decline not sent; the comment typed for it is kept.');
    await panel.getByRole('button', { name: 'Approve', exact: true }).click();
    const comment = panel.getByRole('textbox', { name: 'Comment' });
    expect(await comment.inputValue()).toBe('');
    await comment.press('Escape');
    await panel.getByRole('button', { name: 'Confirm approve' }).waitFor({ state: 'detached' });
    await panel.close();
    const again = await ext.openPopup(`?inquiry=${id}`);
    await expect.poll(() => again.getByTestId('comment-kept').count(), soon).toBe(1);
    await again.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect
      .poll(() => again.getByRole('textbox', { name: 'Comment' }).inputValue(), soon)
      .toBe(reason);
    await again.close();
  });

  it('is there again under Decline after the popup closed meanwhile, and never goes with the Approve', async () => {
    const id = await createThroughBackground('switched');
    const popup = await ext.openPopup(`?inquiry=${id}`);
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('created');
    await popup.getByRole('button', { name: 'Decline', exact: true }).click();
    const reason = 'Selfie does not match the ID photo';
    await popup.getByRole('textbox', { name: 'Comment' }).fill(reason);
    await popup.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('');
    // The reviewer clicks into the chat: the popup closes with Approve open, nothing typed there,
    // once the draft holds the switch (its write follows the click), the reason kept beside it.
    await expect
      .poll(async () => {
        const kept = await storedDecision(popup, id);
        return kept && { action: kept.action, other: kept.other };
      }, soon)
      .toEqual({ action: 'approve', other: reason });
    await popup.close();
    const again = await ext.openPopup(`?inquiry=${id}`);
    await again.getByRole('button', { name: 'Confirm approve' }).waitFor(soon);
    await again.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect
      .poll(() => again.getByRole('textbox', { name: 'Comment' }).inputValue(), soon)
      .toBe(reason);
    await again.getByRole('button', { name: 'Confirm decline' }).click();
    await expect.poll(() => again.getByTestId('status').textContent(), soon).toBe('declined');
    const { data } = await persona(`/inquiries/${id}`);
    expect((data as { attributes: { status: string } }).attributes.status).toBe('declined');
    await again.close();
  });
});

describe('one inquiry open in the popup and the side panel at once', () => {
  it('each page keeps what was typed in it: a Cancel or a decision in the other closes only a form it showed', async () => {
    const id = await createThroughBackground('both-pages');
    const confirm = (page: Page) => page.getByRole('button', { name: 'Confirm decline' });
    const comment = (page: Page) => page.getByRole('textbox', { name: 'Comment' });
    const worker = await ext.serviceWorker();
    const stored = () => storedComment(id);
    const popup = await ext.openPopup(`?inquiry=${id}`);
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('created');
    await popup.getByRole('button', { name: 'Decline', exact: true }).click();
    await comment(popup).fill('Blurred document');
    // Opened afterwards, the side panel shows the confirmation left open, with its comment.
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`src/side-panel/index.html?inquiry=${id}`));
    await expect.poll(() => confirm(panel).count(), soon).toBe(1);
    expect(await comment(panel).inputValue()).toBe('Blurred document');
    await comment(panel).focus();

    // Cancelled in the popup: the side panel only showed it, so it closes there too, and the
    // focus goes to its Decline, not to the page.
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm(panel).count(), soon).toBe(0);
    // The focus moves in an effect after the form is gone, a frame or more later when busy.
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.textContent), soon)
      .toBe('Decline');
    // A Cancel closes the form, not the comment: reopened in the side panel, it is there again.
    await panel.getByRole('button', { name: 'Decline', exact: true }).click();
    expect(await comment(panel).inputValue()).toBe('Blurred document');

    // Typed in the side panel, then shown and cancelled in the popup: the side panel's stays
    // open with its text, and stays in the draft for a side panel opened afresh.
    const sideText = 'Side panel: the ID photo is of another person; see ticket 4411';
    await comment(panel).fill(sideText);
    await expect.poll(stored, soon).toBe(sideText);
    // The popup opened again (a reviewer's is, each time): the confirmation left open opens
    // with it, with the side panel's text.
    await popup.reload();
    await expect.poll(() => comment(popup).inputValue(), soon).toBe(sideText);
    // Each stored change of this inquiry's confirmation, from here on.
    await worker.evaluate((inquiry) => {
      const log: (string | null)[] = [];
      (globalThis as unknown as { draftLog: typeof log }).draftLog = log;
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area !== 'session' || !changes.draft) return;
        const entries = (
          changes.draft.newValue as {
            decisions?: { inquiryId: string; comment: string }[];
          }
        )?.decisions;
        log.push(entries?.find((d) => d.inquiryId === inquiry)?.comment ?? null);
      });
    }, id);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    // The popup's Cancel took it from the draft; the side panel, where it was typed, put it back.
    const draftLog = () =>
      worker.evaluate(() => (globalThis as unknown as { draftLog: unknown[] }).draftLog);
    await expect
      .poll(async () => {
        const log = await draftLog();
        return log.includes(null) && log.at(-1);
      }, soon)
      .toBe(sideText);
    expect(await confirm(panel).count()).toBe(1);
    expect(await comment(panel).inputValue()).toBe(sideText);
    expect(await confirm(popup).count()).toBe(0);
    await expect.poll(stored, soon).toBe(sideText);
    expect((await persona(`/inquiries/${id}`)).data).toMatchObject({
      attributes: { status: 'created' },
    });

    // Declined from the popup with its own comment: the side panel says its decline was not
    // sent, and keeps its different comment to copy.
    await popup.getByRole('button', { name: 'Decline', exact: true }).click();
    await comment(popup).fill('Popup: document mismatch');
    await confirm(popup).click();
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('declined');
    await panel.getByRole('button', { name: 'Refresh', exact: true }).click();
    const notice = panel.getByTestId('overtaken');
    await expect.poll(() => notice.count(), soon).toBe(1);
    expect(await notice.textContent()).toContain('Your decline was not sent');
    expect(await notice.locator('blockquote').textContent()).toBe(sideText);
    await popup.close();
    await panel.close();
  });

  it('a decision made in one closes the copy the other only showed, with no word of someone else', async () => {
    const { id, popup } = await confirmationOpen(
      'both-pages-shown',
      'Decline',
      'Duplicate of an earlier inquiry',
    );
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`src/side-panel/index.html?inquiry=${id}`));
    const confirm = (page: Page) => page.getByRole('button', { name: 'Confirm decline' });
    await expect.poll(() => confirm(panel).count(), soon).toBe(1);
    await confirm(popup).click();
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('declined');
    await expect.poll(() => confirm(panel).count(), soon).toBe(0);
    await panel.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(() => panel.getByTestId('status').textContent(), soon).toBe('declined');
    expect(await panel.getByTestId('overtaken').count()).toBe(0);
    await popup.close();
    await panel.close();
  });
});

describe('the default template', () => {
  it('a form left as it was follows a new default saved in the options', async () => {
    const popup = await ext.openPopup('?view=create');
    const box = (page: Page) => page.getByRole('textbox', { name: 'Inquiry template ID' });
    await expect.poll(() => box(popup).inputValue(), soon).toBe(template);
    await popup.getByRole('textbox', { name: 'Reference ID' }).fill('kept-reference');
    const worker = await ext.serviceWorker();
    const stored = () =>
      worker.evaluate(
        async () =>
          ((await chrome.storage.session.get('draft')).draft as { referenceId?: string })
            ?.referenceId,
      );
    await expect.poll(stored, soon).toBe('kept-reference');
    await popup.close();

    const options = await ext.openOptions();
    await options
      .getByRole('textbox', { name: 'Default inquiry template ID' })
      .fill('itmpl_NewDefault2');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByText('Settings saved.').count(), soon).toBe(1);
    await options.close();

    const again = await ext.openPopup('?view=create');
    await expect.poll(() => box(again).inputValue(), soon).toBe('itmpl_NewDefault2');
    // What the reviewer typed stays.
    expect(await again.getByRole('textbox', { name: 'Reference ID' }).inputValue()).toBe(
      'kept-reference',
    );
    await again.close();
  });
});

describe('a watchlist full of inquiries that can still change', () => {
  it('a new inquiry is made all the same, said not watched, and nothing watched is dropped for it', async () => {
    const worker = await ext.serviceWorker();
    const full = Array.from({ length: 1000 }, (_, i) => ({
      id: `inq_Full${String(i).padStart(16, '0')}`,
      status: 'pending',
      addedAt: 1,
      changedAt: 1,
      seen: true,
    }));
    // The sandbox has none of these ids: a check now would find them not there and mark them
    // unlisted, which lets them leave for a new one (watchlist-logic.ts). The watcher is held
    // (a rate-limit hold, as after a 429) so they stay what the test needs: able to change.
    await worker.evaluate(
      (watchlist) =>
        chrome.storage.local.set({
          watchlist,
          pollState: { failures: 0, lastAttemptAt: Date.now(), holdUntil: Date.now() + 120_000 },
        }),
      full,
    );
    try {
      const popup = await openCreate(`full-${Date.now()}`);
      await popup.getByRole('button', { name: 'Create', exact: true }).click();
      await popup.getByRole('heading', { name: 'Inquiry created' }).waitFor(soon);
      expect(await popup.getByTestId('created-unwatched').textContent()).toContain(
        'Created, but not watched: the watchlist is full',
      );
      const id = (await popup.getByTestId('inquiry-id').textContent()) ?? '';
      const watched = await watchlistIds();
      expect(watched).toHaveLength(1000);
      expect(watched).not.toContain(id);
      // Watch, asked for by hand, says why it cannot.
      await popup.getByRole('button', { name: 'View details' }).click();
      await popup.getByRole('button', { name: 'Watch', exact: true }).click();
      await expect
        .poll(() => popup.getByRole('alert').textContent(), soon)
        .toContain('The watchlist is full: 1,000 inquiries that can still change.');
      await popup.close();
    } finally {
      await worker.evaluate(() =>
        chrome.storage.local.set({ watchlist: [], pollState: { failures: 0 } }),
      );
    }
  });
});

describe('an expired one-time link', () => {
  it('is said to be expired and offered neither to copy, in a message, nor to open', async () => {
    const id = await createThroughBackground('expired-link');
    // Its lifetime over, as if the reviewer came back hours later.
    const worker = await ext.serviceWorker();
    await worker.evaluate(async (inquiryId) => {
      const { links } = (await chrome.storage.session.get('links')) as {
        links: Record<string, { expiresAt?: string }>;
      };
      const link = links[inquiryId];
      if (link) link.expiresAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
      await chrome.storage.session.set({ links });
    }, id);
    const popup = await ext.openPopup(`?inquiry=${id}`);
    await expect
      .poll(() => popup.getByTestId('link-expiry').textContent(), soon)
      .toBe('This link has expired. Make a new one.');
    for (const name of ['Copy link', 'Copy message', 'Open link myself…']) {
      expect(await popup.getByRole('button', { name }).count()).toBe(0);
    }
    // What it says to do is there.
    expect(await popup.getByRole('button', { name: 'New link', exact: true }).count()).toBe(1);
    await popup.close();
  });
});

describe('a create that met a 5xx', () => {
  it('retried from the popup, makes exactly one inquiry and never replays the stored 500', async () => {
    const reference = `five-${Date.now()}`;
    const popup = await openCreate(reference);
    const seq = (await controls.requests()).lastSeq;
    // Both of the background's tries fail before anything is made, twice.
    await controls.setFaults({
      errorNext: 4,
      errorRoute: 'POST /inquiries',
      errorStatuses: [500],
      errorTiming: 'before',
    });
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => popup.getByRole('alert').count(), soon).toBe(1);
    expect(await popup.getByRole('alert').textContent()).toContain('server problem');
    expect(await popup.getByRole('alert').textContent()).not.toContain('in a row');
    // The same failure again does not read as the first one still on screen.
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect
      .poll(() => popup.getByRole('alert').textContent(), soon)
      .toContain('Failed 2 times in a row.');

    // The reviewer tries again: a key that got an answer is never sent again (Persona would
    // replay the 500 for 24 hours), so this one succeeds.
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => popup.getByTestId('inquiry-id').count(), soon).toBe(1);
    const id = await popup.getByTestId('inquiry-id').textContent();
    expect((await createsSince(seq)).map((r) => r.status)).toEqual([500, 500, 500, 500, 201]);
    expect(await inquiriesFor(reference)).toEqual([id]);
    await popup.close();
  });

  it('adopts the inquiry a 5xx answer hid, says so, and makes no second one', async () => {
    const reference = `hidden-${Date.now()}`;
    const popup = await openCreate(reference);
    const seq = (await controls.requests()).lastSeq;
    await controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries',
      errorStatuses: [502],
      errorTiming: 'after',
    });
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect
      .poll(() => popup.getByTestId('create-recovery').textContent(), soon)
      .toContain('found by its reference ID');
    const id = await popup.getByTestId('inquiry-id').textContent();
    expect(await inquiriesFor(reference)).toEqual([id]);
    expect((await createsSince(seq)).map((r) => r.status)).toEqual([502]);
    expect(await popup.getByTestId('one-time-link').count()).toBe(1);
    await popup.close();
  });
});

/**
 * Where the focus is, and whether it and the alert are inside the view that scrolls, their top and
 * bottom edges not covered (by the form's buttons, which stay in view at its foot).
 */
function inView(popup: Page) {
  return popup.evaluate(() => {
    const view = document.querySelector('.content')?.getBoundingClientRect();
    const within = (element: Element | null | undefined) => {
      const box = element?.getBoundingClientRect();
      if (!view || !box) return false;
      const shown = (y: number) => element?.contains(document.elementFromPoint(box.left + 4, y));
      return (
        box.top >= view.top - 0.5 &&
        box.bottom <= view.bottom + 0.5 &&
        !!shown(box.top + 2) &&
        !!shown(box.bottom - 2)
      );
    };
    const focused = document.activeElement;
    return {
      focused: focused?.id || focused?.textContent,
      alert: within(document.querySelector('[role="alert"]')),
      focus: within(focused),
      page: document.scrollingElement?.scrollTop,
    };
  });
}

describe('a create that failed, in a popup of 400 × 600', () => {
  it('with no answer, shows its alert and the focused Create in view, not below the popup', async () => {
    const popup = await openCreate(`offline-${Date.now()}`);
    await createWithNoAnswer(popup, controls, soon);
    // The focus comes back, and the view scrolls, after the alert is drawn: a frame or more later
    // when busy.
    await expect
      .poll(() => inView(popup), soon)
      .toEqual({ focused: 'Create', alert: true, focus: true, page: 0 });
    await popup.close();
  });

  it('a malformed template id typed in the form: said at the field, nothing sent, every other field kept', async () => {
    const reference = `bad-template-${Date.now()}`;
    const popup = await openCreate(reference);
    const templateBox = popup.getByRole('textbox', { name: 'Inquiry template ID' });
    const firstName = popup.getByRole('textbox', { name: 'First name' });
    try {
      await templateBox.fill('vtmpl_x');
      await firstName.fill('Ada');
      const seq = (await controls.requests()).lastSeq;
      await popup.getByRole('button', { name: 'Create', exact: true }).click();
      await expect
        .poll(() => popup.locator('#template-id-error').textContent(), soon)
        .toBe(
          'Template IDs are itmpl_ (or a version, itmplv_, or a legacy tmpl_) followed by letters and digits (Dashboard → Inquiries → Templates).',
        );
      expect(await templateBox.getAttribute('aria-invalid')).toBe('true');
      // The id as typed, to correct; the rest as typed.
      expect(await templateBox.inputValue()).toBe('vtmpl_x');
      expect(await popup.getByRole('textbox', { name: 'Reference ID' }).inputValue()).toBe(
        reference,
      );
      expect(await firstName.inputValue()).toBe('Ada');
      // A request it sent would be in the log within a second.
      await popup.waitForTimeout(1_000);
      expect((await controls.requests(seq)).counts['POST /inquiries'] ?? 0).toBe(0);
    } finally {
      // The draft outlives the popup: the next case opens the form on the default template.
      await templateBox.fill(template);
      await firstName.fill('');
      await popup.close();
    }
  });

  it('refused for its template, keeps the template field it focuses in view', async () => {
    // Persona's 422 naming the template: the sandbox takes any well-formed id, so a proxy in
    // front of it answers the create so, and passes every other request on.
    const target = new URL(sandbox().baseUrl);
    const proxy = await startFakeServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.method === 'POST' && req.url?.endsWith('/inquiries')) {
        json(res, 422, {
          errors: [
            {
              title: 'Unprocessable entity',
              details: 'inquiry-template-id is not a template of this organization',
              source: { pointer: '/data/attributes/inquiry-template-id' },
            },
          ],
        });
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'host') headers[name] = value;
      }
      const answer = await fetch(new URL(req.url ?? '/', target.origin), {
        method: req.method,
        headers,
        ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
      });
      const kept: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!/^(access-control|content-encoding|content-length|transfer-encoding)/.test(name)) {
          kept[name] = value;
        }
      });
      res.writeHead(answer.status, kept).end(Buffer.from(await answer.arrayBuffer()));
    });
    try {
      await connectToSandbox(ext, { baseUrl: `${proxy.origin}${target.pathname}` });
      const popup = await openCreate(`refused-${Date.now()}`);
      await popup.getByRole('textbox', { name: 'First name' }).fill('Ada');
      await popup.getByRole('button', { name: 'Create', exact: true }).click();
      await expect.poll(() => popup.getByRole('alert').count(), soon).toBe(1);
      // Persona's reason, where it pointed, and at the field itself.
      expect(await popup.getByRole('alert').textContent()).toBe(
        'Persona rejected the request (at /data/attributes/inquiry-template-id). Persona says: "Unprocessable entity: inquiry-template-id is not a template of this organization". Correct the value and try again.',
      );
      expect(await popup.locator('#template-id-error').textContent()).toBe(
        'inquiry-template-id is not a template of this organization',
      );
      // What was typed is all there, to correct the template and send again.
      expect(await popup.getByRole('textbox', { name: 'Inquiry template ID' }).inputValue()).toBe(
        template,
      );
      expect(await popup.getByRole('textbox', { name: 'Reference ID' }).inputValue()).toMatch(
        /^refused-\d+$/,
      );
      expect(await popup.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Ada');
      await expect
        .poll(() => inView(popup), soon)
        .toMatchObject({
          focused: 'template-id',
          focus: true,
          page: 0,
        });
      // The draft outlives the popup: the next case types a reference of its own, and a prefill
      // left under this one would be asked about there.
      await popup.getByRole('textbox', { name: 'First name' }).fill('');
      await popup.close();
    } finally {
      await proxy.close();
    }
  });
});

describe('a template given by version or by legacy id', () => {
  // Persona's create takes an `itmplv_` version and a legacy `tmpl_` template as well as `itmpl_`.
  async function relationshipsOf(id: string) {
    const response = await fetch(`${baseUrl}/inquiries/${id}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    const { data } = (await response.json()) as {
      data: { relationships: Record<string, { data: { id: string } | null }> };
    };
    return (name: string) => data.relationships[name]?.data?.id;
  }

  it('creates from a named version, says its name, and adopts it after a 5xx hid it', async () => {
    const version = 'itmplv_E2eVersion03';
    await connectToSandbox(ext, { templates: [{ name: 'KYC v3', id: version }] });
    const reference = `version-${Date.now()}`;
    const popup = await openCreate(reference);
    await popup.getByRole('button', { name: 'KYC v3' }).click();
    const templateBox = popup.getByRole('textbox', { name: 'Inquiry template ID' });
    expect(await templateBox.inputValue()).toBe(version);
    const seq = (await controls.requests()).lastSeq;
    // Persona made it, then answered 502: the look-up must know the inquiry by its version.
    await controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries',
      errorStatuses: [502],
      errorTiming: 'after',
    });
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect
      .poll(() => popup.getByTestId('create-recovery').textContent(), soon)
      .toContain('found by its reference ID');
    const id = String(await popup.getByTestId('inquiry-id').textContent());
    expect(await inquiriesFor(reference)).toEqual([id]);
    expect((await createsSince(seq)).map((r) => r.status)).toEqual([502]);
    expect((await relationshipsOf(id))('inquiry-template-version')).toBe(version);
    expect(await popup.getByTestId('template').textContent()).toBe(`Template KYC v3 (${version})`);
    await popup.close();
  });

  it('creates from a legacy template id typed in the form', async () => {
    const legacy = 'tmpl_E2eLegacy01';
    const reference = `legacy-${Date.now()}`;
    const popup = await openCreate(reference);
    await popup.getByRole('textbox', { name: 'Inquiry template ID' }).fill(legacy);
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => popup.getByTestId('inquiry-id').count(), soon).toBe(1);
    const id = String(await popup.getByTestId('inquiry-id').textContent());
    expect(await inquiriesFor(reference)).toEqual([id]);
    expect((await relationshipsOf(id))('template')).toBe(legacy);
    expect(await popup.getByTestId('template').textContent()).toBe(`Template ${legacy}`);
    await popup.close();
  });
});

describe('a create sent over a day ago whose answer never came', () => {
  it('is said so, not shown as a form never sent, with a look-up of its reference', async () => {
    const reference = `long-ago-${Date.now()}`;
    // The draft a popup closed mid-create leaves, sent 25 hours ago: past the day Persona surely
    // keeps an Idempotency-Key.
    const draft = sentDraft(template, reference, 'key-long-ago', Date.now() - 25 * 3_600_000);
    const worker = await ext.serviceWorker();
    // The key in use was saved before that create (this file saves it before each test).
    await worker.evaluate(
      async (savedAt) => {
        const { keyInfo } = await chrome.storage.local.get('keyInfo');
        await chrome.storage.local.set({ keyInfo: { ...(keyInfo as object), savedAt } });
      },
      Date.now() - 26 * 3_600_000,
    );
    await worker.evaluate((value) => chrome.storage.session.set({ draft: value }), draft);
    const seq = (await controls.requests()).lastSeq;
    const popup = await ext.openPopup('?view=create');
    const notice = popup.getByTestId('sent-long-ago');
    await expect.poll(() => notice.textContent(), soon).toContain('over a day ago');
    // Nothing asked by itself.
    expect((await createsSince(seq)).length).toBe(0);
    await popup.getByRole('button', { name: `Look up ${reference}` }).click();
    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).first().textContent(), soon)
      .toContain(reference);
    await popup.close();
  });
});

describe('a create with no reference ID that met a 5xx', () => {
  it('is not tried again blind: the form says to check the dashboard, and one request was made', async () => {
    const popup = await openCreate('');
    const seq = (await controls.requests()).lastSeq;
    // Persona makes the inquiry, then answers 500: only its dashboard can tell.
    await controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries',
      errorStatuses: [500],
      errorTiming: 'after',
    });
    // Asked first, at the field, which takes the focus; nothing is sent.
    const asked = Date.now();
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    const without = popup.getByRole('button', { name: 'Create without reference ID' });
    await expect.poll(() => without.count(), soon).toBe(1);
    // An Enter right after the first is no answer to the question (UX review s71b L1): the
    // answer counts from a second after it was asked. Pressed only while well within it, so a
    // slow machine does not make it an answer.
    const quick = Date.now() - asked < 600;
    if (quick) await popup.keyboard.press('Enter');
    // The focus moves once the question is drawn, a frame after it on a busy machine.
    await expect
      .poll(
        () => popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id),
        soon,
      )
      .toBe('reference-id');
    expect(await popup.getByText(/^No reference ID: /).count()).toBe(1);
    await popup.waitForTimeout(Math.max(0, asked + 1_100 - Date.now()));
    expect(await createsSince(seq)).toEqual([]);
    await without.click();
    await expect.poll(() => popup.getByRole('alert').count(), soon).toBe(1);
    const said = await popup.getByRole('alert').textContent();
    expect(said).toContain('did not try again');
    expect(said).toContain("check Persona's dashboard");
    expect((await createsSince(seq)).map((r) => r.status)).toEqual([500]);
    // Still the form, with the template as typed, for the reviewer to decide.
    expect(await without.count()).toBe(1);
    await popup.close();
  });
});

describe('a worker stopped in the middle of a create', () => {
  it('finishes it on restart: the inquiry is adopted and watched once', async () => {
    const startedAt = Date.now();
    const reference = `stopped-${startedAt}`;
    const popup = await openCreate(reference);
    const seq = (await controls.requests()).lastSeq;
    // The create held while the worker stops, and let go once it has: held for 14 s at most (the
    // client gives up at 15 s), and only the create, so the options page the stop opens is not
    // slowed. A hold let go by time alone ran out, on a busy machine, before the stop.
    await controls.setFaults({ latencyMs: 14_000, latencyRoute: 'POST /inquiries' });
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Creating');
    const worker = await ext.serviceWorker();
    await expect
      .poll(() =>
        worker.evaluate(async () =>
          Object.keys(
            ((await chrome.storage.local.get('pendingCreates')).pendingCreates ?? {}) as object,
          ),
        ),
      )
      .toHaveLength(1);
    await ext.stopServiceWorker();
    await controls.clearFaults();

    await expect.poll(() => popup.getByTestId('inquiry-id').count(), soon).toBe(1);
    const id = await popup.getByTestId('inquiry-id').textContent();
    expect(await popup.getByText(/message channel|did not answer/).count()).toBe(0);
    expect(await inquiriesFor(reference)).toEqual([id]);
    expect((await watchlistIds()).filter((w) => w === id)).toHaveLength(1);
    // The stopped worker's request, then the restarted worker's with the same key: Persona's
    // stored 201 replayed (or a 409 while the first was still running), one inquiry in all.
    const statuses = (await createsSince(seq)).map((r) => r.status);
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    // Logged once, with its inquiry: by the run that finished it, whichever click it started from.
    const creates = async () =>
      (
        (await (
          await ext.serviceWorker()
        ).evaluate(async () => (await chrome.storage.local.get('auditTrail')).auditTrail)) as {
          entries: { at: number; action: string; inquiryId?: string; outcome: string }[];
        }
      ).entries.filter((e) => e.action === 'create' && e.at >= startedAt);
    await expect
      .poll(async () => (await creates()).map((e) => [e.inquiryId, e.outcome]), soon)
      .toEqual([[id, 'ok']]);
    await expect
      .poll(() =>
        ext
          .serviceWorker()
          .then((w) =>
            w.evaluate(async () =>
              Object.keys(
                ((await chrome.storage.local.get('pendingCreates')).pendingCreates ?? {}) as object,
              ),
            ),
          ),
      )
      .toEqual([]);
    await popup.close();
  });
});

describe('a create Persona is slow to answer', () => {
  it('holds the form read-only: a correction typed meanwhile is not taken, and what went is what it shows', async () => {
    const reference = `slow-create-${Date.now()}`;
    const popup = await ext.openPopup('?view=create');
    const templateBox = popup.getByRole('textbox', { name: 'Inquiry template ID' });
    await expect.poll(() => templateBox.inputValue(), soon).toBe(template);
    await popup.getByRole('textbox', { name: 'Reference ID' }).fill(reference);
    const email = popup.getByRole('textbox', { name: 'Email' });
    await email.fill('jane.doe@exmaple.com');
    await controls.setFaults({ latencyMs: 2_000, latencyRoute: 'POST /inquiries' });
    try {
      await popup.getByRole('button', { name: 'Create', exact: true }).click();
      await expect
        .poll(() => popup.getByRole('status').first().textContent(), soon)
        .toContain('Creating');
      // The reviewer spots the typo and corrects it while Create is out (UX review s71b M1: the
      // correction showed, and Persona got the typo).
      expect(await email.getAttribute('readonly')).not.toBeNull();
      await email.focus();
      await popup.keyboard.press('End');
      await popup.keyboard.press('Backspace');
      expect(await email.inputValue()).toBe('jane.doe@exmaple.com');
      await popup.getByRole('button', { name: 'Copy link' }).waitFor(soon);
    } finally {
      await controls.clearFaults();
    }
    const [id] = await inquiriesFor(reference);
    const { data } = await persona(`/inquiries/${id}`);
    const { fields } = (
      data as unknown as { attributes: { fields: Record<string, { value: unknown }> } }
    ).attributes;
    expect(fields['email-address']?.value).toBe('jane.doe@exmaple.com');
    await popup.close();
  });
});

describe('a create form left with one customer’s prefill', () => {
  it('asks before the next customer’s reference goes with it, and Clear prefill sends none', async () => {
    const first = `left-A-${Date.now()}`;
    const next = `left-B-${Date.now()}`;
    // Customer A goes silent halfway: their name and email stay in the draft as the popup closes.
    const left = await openCreate(first);
    await left.getByRole('textbox', { name: 'First name' }).fill('Anna');
    await left.getByRole('textbox', { name: 'Email' }).fill('anna.schmidt@example.com');
    await expect
      .poll(
        () => left.evaluate(async () => (await chrome.storage.session.get('draft')).draft),
        soon,
      )
      .toMatchObject({ referenceId: first, emailAddress: 'anna.schmidt@example.com' });
    await left.close();
    // Later, customer B (UX review s71b M4): the draft, its reference replaced, Enter.
    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: /^New inquiry/ }).click();
    const reference = popup.getByRole('textbox', { name: 'Reference ID' });
    await expect.poll(() => reference.inputValue(), soon).toBe(first);
    await reference.focus();
    await popup.keyboard.press('ControlOrMeta+a');
    await popup.keyboard.type(next);
    const seq = (await controls.requests()).lastSeq;
    await popup.keyboard.press('Enter');
    // Asked at the first filled field, which takes the focus; nothing went.
    const clear = popup.getByRole('button', { name: 'Clear prefill' });
    await clear.waitFor(soon);
    await expect
      .poll(
        () => popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id),
        soon,
      )
      .toBe('name-first');
    expect(await popup.getByText(`Typed while the reference ID was “${first}”.`).count()).toBe(1);
    expect(await createsSince(seq)).toEqual([]);
    await clear.click();
    expect(await popup.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('');
    await popup.getByRole('button', { name: 'Create', exact: true }).click();
    await popup.getByRole('button', { name: 'Copy link' }).waitFor(soon);
    expect(await popup.getByTestId('prefilled').count()).toBe(0);
    const [id] = await inquiriesFor(next);
    const { data } = await persona(`/inquiries/${id}`);
    const { fields } = (
      data as unknown as { attributes: { fields: Record<string, { value: unknown }> } }
    ).attributes;
    expect(fields['email-address']?.value ?? null).toBeNull();
    expect(fields['name-first']?.value ?? null).toBeNull();
    await popup.close();
  });
});

describe('a browser closed in the middle of a create', () => {
  it('finds the inquiry on the next start: watched and logged once, its prefill never on disk', async () => {
    // A browser of its own: this one is closed and started again on the same profile.
    let first: ExtensionHarness | undefined = await launchExtension();
    let second: ExtensionHarness | undefined;
    try {
      await connectToSandbox(first);
      const startedAt = Date.now();
      const reference = `closed-${startedAt}`;
      const popup = await first.openPopup('?view=create');
      const templateBox = popup.getByRole('textbox', { name: 'Inquiry template ID' });
      await expect.poll(() => templateBox.inputValue(), soon).toBe(template);
      await popup.getByRole('textbox', { name: 'Reference ID' }).fill(reference);
      await popup.getByRole('textbox', { name: 'First name' }).fill('Philippa');
      // Slow enough to close the browser while its request is out; the test's own reads of
      // Persona below are not slowed.
      await controls.setFaults({ latencyMs: 2_000, latencyRoute: 'POST /inquiries' });
      await popup.getByRole('button', { name: 'Create', exact: true }).click();
      await expect
        .poll(() => popup.getByRole('status').first().textContent(), soon)
        .toContain('Creating');
      await popup.waitForTimeout(500);
      const profileDir = first.profileDir;
      const closedAt = Date.now();
      await first.context.close();
      first = undefined;
      // Persona made it all the same: the request had reached it.
      await expect.poll(() => inquiriesFor(reference), soon).toHaveLength(1);
      const [id] = await inquiriesFor(reference);
      await controls.clearFaults();

      second = await launchExtension({ profileDir });
      const restarted = await second.serviceWorker();
      const local = () =>
        restarted.evaluate(
          async () =>
            (await chrome.storage.local.get(['watchlist', 'auditTrail', 'pendingCreates'])) as {
              watchlist?: { id: string }[];
              auditTrail?: {
                entries: { at: number; action: string; inquiryId?: string; outcome: string }[];
              };
              pendingCreates?: object;
            },
        );
      await expect
        .poll(async () => ((await local()).watchlist ?? []).map((e) => e.id), soon)
        .toContain(id);
      await expect.poll(async () => (await local()).pendingCreates, soon).toEqual({});
      const after = await local();
      const onDisk = await restarted.evaluate(async () =>
        JSON.stringify(await chrome.storage.local.get(null)),
      );
      expect(onDisk).toContain(reference);
      expect(onDisk).not.toContain('Philippa');
      expect((after.watchlist ?? []).filter((e) => e.id === id)).toHaveLength(1);
      const creates = (after.auditTrail?.entries ?? []).filter(
        (e) => e.action === 'create' && e.at >= startedAt,
      );
      expect(creates.map((e) => [e.inquiryId, e.outcome])).toEqual([[id, 'ok']]);
      // Logged at the click, before the browser closed, not when the next start found it.
      expect(creates[0]?.at).toBeLessThan(closedAt);
      expect(await inquiriesFor(reference)).toEqual([id]);
      // The popup lists it among the watched inquiries.
      const home = await second.openPopup();
      await expect.poll(() => home.getByText(reference).count(), soon).toBeGreaterThan(0);
    } finally {
      await controls.clearFaults();
      await first?.close();
      await second?.close();
    }
  }, 90_000);
});

describe('a worker stopped in the middle of a decision', () => {
  it('logs the decision as interrupted, and the popup shows the status Persona has', async () => {
    const { id, popup } = await openNew('interrupted', true);
    await popup.getByRole('button', { name: 'Approve', exact: true }).click();
    // The approval held while the worker stops (the clearing below lets it go): 14 s at most, as
    // the client gives up at 15 s, and only the approval, so the options page the stop opens is
    // not slowed.
    await controls.setFaults({ latencyMs: 14_000, latencyRoute: 'POST /inquiries/:id/approve' });
    await popup.getByRole('button', { name: 'Confirm approve' }).click();
    const marks = async () =>
      (await ext.serviceWorker()).evaluate(async () =>
        Object.values(
          ((await chrome.storage.local.get('auditPending')).auditPending ?? {}) as object,
        ),
      );
    await expect.poll(marks, soon).toHaveLength(1);
    await ext.stopServiceWorker();
    await controls.clearFaults();

    // The popup reads the inquiry again, which starts the next worker; it logs what was left.
    const { data } = await persona(`/inquiries/${id}`);
    const status = (data as { attributes: { status: string } }).attributes.status;
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe(status);
    await expect.poll(marks, soon).toEqual([]);
    const options = await ext.openOptions();
    const row = options.getByRole('row').filter({ hasText: id }).filter({ hasText: 'Approve' });
    await expect.poll(() => row.count(), soon).toBe(1);
    expect(await row.textContent()).toContain('interrupted');
    await options.getByRole('button', { name: 'Verify' }).click();
    await expect
      .poll(() => options.getByTestId('verify-result').textContent(), soon)
      .toMatch(/^The chain verifies/);
    await options.close();
    await popup.close();
  });
});

describe('a worker stopped in the middle of a decision Persona is slow to make', () => {
  it('is read again until Persona has it, not left showing Approve for a minute', async () => {
    const id = await createThroughBackground('slow-interrupted');
    await controls.finish(id, 'passed');
    const options = await ext.openOptions();
    await options.evaluate(
      (inquiryId) => chrome.runtime.sendMessage({ type: 'unwatch', id: inquiryId }),
      id,
    );
    await options.close();
    expect(await watchlistIds()).not.toContain(id);
    const popup = await ext.openPopup(`?inquiry=${id}`);
    await expect.poll(() => popup.getByTestId('status').textContent(), soon).toBe('completed');
    await popup.getByRole('button', { name: 'Approve', exact: true }).click();
    // Persona makes the approval only after the popup's first read and its first read again (at
    // 4 s) have found the inquiry as it was: held (14 s at most, as the client gives up at 15 s)
    // and let go at that step, not after a time guessed for it.
    await controls.setFaults({ latencyMs: 14_000, latencyRoute: 'POST /inquiries/:id/approve' });
    const { lastSeq: seq } = await controls.requests();
    const sent = Date.now();
    await popup.getByRole('button', { name: 'Confirm approve' }).click();
    // The approval is out (held by the latency) when the worker stops.
    const marks = async () =>
      (await ext.serviceWorker()).evaluate(async () =>
        Object.values(
          ((await chrome.storage.local.get('auditPending')).auditPending ?? {}) as object,
        ),
      );
    await expect.poll(marks, soon).toHaveLength(1);
    const { lastSeq: stopped } = await controls.requests();
    await ext.stopServiceWorker();
    const readsSince = async (from: number) =>
      (await controls.requests(from)).requests.filter(
        (r) => r.route === 'GET /inquiries/:id' && r.path.endsWith(id),
      );
    // When each read reached the sandbox (its clock runs in step with real time here: this test
    // does not move it), in ms after the popup's first read once the decision was lost.
    await expect.poll(async () => (await readsSince(stopped)).length, soon).toBeGreaterThan(0);
    const t0 = Date.parse((await readsSince(stopped))[0]?.time ?? '');
    const sinceFirst = (read: { time: string }) => Date.parse(read.time) - t0;
    // Let go once the read again at 4 s has come, so the approval can only be found by the one at
    // 10 s.
    await expect
      .poll(async () => (await readsSince(stopped)).some((read) => sinceFirst(read) >= 3_500), soon)
      .toBe(true);
    const before = await controls.requests(seq);
    expect(
      before.counts['POST /inquiries/:id/approve'] ?? 0,
      'the 14 s hold ran out before the reads: the machine was too slow for this window',
    ).toBe(0);
    // Meanwhile the status shown is the one from before, and the confirmation says so: the
    // approval may still be made, so it is not "check what the desk shows now" (UX review s71 M1).
    const said = await popup.getByRole('alert').allTextContents();
    expect(said.join(' ')).toContain(
      "The extension's background stopped before Persona answered, so the action may or may not have happened. The desk reads the inquiry again: check its status before trying again.",
    );
    await controls.clearFaults();
    await expect
      .poll(() => popup.getByTestId('status').textContent(), { timeout: 20_000 })
      .toBe('approved');
    // Read again by the detail after Persona made it, 10 s after the decision was lost: unwatched,
    // no poll of the watcher's could find it, and within a read or two, not a minute. The first
    // read after the approval was let go is the one that found it.
    expect(Date.now() - sent).toBeLessThan(20_000);
    const found = (await readsSince(before.lastSeq))[0];
    expect(found, 'no read after the approval was let go').toBeDefined();
    expect(
      found && sinceFirst(found),
      'ms from the first read to the one that found the approval',
    ).toBeGreaterThanOrEqual(9_000);
    await popup.close();
  });
});

describe('the draft, edited in the popup and the side panel at once', () => {
  it('loses nothing either one typed', async () => {
    const popup = await ext.openPopup('?view=create');
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('src/side-panel/index.html?view=create'));
    const box = (page: Page, name: string) => page.getByRole('textbox', { name });
    for (const page of [popup, panel]) {
      await expect.poll(() => box(page, 'Inquiry template ID').inputValue(), soon).toBe(template);
    }
    // Turn by turn, as a reviewer switching between the two would.
    await box(popup, 'Reference ID').fill('both-1');
    await box(panel, 'First name').fill('Ada');
    await box(popup, 'Last name').fill('Lovelace');
    await box(panel, 'Email').fill('ada@example.com');
    await expect.poll(() => box(panel, 'Last name').inputValue(), soon).toBe('Lovelace');
    await expect.poll(() => box(popup, 'Email').inputValue(), soon).toBe('ada@example.com');
    await popup.reload();
    await expect.poll(() => box(popup, 'Reference ID').inputValue(), soon).toBe('both-1');
    expect(await box(popup, 'First name').inputValue()).toBe('Ada');
    expect(await box(popup, 'Last name').inputValue()).toBe('Lovelace');
    expect(await box(popup, 'Email').inputValue()).toBe('ada@example.com');
    await popup.close();
    await panel.close();
  });
});

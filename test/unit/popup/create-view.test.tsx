// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../src/shared/format-date-time.ts';
import type { Draft } from '../../../src/shared/storage-items.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { sentDraft } from '../../fixtures/sent-draft.ts';
import { shownText } from '../shown-text.ts';
import { inquiryReply, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const link = {
  url: 'https://verify.example/l/abc',
  expiresAt: '2099-01-01T00:00:00Z',
  createdAt: 1,
};

async function storedDraft(): Promise<Partial<Draft> | undefined> {
  return (await fakeBrowser.storage.session.get('draft')).draft as Partial<Draft> | undefined;
}

/** The settings as the options page saves them: a default template, and one named "Business". */
function saveDefault(defaultTemplateId: string) {
  return fakeBrowser.storage.local.set({
    settings: { defaultTemplateId, templates: [{ name: 'Business', id: 'itmpl_Business01' }] },
  });
}

function openCreate() {
  render(<DeskShell first={{ name: 'create' }} />);
  return screen.findByRole('textbox', { name: 'Inquiry template ID' });
}

/** A draft whose form was sent under `key` at `at` and got no answer (a closed popup's). */
function storeSentDraft(referenceId: string, key: string, at: number) {
  return fakeBrowser.storage.session.set({
    draft: sentDraft('itmpl_Typed01', referenceId, key, at),
  });
}

/**
 * The reference ID a test types when what it checks is not the form without one: Create asks once
 * before it makes an inquiry with no reference.
 */
function typeReference(value = 'chat-1') {
  fireEvent.input(screen.getByRole('textbox', { name: 'Reference ID' }), { target: { value } });
}

/** A draft left with one customer's name and email, typed for `referenceId`. */
function leftFor(referenceId: string): Draft {
  return {
    templateId: 'itmpl_Typed01',
    referenceId,
    nameFirst: 'Anna',
    nameLast: '',
    emailAddress: 'anna@example.com',
    phoneNumber: '',
    search: '',
  };
}

/** What the create form's field named `name` holds. */
function typed(name: string): string {
  return (screen.getByRole('textbox', { name }) as HTMLInputElement).value;
}

// The page's clock as the no-reference question reads it: a Create within a second of the question
// does not answer it (create-view.tsx). A test reads the question by moving the clock on.
let skipped = 0;
beforeEach(() => {
  skipped = 0;
  const realNow = performance.now.bind(performance);
  vi.spyOn(performance, 'now').mockImplementation(() => realNow() + skipped);
});
afterEach(() => {
  vi.mocked(performance.now).mockRestore();
});
/** The reviewer reads the no-reference question before answering it. */
function readTheQuestion() {
  skipped += 1_000;
}

describe('the create form', () => {
  it('starts from the default template of the settings', async () => {
    stubBackground({});
    await fakeBrowser.storage.local.set({ settings: { defaultTemplateId: 'itmpl_Default01' } });
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    expect(screen.getByText('Your default template.')).toBeTruthy();
  });

  it('where the policy sets no default template, does not send the reviewer to the locked setting', async () => {
    await fakeBrowser.storage.managed.set({ defaultTemplateId: '' });
    stubBackground({});
    const template = await openCreate();
    const hint = () =>
      document.getElementById(template.getAttribute('aria-describedby') ?? '')?.textContent;
    await waitFor(() => expect(hint()).toMatch(/followed by letters and digits\.$/));
    await fakeBrowser.storage.managed.clear();
    // The policy lifted: the way to a default is open again, and said.
    await waitFor(() => expect(hint()).toMatch(/Save a default in the settings/));
  });

  it('says where a default is saved only once the policy is read, not before and then taken back', async () => {
    let answer: (policy: object) => void = () => {};
    const read = vi
      .spyOn(fakeBrowser.storage.managed, 'get')
      .mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
    stubBackground({});
    const template = await openCreate();
    const hint = () =>
      document.getElementById(template.getAttribute('aria-describedby') ?? '')?.textContent;
    await waitFor(() => expect(hint()).toMatch(/followed by letters and digits\.$/));
    answer({});
    await waitFor(() => expect(hint()).toMatch(/Save a default in the settings/));
    read.mockRestore();
  });

  it('with no default saved, says where one is saved; with one, and another typed, says only the rule', async () => {
    stubBackground({});
    const template = await openCreate();
    const hint = () =>
      document.getElementById(template.getAttribute('aria-describedby') ?? '')?.textContent;
    await waitFor(() =>
      expect(hint()).toMatch(
        /followed by letters and digits\. Save a default in the settings, under Inquiries, and each new inquiry starts with it\.$/,
      ),
    );
    cleanup();
    await saveDefault('itmpl_Default01');
    const again = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(again.value).toBe('itmpl_Default01'));
    fireEvent.input(again, { target: { value: 'itmpl_Typed01' } });
    await waitFor(() =>
      expect(
        document.getElementById(again.getAttribute('aria-describedby') ?? '')?.textContent,
      ).toMatch(/followed by letters and digits\.$/),
    );
  });

  it('follows a default saved since, until the reviewer types or picks another', async () => {
    stubBackground({});
    await saveDefault('itmpl_Default01');
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    // The options page saves a new default while the form (or its draft) is open, untouched.
    await saveDefault('itmpl_NewDefault2');
    await waitFor(() => expect(template.value).toBe('itmpl_NewDefault2'));
    expect(screen.getByText('Your default template.')).toBeTruthy();
    // Picked: the reviewer's choice stays when the default changes again.
    fireEvent.click(screen.getByRole('button', { name: 'Business' }));
    await waitFor(() => expect(template.value).toBe('itmpl_Business01'));
    await saveDefault('itmpl_Third00003');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(template.value).toBe('itmpl_Business01');
    // Typed: the same.
    fireEvent.input(template, { target: { value: 'itmpl_Typed00001' } });
    await fakeBrowser.storage.local.set({ settings: { defaultTemplateId: 'itmpl_Fourth0004' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(template.value).toBe('itmpl_Typed00001');
  });

  it('offers the default template as a chip beside the named ones, the way back after another', async () => {
    stubBackground({});
    await saveDefault('itmpl_Default01');
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    fireEvent.click(screen.getByRole('button', { name: 'Business' }));
    await waitFor(() => expect(template.value).toBe('itmpl_Business01'));
    const back = screen.getByRole('button', { name: 'Default' });
    expect(back.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(back);
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    expect(back.getAttribute('aria-pressed')).toBe('true');
  });

  it('offers the default template as a chip with no named templates too', async () => {
    stubBackground({});
    await fakeBrowser.storage.local.set({ settings: { defaultTemplateId: 'itmpl_Default01' } });
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    // Alone, beside the default it would pick, it offers nothing: not shown.
    expect(screen.queryByRole('list', { name: 'Saved templates' })).toBeNull();
    fireEvent.input(template, { target: { value: 'itmpl_Other01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Default' }));
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Saved templates' })).toBeNull());
  });

  it('says on the new inquiry that it is watched, and names its template', async () => {
    stubBackground({
      createInquiry: () => ({
        ...inquiryReply('created', { referenceId: undefined, templateId: 'itmpl_Business01' }),
        link,
      }),
    });
    await fakeBrowser.storage.local.set({
      settings: { templates: [{ name: 'Business', id: 'itmpl_Business01' }] },
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Business01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const named = await screen.findByTestId('template');
    await waitFor(() => expect(named.textContent).toBe('Template Business (itmpl_Business01)'));
    expect(screen.getByText('Watched for changes')).toBeTruthy();
  });

  it('shows the status the watcher finds while the new inquiry is still on screen', async () => {
    const reply = { ...inquiryReply('created', { templateId: 'itmpl_Business01' }), link };
    stubBackground({ createInquiry: () => reply });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Business01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const status = await screen.findByTestId('status');
    expect(status.textContent).toBe('created');
    // The person finishes the flow; the watcher writes what it found.
    const entry = { id: reply.inquiry.id, addedAt: 1, changedAt: Date.now(), seen: false };
    await fakeBrowser.storage.local.set({ watchlist: [{ ...entry, status: 'completed' }] });
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('completed'));
    expect(screen.getByText('Completed, awaiting decision')).toBeTruthy();
  });

  it('says beside Create that Persona refuses this key’s changes, learned from its 403, and ends it when a create goes through', async () => {
    const refused = {
      kind: 'forbidden' as const,
      status: 403,
      title: 'Forbidden',
      details: 'API key does not have the inquiry.write permission',
      message: 'Persona refused this request.',
    };
    let answer: unknown = refused;
    stubBackground({
      createInquiry: () => answer as ReturnType<typeof inquiryReply> & { link: typeof link },
    });
    // Learned of another key: not this one's to say.
    await fakeBrowser.storage.session.set({ writeRefusal: { masked: 'persona_sandbox_…9z9z' } });
    const template = await openCreate();
    expect(screen.queryByTestId('read-only-key')).toBeNull();
    fireEvent.input(template, { target: { value: 'itmpl_Business01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    // Said once beside the refused Create: its alert gives Persona's reason, the note would again.
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('API key does not have the inquiry.write permission');
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('writeRefusal')).writeRefusal).toMatchObject({
        says: 'API key does not have the inquiry.write permission',
      }),
    );
    expect(screen.queryByTestId('read-only-key')).toBeNull();
    // The form opened again, the note carries the reason there.
    cleanup();
    await openCreate();
    const note = await screen.findByTestId('read-only-key');
    expect(note.textContent).toBe(
      'Persona refused the last change made with this key: "API key does not have the inquiry.write permission". It may refuse new inquiries and decisions made with it again until the key’s permissions or allow-list are fixed in the Persona dashboard.',
    );
    // A note, not a lock: Create is still offered.
    expect(screen.getByRole('button', { name: 'Create' }).getAttribute('aria-disabled')).not.toBe(
      'true',
    );
    answer = { ...inquiryReply('created'), link };
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Inquiry created');
    await waitFor(async () =>
      expect(
        (await fakeBrowser.storage.session.get('writeRefusal')).writeRefusal ?? null,
      ).toBeNull(),
    );
  });

  it('says beside Create what the key’s permissions lack, from Test connection or a Save', async () => {
    stubBackground({});
    await fakeBrowser.storage.session.set({ writeRefusal: { masked: 'persona_sandbox_…1a2b' } });
    await openCreate();
    const note = await screen.findByTestId('read-only-key');
    expect(note.textContent).toMatch(
      /^The permissions Persona lists for this key have no inquiry\.write/,
    );
    // Met where the keyboard and a screen reader act: Create is described by it.
    const describedBy = screen
      .getByRole('button', { name: 'Create' })
      .getAttribute('aria-describedby');
    expect(document.getElementById(describedBy ?? '')).toBe(note);
  });

  it('refuses a malformed template id before sending anything', async () => {
    stubBackground({});
    const template = (await openCreate()) as HTMLInputElement;
    fireEvent.input(template, { target: { value: 'vtmpl_notAnInquiryTemplate' } });
    typeReference('chat-7');
    fireEvent.input(screen.getByRole('textbox', { name: 'First name' }), {
      target: { value: 'Ada' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText(/Template IDs are itmpl_/)).toBeTruthy();
    expect(template.getAttribute('aria-invalid')).toBe('true');
    expect(sent('createInquiry')).toHaveLength(0);
    // Nothing typed is lost: the id to correct, and every other field as it was.
    expect(template.value).toBe('vtmpl_notAnInquiryTemplate');
    expect(typed('Reference ID')).toBe('chat-7');
    expect(typed('First name')).toBe('Ada');
    // Said once: the error, not the shape's hint above it too.
    expect(screen.queryByText(/followed by letters and digits\.$/)).toBeNull();
    expect(template.getAttribute('aria-describedby')).toBe('template-id-error');
  });

  it('after a 429, Create waits out the rate-limit window, counting down', async () => {
    stubBackground({
      createInquiry: () => ({
        kind: 'rate_limited',
        status: 429,
        retryAfterSeconds: 40,
        message: 'Wait 40 seconds.',
      }),
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Default01' } });
    typeReference();
    fireEvent.input(screen.getByRole('textbox', { name: 'First name' }), {
      target: { value: 'Ada' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const button = (await screen.findByRole('button', {
      name: 'Create, after the wait',
    })) as HTMLButtonElement;
    expect(shownText(button)).toMatch(/^Create in [34]\d s$/);
    // Refused while it counts down, yet focusable, so a keyboard user's focus stays on it.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(sent('createInquiry')).toHaveLength(1);
    // Said in the desk's words, counting down, and what was typed is all still there.
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Persona's rate limit is reached\. Wait [34]\d s and try again;/,
    );
    expect(typed('Inquiry template ID')).toBe('itmpl_Default01');
    expect(typed('Reference ID')).toBe('chat-1');
    expect(typed('First name')).toBe('Ada');
  });

  it('after a quota 429, waits out the quota too, says so without Persona’s support advice', async () => {
    stubBackground({
      createInquiry: () => ({
        kind: 'quota_exceeded',
        status: 429,
        retryAfterSeconds: 60,
        message: 'Quota used up; it resets in 60 s.',
        details: 'Please reach out to support@withpersona.com if you need this changed.',
      }),
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Default01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const button = await screen.findByRole('button', { name: 'Create, after the wait' });
    expect(shownText(button)).toMatch(/^Create in \d+ s$/);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(
      /quota for creating inquiries is used up; it resets in \d+ s/,
    );
    expect(alert.textContent).not.toContain('support@');
  });

  it('asks once before creating with no reference ID, at the field, and a reference typed creates at once', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    // Nothing sent: the field says why, with the focus, and Create says what the next click does.
    const reference = screen.getByRole('textbox', { name: 'Reference ID' });
    await waitFor(() => expect(document.activeElement).toBe(reference));
    const described = (reference.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described.join(' ')).toMatch(/No reference ID: this inquiry could be found only by/);
    // A question, not a mistake: an optional field left empty is not invalid.
    expect(reference.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText(/^No reference ID:/).className).toBe('field-note');
    expect(sent('createInquiry')).toHaveLength(0);
    const without = screen.getByRole('button', { name: 'Create without reference ID' });
    // A reference typed: the question goes, and Create makes the inquiry with it.
    typeReference('chat-9');
    await waitFor(() => expect(without.textContent).toBe('Create'));
    expect(screen.queryByText(/^No reference ID:/)).toBeNull();
    // Cleared again, the question is not asked twice: the next Create makes it without.
    typeReference('');
    await waitFor(() => expect(without.textContent).toBe('Create without reference ID'));
    readTheQuestion();
    fireEvent.click(without);
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry')).toHaveLength(1);
    expect(sent('createInquiry')[0]).not.toHaveProperty('referenceId');
    // The next form is asked of again.
    fireEvent.click(screen.getByRole('button', { name: 'Create another' }));
    const next = await screen.findByRole('textbox', { name: 'Inquiry template ID' });
    expect(screen.queryByText(/^No reference ID:/)).toBeNull();
    fireEvent.input(next, { target: { value: 'itmpl_Typed01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Create without reference ID' });
    expect(sent('createInquiry')).toHaveLength(1);
  });

  it('takes no answer to the no-reference question within a second of asking it: a second Enter is not one', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    const create = screen.getByRole('button', { name: 'Create' });
    fireEvent.click(create);
    const without = await screen.findByRole('button', { name: 'Create without reference ID' });
    // Enter, Enter 120 ms apart made an inquiry with no reference (UX review s71b L1).
    skipped += 120;
    fireEvent.click(without);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sent('createInquiry')).toHaveLength(0);
    expect(screen.getByText(/^No reference ID:/)).toBeTruthy();
    skipped += 880;
    fireEvent.click(without);
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry')).toHaveLength(1);
  });

  it('asks once when the kept prefill was typed under another reference ID, and creates with it only when told', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    // A draft left for one customer (UX review s71b M4): their name and email stayed in the form.
    await fakeBrowser.storage.session.set({ draft: leftFor('chat-A-100') });
    await openCreate();
    typeReference('chat-B-200');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    // Nothing sent: the first filled field says whose it was, with the focus.
    const first = screen.getByRole('textbox', { name: 'First name' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    const described = (first.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described.join(' ')).toContain('Typed while the reference ID was “chat-A-100”.');
    expect(first.getAttribute('aria-invalid')).toBe('false');
    expect(sent('createInquiry')).toHaveLength(0);
    const withIt = screen.getByRole('button', { name: 'Create with this prefill' });
    expect(screen.getByRole('button', { name: 'Clear prefill' })).toBeTruthy();
    // No answer within a second of the question; then Create makes it with the prefill, and the
    // created panel names what went.
    fireEvent.click(withIt);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sent('createInquiry')).toHaveLength(0);
    readTheQuestion();
    fireEvent.click(withIt);
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry')[0]).toMatchObject({
      referenceId: 'chat-B-200',
      prefill: { nameFirst: 'Anna', emailAddress: 'anna@example.com' },
    });
    expect(screen.getByTestId('prefilled').textContent).toBe('Prefilled: First name, Email');
  });

  it('clears a prefill typed for another reference ID at one click, and creates without it', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    await fakeBrowser.storage.session.set({ draft: leftFor('chat-A-100') });
    await openCreate();
    typeReference('chat-B-200');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clear prefill' }));
    await waitFor(() => expect(typed('First name')).toBe(''));
    expect(typed('Email')).toBe('');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'First name' }));
    await waitFor(async () => expect((await storedDraft())?.emailAddress).toBe(''));
    // The question went with the prefill: Create makes it at once.
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry')[0]).not.toHaveProperty('prefill');
    expect(screen.queryByTestId('prefilled')).toBeNull();
  });

  it('does not ask of a prefill typed under the reference ID it goes with', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    await fakeBrowser.storage.session.set({ draft: leftFor('chat-A-100') });
    await openCreate();
    // Kept and sent for the customer it was typed for.
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry')).toHaveLength(1);
    // The next form: the reference, then the prefill, in this page.
    fireEvent.click(screen.getByRole('button', { name: 'Create another' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Inquiry template ID' }), {
      target: { value: 'itmpl_Typed01' },
    });
    typeReference('chat-C-300');
    fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), {
      target: { value: 'carl@example.com' },
    });
    // A prefill left for another reference and typed in since is the reviewer's own again.
    typeReference('chat-D-400');
    fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), {
      target: { value: 'dora@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry')[1]).toMatchObject({
      referenceId: 'chat-D-400',
      prefill: { emailAddress: 'dora@example.com' },
    });
    // The form emptied once made, before the next test's storage.
    await waitFor(async () => expect((await storedDraft())?.referenceId).toBe(''));
  });

  it('sends a form already sent with no reference ID again at once, as its notice says', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    // Sent by a popup that closed, and said there to have got no answer.
    const draft = sentDraft('itmpl_Typed01', '', 'key-sent', Date.now() - 5_000);
    await fakeBrowser.storage.session.set({
      draft: { ...draft, pendingCreate: { ...draft.pendingCreate, unanswered: true } },
    });
    await openCreate();
    await screen.findByTestId('sent-unanswered');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry').map((r) => r.idempotencyKey)).toEqual(['key-sent']);
  });

  it('takes the focus to the first field a problem marks', async () => {
    stubBackground({});
    await fakeBrowser.storage.local.set({ settings: { defaultTemplateId: 'itmpl_Default01' } });
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    const email = screen.getByRole('textbox', { name: 'Email' });
    fireEvent.input(email, { target: { value: 'jane.doe@example' } });
    const create = screen.getByRole('button', { name: 'Create' });
    create.focus();
    fireEvent.click(create);
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-describedby')).toContain('email-address-error');
    expect(sent('createInquiry')).toHaveLength(0);
  });

  it('takes the focus to a field with an error before the no-reference question', async () => {
    stubBackground({});
    await fakeBrowser.storage.local.set({ settings: { defaultTemplateId: 'itmpl_Default01' } });
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const without = await screen.findByRole('button', { name: 'Create without reference ID' });
    // Asked, then a mistake made further down: that is what stops the next Create.
    const email = screen.getByRole('textbox', { name: 'Email' });
    fireEvent.input(email, { target: { value: 'jane.doe@example' } });
    readTheQuestion();
    without.focus();
    fireEvent.click(without);
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(sent('createInquiry')).toHaveLength(0);
  });

  it('asks for a template when there is none', async () => {
    stubBackground({});
    await openCreate();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText(/Enter the inquiry template ID/)).toBeTruthy();
    expect(sent('createInquiry')).toHaveLength(0);
  });

  it('keeps what is typed in storage.session as it is typed, and shows it again', async () => {
    stubBackground({});
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Reference ID' }), {
      target: { value: 'ticket-7' },
    });
    await waitFor(async () =>
      expect(await storedDraft()).toMatchObject({
        templateId: 'itmpl_Typed01',
        referenceId: 'ticket-7',
      }),
    );
  });

  it('restores a draft left by a popup that closed', async () => {
    stubBackground({});
    await fakeBrowser.storage.session.set({
      draft: {
        templateId: 'itmpl_Kept01',
        referenceId: 'ref-kept',
        nameFirst: 'Ada',
        nameLast: '',
        emailAddress: '',
        phoneNumber: '',
        search: '',
      },
    });
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Kept01'));
    expect((screen.getByRole('textbox', { name: 'Reference ID' }) as HTMLInputElement).value).toBe(
      'ref-kept',
    );
    expect((screen.getByRole('textbox', { name: 'First name' }) as HTMLInputElement).value).toBe(
      'Ada',
    );
  });

  it('creates with one request and a fresh idempotency key per click, then clears the draft', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Reference ID' }), {
      target: { value: 'ticket-7' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), {
      target: { value: 'ada@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(screen.getByTestId('one-time-link').textContent).toBe(link.url);
    // Opening spends the customer's single-use link: only after a confirmation that says so.
    expect(screen.queryByRole('link', { name: /Open/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open link myself…' }));
    expect(screen.getByRole('group', { name: 'Confirm open link' }).textContent).toMatch(
      /uses the customer’s single-use link/,
    );
    expect(screen.getByRole('link', { name: 'Open and use the link' }).getAttribute('href')).toBe(
      link.url,
    );
    // Asked, the focus is on the safe answer; Escape closes the question, not the popup.
    const opener = screen.getByRole('button', { name: 'Open link myself…' });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })),
    );
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('link', { name: 'Open and use the link' })).toBeNull();
    expect(document.activeElement).toBe(opener);
    const [request] = sent('createInquiry');
    expect(request).toMatchObject({
      templateId: 'itmpl_Typed01',
      referenceId: 'ticket-7',
      prefill: { emailAddress: 'ada@example.com' },
    });
    expect(request?.prefill).not.toHaveProperty('nameFirst');
    await waitFor(async () =>
      expect(await storedDraft()).toMatchObject({ referenceId: '', emailAddress: '' }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Create another' }));
    const again = await screen.findByRole('textbox', { name: 'Inquiry template ID' });
    // The next one is typed at once, not after finding the form from the top of the page.
    await waitFor(() => expect(document.activeElement).toBe(again));
    fireEvent.input(again, { target: { value: 'itmpl_Typed01' } });
    typeReference('ticket-8');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(2));
    const keys = sent('createInquiry').map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
  });

  it('holds its fields read-only while the create is out: what went is what the form shows', async () => {
    let answer: (reply: never) => void = () => {};
    stubBackground({
      createInquiry: () =>
        new Promise((resolve) => {
          answer = resolve as (reply: never) => void;
        }),
    });
    await saveDefault('itmpl_Default01');
    await openCreate();
    typeReference('ew-1');
    fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), {
      target: { value: 'jane.doe@exmaple.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(1));
    const email = screen.getByRole('textbox', { name: 'Email' }) as HTMLInputElement;
    // An email corrected meanwhile would not go with the create, and its answer empties the form
    // (UX review s71b M1): every field is read-only, each chip held, till the answer.
    await waitFor(() => expect(email.readOnly).toBe(true));
    for (const name of ['Inquiry template ID', 'Reference ID', 'First name', 'Phone']) {
      expect((screen.getByRole('textbox', { name }) as HTMLInputElement).readOnly, name).toBe(true);
    }
    const chip = screen.getByRole('button', { name: 'Business' });
    expect(chip.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(chip);
    expect(typed('Inquiry template ID')).toBe('itmpl_Default01');
    answer({ ...inquiryReply('created'), link } as never);
    expect(await screen.findByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(sent('createInquiry')[0]).toMatchObject({
      referenceId: 'ew-1',
      prefill: { emailAddress: 'jane.doe@exmaple.com' },
    });
  });

  it('keeps the typed draft when the create fails, and says what happened', async () => {
    stubBackground({
      createInquiry: () => ({
        kind: 'server',
        status: 500,
        message: 'The desk has read the inquiry again: check it before trying again.',
        requestId: 'req-9',
      }),
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Reference ID' }), {
      target: { value: 'keep-me' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    // Said as what happened to this create: a create has no inquiry to have been read again.
    const said = (await screen.findByRole('alert')).textContent;
    expect(said).toContain('Persona had a server problem (500), twice');
    expect(said).toContain('found no inquiry with this reference ID');
    expect(said).not.toContain('read the inquiry again');
    expect(screen.getByText('req-9')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Reference ID' }) as HTMLInputElement).value).toBe(
      'keep-me',
    );
    await waitFor(async () =>
      expect(await storedDraft()).toMatchObject({ referenceId: 'keep-me' }),
    );
  });

  it('offers the settings when there is no key', async () => {
    stubBackground({
      createInquiry: () => ({ kind: 'no_key', message: 'No API key saved. Open the settings.' }),
    });
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open settings' }));
    expect(open).toHaveBeenCalled();
  });

  it('retries a failed create with the same key and link lifetime, though the settings changed; an edited one with new ones', async () => {
    let fail = true;
    stubBackground({
      createInquiry: () =>
        fail
          ? { kind: 'timeout', message: 'Persona did not answer in time.' }
          : { ...inquiryReply('created'), link },
    });
    await fakeBrowser.storage.local.set({ settings: { linkExpiryHours: 24 } });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Persona did not answer in time.');
    // The lifetime changed before the retry: the same key goes with the lifetime it was sent with.
    await fakeBrowser.storage.local.set({ settings: { linkExpiryHours: 48 } });
    await waitFor(async () =>
      expect((await storedDraft())?.pendingCreate?.linkSeconds).toBe(86_400),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(2));
    // Another form is another create: a new key, and the lifetime the settings say now.
    fireEvent.input(screen.getByRole('textbox', { name: 'Reference ID' }), {
      target: { value: 'changed' },
    });
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Copy link' });
    const [first, retry, edited] = sent('createInquiry');
    expect(retry?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(edited?.idempotencyKey).not.toBe(first?.idempotencyKey);
    expect([first, retry, edited].map((r) => r?.linkSeconds)).toEqual([86_400, 86_400, 172_800]);
  });

  it('reuses the failed try’s key in a popup opened again, sent only on a click there, and forgets it after a success', async () => {
    let fail = true;
    stubBackground({
      createInquiry: () =>
        fail
          ? { kind: 'timeout', message: 'Persona had a problem.' }
          : { ...inquiryReply('created'), link },
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Persona had a problem.');
    await waitFor(async () => expect((await storedDraft())?.pendingCreate?.key).toBeTruthy());
    cleanup(); // the popup closes when focus leaves it

    fail = false;
    await openCreate();
    await waitFor(() =>
      expect(
        (screen.getByRole('textbox', { name: 'Inquiry template ID' }) as HTMLInputElement).value,
      ).toBe('itmpl_Typed01'),
    );
    // Its failure was shown: opening the form again sends nothing, and says why it waits.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent('createInquiry')).toHaveLength(1);
    expect(screen.getByTestId('sent-unanswered').textContent).toContain('got no answer');
    expect(screen.getByRole('button', { name: 'Create' }).getAttribute('aria-describedby')).toBe(
      'sent-unanswered',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Copy link' });
    const [first, again] = sent('createInquiry').map((r) => r.idempotencyKey);
    expect(again).toBe(first);
    await waitFor(async () => expect((await storedDraft())?.pendingCreate).toBeUndefined());
  });

  it('a popup closed before its create was answered: the next one asks for that answer on opening the form, within the day', async () => {
    const sentAt = (hoursAgo: number, referenceId: string) =>
      storeSentDraft(referenceId, `key-${referenceId}`, Date.now() - hoursAgo * 3_600_000);
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    // Sent a day ago: Persona may have forgotten the key, and a new create under it would be a
    // second inquiry. The form waits for the reviewer.
    await sentAt(24, 'ticket-old');
    await openCreate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent('createInquiry')).toEqual([]);
    // And it says so, not as a form never sent: Create may make a second inquiry now, so the way
    // to look for the first one by its reference is offered.
    expect(screen.getByTestId('sent-long-ago').textContent).toContain('over a day ago');
    expect(screen.getByRole('button', { name: 'Create' }).getAttribute('aria-describedby')).toBe(
      'sent-long-ago',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Look up ticket-old' }));
    await screen.findByRole('heading', { name: /Results for/ });
    expect(sent('findInquiries')).toEqual([{ type: 'findInquiries', query: 'ticket-old' }]);
    cleanup();
    // Sent a minute ago: the same create, under the same key.
    await sentAt(1 / 60, 'ticket-new');
    render(<DeskShell first={{ name: 'create' }} />);
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry').map((r) => [r.idempotencyKey, r.referenceId])).toEqual([
      ['key-ticket-new', 'ticket-new'],
    ]);
    // With its click's time: the background logs it then, and after a 5xx looks from then.
    expect(sent('createInquiry')[0]?.clickedAt).toBeLessThan(Date.now() - 50_000);
  });

  it('a create whose form closed before its answer (another view opened) is kept: the next opening shows it, under its key', async () => {
    let release: (reply: unknown) => void = () => {};
    let first = true;
    stubBackground({
      createInquiry: () =>
        first
          ? // Answered when the test says (the stub's type knows no promise; it resolves one).
            (new Promise((resolve) => {
              release = resolve;
            }) as never)
          : { ...inquiryReply('created'), link },
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Reference ID' }), {
      target: { value: 'ticket-away' },
    });
    await waitFor(async () => expect((await storedDraft())?.referenceId).toBe('ticket-away'));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(1));
    cleanup(); // a lookup in this window opened another view while the create was out
    first = false;
    release({ ...inquiryReply('created'), link });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const kept = await storedDraft();
    expect(kept?.referenceId).toBe('ticket-away');
    expect(kept?.pendingCreate?.key).toBe(sent('createInquiry')[0]?.idempotencyKey);
    // Not shown, so not spent: opening the form asks for it under its key and shows it.
    render(<DeskShell first={{ name: 'create' }} />);
    await screen.findByRole('button', { name: 'Copy link' });
    const [one, two] = sent('createInquiry').map((r) => r.idempotencyKey);
    expect(two).toBe(one);
  });

  it('a successful create empties only the form: a confirmation another page changed meanwhile stays as it now is', async () => {
    let release: (reply: unknown) => void = () => {};
    stubBackground({
      createInquiry: () =>
        new Promise((resolve) => {
          release = resolve;
        }) as never,
    });
    // The side panel has a decline being confirmed on another inquiry.
    const typing = { inquiryId: 'inq_Other0000001', action: 'decline' as const, comment: 'x' };
    const template = await openCreate();
    await fakeBrowser.storage.session.set({
      draft: { ...((await storedDraft()) as Draft), decisions: [typing] },
    });
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    await waitFor(async () => expect((await storedDraft())?.templateId).toBe('itmpl_Typed01'));
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(1));
    // While the create is out, the side panel sends that decline: its entry is marked sent.
    const sentDecline = { ...typing, sent: true, sentAt: Date.now() };
    await fakeBrowser.storage.session.set({
      draft: { ...((await storedDraft()) as Draft), decisions: [sentDecline] },
    });
    release({ ...inquiryReply('created'), link });
    await screen.findByRole('button', { name: 'Copy link' });
    await waitFor(async () => expect((await storedDraft())?.pendingCreate).toBeUndefined());
    expect((await storedDraft())?.decisions).toEqual([sentDecline]);
  });

  it('a create sent with a key saved over since: the form says so and waits; Create sends it under its key', async () => {
    const referenceId = 'ticket-rot-1';
    const sentAt = Date.now() - 60_000;
    await storeSentDraft(referenceId, 'key-rot', sentAt);
    // The new key, saved in the options after the create went out.
    await fakeBrowser.storage.local.set({
      keyInfo: { masked: 'persona_sandbox_…9z9z', environment: 'sandbox', savedAt: Date.now() },
    });
    let answer = false;
    stubBackground({
      createInquiry: () =>
        answer
          ? { ...inquiryReply('created'), link }
          : { kind: 'timeout', message: 'Persona did not answer in time.' },
    });
    await openCreate();
    const notice = await screen.findByTestId('sent-earlier-key');
    expect(notice.textContent).toMatch(
      /^This form was sent on .+ with the key saved before this one.+look there before you create it again\.$/,
    );
    expect(notice.textContent).toContain(formatDateTime(sentAt));
    // Heard with Create, not only where the form opens (the focus is in a field then).
    expect(
      screen.getByRole('button', { name: 'Create', description: /with the key saved before/ }),
    ).toBeTruthy();
    expect(screen.queryByTestId('key-changed')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent('createInquiry')).toEqual([]);
    // The reviewer's choice: sent under the same Idempotency-Key, which Persona may replay. No
    // answer this time either: it is now a create sent with the new key, and no longer said to be
    // the earlier key's.
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText('Persona did not answer in time.');
    expect(screen.queryByTestId('sent-earlier-key')).toBeNull();
    expect((await storedDraft())?.pendingCreate?.at).toBeGreaterThan(sentAt);
    answer = true;
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry').map((r) => r.idempotencyKey)).toEqual(['key-rot', 'key-rot']);
  });

  it('a key saved since in the options: the old key’s error goes, and the form says Create uses the new key', async () => {
    stubBackground({
      createInquiry: () => ({
        kind: 'unauthorized',
        message: 'Persona did not accept the API key. Check the key in the options.',
      }),
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByText(/Persona did not accept the API key/);
    // Saved in the options: the background wipes the session, puts the draft back and stores the
    // new key.
    const kept = await fakeBrowser.storage.session.get('draft');
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.storage.session.set(kept);
    await fakeBrowser.storage.local.set({
      keyInfo: { masked: 'persona_sandbox_…9z9z', environment: 'sandbox', savedAt: 2 },
    });
    expect((await screen.findByTestId('key-changed')).textContent).toBe(
      'A new key was saved: Create now sends with it. The form is as you left it.',
    );
    expect(screen.queryByText(/Persona did not accept the API key/)).toBeNull();
    await waitFor(() => expect((template as HTMLInputElement).value).toBe('itmpl_Typed01'));
  });

  it('never reuses a key that got an answer: a 5xx is stored under it by Persona', async () => {
    let fail = true;
    stubBackground({
      createInquiry: () =>
        fail
          ? { kind: 'server', status: 500, message: 'Persona had a server problem (500).' }
          : { ...inquiryReply('created'), link },
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    // Asked first, then made without one.
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const without = await screen.findByRole('button', { name: 'Create without reference ID' });
    readTheQuestion();
    fireEvent.click(without);
    // No reference ID to look for it by: said so.
    expect((await screen.findByRole('alert')).textContent).toContain('With no reference ID');
    await waitFor(async () => expect((await storedDraft())?.pendingCreate).toBeUndefined());
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Create without reference ID' }));
    await screen.findByRole('button', { name: 'Copy link' });
    const [first, again] = sent('createInquiry').map((r) => r.idempotencyKey);
    expect(again).not.toBe(first);
  });

  it('sends one create for two submits in the same task', async () => {
    stubBackground({ createInquiry: () => ({ ...inquiryReply('created'), link }) });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    typeReference();
    const form = template.closest('form') as HTMLFormElement;
    fireEvent.submit(form);
    fireEvent.submit(form);
    await screen.findByRole('button', { name: 'Copy link' });
    expect(sent('createInquiry')).toHaveLength(1);
  });

  it('asks again with the same key when the background stopped mid-create, and shows the inquiry', async () => {
    let calls = 0;
    stubBackground({
      createInquiry: () => {
        calls += 1;
        return calls === 1
          ? { kind: 'disconnected', message: 'The extension background did not answer.' }
          : { ...inquiryReply('created'), link };
      },
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    typeReference();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(screen.queryByText(/did not answer/)).toBeNull();
    const [first, again] = sent('createInquiry').map((r) => r.idempotencyKey);
    expect(again).toBe(first);
  });

  it.each([
    ['adopted', /the inquiry was then found by its reference ID customer-42/],
    ['retried', /had been made since the click, so it was created again with a new request/],
  ] as const)('tells the reviewer when a create was %s after a 5xx', async (recovery, text) => {
    stubBackground({
      createInquiry: () => ({ ...inquiryReply('created'), link, recovery }),
    });
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    typeReference('customer-42');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('create-recovery')).textContent).toMatch(text);
    // Read with the heading that takes the focus, as it is said nowhere else.
    const heading = screen.getByRole('heading', { name: 'Inquiry created' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const describedBy = heading.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toMatch(text);
  });

  it('keeps the fields another page typed meanwhile (popup and side panel at once)', async () => {
    stubBackground({});
    const template = await openCreate();
    fireEvent.input(template, { target: { value: 'itmpl_Typed01' } });
    await waitFor(async () => expect((await storedDraft())?.templateId).toBe('itmpl_Typed01'));
    // The side panel writes its own field, with the whole draft it had read before.
    const other = (await storedDraft()) as Draft;
    await fakeBrowser.storage.session.set({ draft: { ...other, nameFirst: 'Ada' } });
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'First name' }) as HTMLInputElement).value).toBe(
        'Ada',
      ),
    );
    fireEvent.input(screen.getByRole('textbox', { name: 'Reference ID' }), {
      target: { value: 'ticket-8' },
    });
    await waitFor(async () =>
      expect(await storedDraft()).toMatchObject({
        templateId: 'itmpl_Typed01',
        nameFirst: 'Ada',
        referenceId: 'ticket-8',
      }),
    );
  });

  it('a patch from this page never wipes a field only storage has', async () => {
    stubBackground({});
    const template = await openCreate();
    // Another page wrote a field this page has not heard about yet (its event still on the way).
    await fakeBrowser.storage.session.set({
      draft: {
        templateId: '',
        referenceId: '',
        nameFirst: '',
        nameLast: 'Lovelace',
        emailAddress: '',
        phoneNumber: '',
        search: '',
      },
    });
    fireEvent.input(template, { target: { value: 'itmpl_Typed02' } });
    await waitFor(async () =>
      expect(await storedDraft()).toMatchObject({
        templateId: 'itmpl_Typed02',
        nameLast: 'Lovelace',
      }),
    );
  });

  it('says under the reference ID when Persona has inquiries with it the person can still finish, with the way to the newest', async () => {
    const open = {
      id: 'inq_SameReference01',
      status: 'pending',
      referenceId: 'chat-7',
      createdAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    };
    stubBackground({
      listInquiries: (request) =>
        request.referenceId === 'chat-7'
          ? { items: [open], next: null }
          : { items: [], next: null },
      getInquiry: () => inquiryReply('pending', { id: open.id, referenceId: 'chat-7' }),
    });
    await openCreate();
    typeReference('chat-');
    typeReference('chat-7');
    const note = await screen.findByTestId('same-reference');
    expect(note.textContent).toBe(
      'Inquiries still open with this reference ID: 1 (the newest: In progress, made 20 minutes ago). Another would send the person a second link. Open the newest',
    );
    // Asked once the typing paused, for that reference alone, and only those still open.
    expect(sent('listInquiries')).toEqual([
      {
        type: 'listInquiries',
        statuses: ['created', 'pending'],
        referenceId: 'chat-7',
        pageSize: 100,
        // A note nobody asked for: a 429 is not waited out and sent again.
        quiet: true,
      },
    ]);
    // A note, not a lock: Create is still offered.
    expect(screen.getByRole('button', { name: 'Create' }).getAttribute('aria-disabled')).not.toBe(
      'true',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open the newest' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(open.id),
    );
  });

  it('says nothing of a reference ID with none open, or when Persona does not answer', async () => {
    let answer: unknown = { items: [], next: null };
    stubBackground({ listInquiries: () => answer as { items: []; next: null } });
    await openCreate();
    typeReference('chat-8');
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(1));
    answer = { kind: 'network', message: 'Nothing answers.' };
    typeReference('chat-9');
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('same-reference')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("asks nothing while Persona's rate-limit window is spent, or the watcher holds for it", async () => {
    stubBackground({ listInquiries: () => ({ items: [], next: null }) });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 900));
    const resetAt = Date.now() + 60_000;
    await fakeBrowser.storage.local.set({
      pollState: { failures: 0, rateLimit: { limit: 300, remaining: 0, resetAt } },
    });
    await openCreate();
    typeReference('chat-10');
    await pause();
    // The window nearly spent: the watcher holds its checks till it resets (next-hold.ts).
    await fakeBrowser.storage.local.set({
      pollState: { failures: 0, holdUntil: resetAt },
    });
    typeReference('chat-11');
    await pause();
    expect(sent('listInquiries')).toHaveLength(0);
    // A back-off after failures is not the limit: asked, and nothing said if Persona is out.
    await fakeBrowser.storage.local.set({ pollState: { failures: 2, holdUntil: resetAt } });
    typeReference('chat-12');
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(1));
  });

  it('asks once for each reference while the form is open', async () => {
    const open = { id: 'inq_SameReference02', status: 'created', referenceId: 'chat-7' };
    stubBackground({
      listInquiries: (request) => ({
        items: request.referenceId === 'chat-7' ? [open] : [],
        next: null,
      }),
    });
    await openCreate();
    typeReference('chat-7');
    await screen.findByTestId('same-reference');
    typeReference('chat-70');
    await waitFor(() => expect(screen.queryByTestId('same-reference')).toBeNull());
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(2));
    typeReference('chat-7');
    await screen.findByTestId('same-reference');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(sent('listInquiries').map((request) => request.referenceId)).toEqual([
      'chat-7',
      'chat-70',
    ]);
  });

  it('asks nothing while a create is being sent', async () => {
    // No answer to the create: it stays on its way.
    stubBackground({ listInquiries: () => ({ items: [], next: null }) });
    await saveDefault('itmpl_Default01');
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    typeReference('chat-20');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(sent('listInquiries')).toHaveLength(0);
  });

  it('asks nothing for a reference left, or a create begun, while the rate limit was being read', async () => {
    stubBackground({ listInquiries: () => ({ items: [], next: null }) });
    await saveDefault('itmpl_Default01');
    const template = (await openCreate()) as HTMLInputElement;
    await waitFor(() => expect(template.value).toBe('itmpl_Default01'));
    // The poll state's read held until the create is on its way.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (
      keys?: unknown,
    ) => {
      if (keys === 'pollState') await held;
      return get(keys as string);
    }) as typeof fakeBrowser.storage.local.get);
    typeReference('chat-30');
    await waitFor(() => expect(spy.mock.calls.some(([keys]) => keys === 'pollState')).toBe(true), {
      timeout: 2_000,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(1));
    release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent('listInquiries')).toHaveLength(0);
    spy.mockRestore();
  });
});

// @vitest-environment happy-dom
// The options page says when its form holds what is not saved, asks before the tab closes then,
// and saves only what was changed in it, over what is stored at that moment: a second tab's stale
// form used to be written whole over the first tab's Save.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../src/options/options-app.tsx';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { defaultSettings, type Settings } from '../../../src/shared/settings.ts';
import { writeItem } from '../../../src/shared/storage.ts';
import { settingsItem } from '../../../src/shared/storage-items.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

const first: Settings = { ...defaultSettings(), chatTemplate: 'Old: {link}' };

async function openPage() {
  await writeItem(settingsItem, first);
  vi.mocked(sendRequest).mockClear();
  vi.mocked(sendRequest).mockImplementation((async (request: { settings?: Settings }) => ({
    settings: request.settings,
    keyInfo: null,
  })) as never);
  render(<OptionsApp />);
  const chat = (await screen.findByRole('textbox', {
    name: 'Chat message template',
  })) as HTMLTextAreaElement;
  await waitFor(() => expect(chat.value).toBe(first.chatTemplate));
  return chat;
}

const saves = () =>
  vi
    .mocked(sendRequest)
    .mock.calls.map(([request]) => request)
    .filter((request) => request.type === 'saveOptions');
const status = () => screen.getByTestId('save-status').textContent;
/** Whether closing the tab now would ask first. */
const asksOnClose = () => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
const lifetime = () =>
  screen.getByRole('spinbutton', { name: 'One-time link lifetime (hours)' }) as HTMLInputElement;

describe('unsaved changes on the options page', () => {
  it('are marked beside Save and asked about on closing, until typed back or saved', async () => {
    const chat = await openPage();
    expect(status()).toBe('');
    expect(asksOnClose()).toBe(false);

    fireEvent.input(chat, { target: { value: 'New: {link}' } });
    await waitFor(() => expect(status()).toBe('Unsaved changes'));
    expect(asksOnClose()).toBe(true);
    // Typed back as stored: nothing to lose.
    fireEvent.input(chat, { target: { value: first.chatTemplate } });
    await waitFor(() => expect(status()).toBe(''));
    expect(asksOnClose()).toBe(false);

    fireEvent.input(chat, { target: { value: 'New: {link}' } });
    await waitFor(() => expect(asksOnClose()).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings saved.');
    expect(status()).toBe('');
    expect(asksOnClose()).toBe(false);
  });

  it('a typed key, not saved yet, is unsaved too', async () => {
    await openPage();
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'persona_sandbox_x' } });
    await waitFor(() => expect(status()).toBe('Unsaved changes'));
    expect(asksOnClose()).toBe(true);
  });

  it('follows another tab’s Save in fields not edited here, keeps the typing in those edited, and saves only those', async () => {
    const chat = await openPage();
    fireEvent.input(lifetime(), { target: { value: '48' } });
    await waitFor(() => expect(status()).toBe('Unsaved changes'));
    expect(screen.queryByTestId('saved-elsewhere')).toBeNull();

    // Another tab saves a new chat message and a link lifetime of 12.
    await writeItem(settingsItem, {
      ...first,
      chatTemplate: 'Other tab: {link}',
      linkExpiryHours: 12,
    });
    await waitFor(() => expect(chat.value).toBe('Other tab: {link}'));
    expect(lifetime().value).toBe('48');
    expect(screen.getByTestId('saved-elsewhere').textContent).toContain('saved in another tab');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings saved.');
    expect(saves()).toMatchObject([
      { settings: { chatTemplate: 'Other tab: {link}', linkExpiryHours: 48 } },
    ]);
    expect(screen.queryByTestId('saved-elsewhere')).toBeNull();
    expect(status()).toBe('');
  });

  it('a Save with a wrong field saves nothing and keeps every change typed', async () => {
    const chat = await openPage();
    fireEvent.input(lifetime(), { target: { value: '48' } });
    fireEvent.input(chat, { target: { value: 'No link here' } });
    const save = screen.getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(chat.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(chat));
    expect(saves()).toEqual([]);
    expect(lifetime().value).toBe('48');
    expect(status()).toBe('Unsaved changes');
  });
});

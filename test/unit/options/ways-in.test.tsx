// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WaysIn } from '../../../src/options/ways-in.tsx';

afterEach(cleanup);

/** The browser's commands, the popup's bound to `shortcut` ('' for none). */
function bindShortcut(shortcut: string) {
  // fake-browser types getAll as Chrome's callback form; the desk calls it for a promise.
  const getAll = () => Promise.resolve([{ name: '_execute_action', shortcut }]);
  return vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation(getAll as never);
}

const items = () => [...document.querySelectorAll('.ways-in li')].map((li) => li.textContent);

describe('the ways to the desk, said on the options page', () => {
  it('names the right-click lookup, the keyword and the shortcut the browser has now', async () => {
    bindShortcut('Ctrl+Shift+Y');
    render(<WaysIn addressBar contextMenu />);
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(items()).toEqual([
      'Select an inquiry ID or reference on any page, right-click it and choose “Look up in Inquiry Desk”.',
      'Type kyc, a space and the ID or reference in the address bar.',
      "Ctrl+Shift+Y opens Inquiry Desk's popup. Change shortcut",
    ]);
    expect(screen.getByRole('heading', { name: 'Look up from anywhere' })).toBeTruthy();
    expect(screen.getByTestId('ways-in').textContent).toContain(
      "Lookups open in Inquiry Desk's side panel, which stays beside your chat.",
    );
  });

  it('leaves out what the settings or the policy turned off, and says when no key is bound', async () => {
    const asked = bindShortcut('');
    render(<WaysIn addressBar={false} contextMenu />);
    await waitFor(() => expect(asked).toHaveBeenCalled());
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items()).toEqual([
      'Select an inquiry ID or reference on any page, right-click it and choose “Look up in Inquiry Desk”.',
      "No keyboard shortcut opens Inquiry Desk's popup. Set a shortcut",
    ]);
  });
});

describe('when the browser will not help', () => {
  it('offers its shortcuts page even when it will not say the shortcut, and says where the page is when it will not open it', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((() =>
      Promise.reject(new Error('no commands'))) as never);
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((() =>
      Promise.reject(new Error('not allowed'))) as never);
    render(<WaysIn addressBar={false} contextMenu={false} />);
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.click(await screen.findByRole('button', { name: 'Change shortcut' }));
    // In a live region there from the start, so a screen reader reads the words when they come.
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('chrome://extensions/shortcuts'));
  });
});

describe('where the shortcut is changed, and what the side panel is called, per browser', () => {
  it('in Chrome: its shortcuts page in a tab', async () => {
    bindShortcut('Alt+Shift+K');
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<WaysIn addressBar contextMenu />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change shortcut' }));
    await waitFor(() =>
      expect(opened).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' }),
    );
  });

  it('in Firefox: its own page for it, and the sidebar by its name', async () => {
    bindShortcut('');
    const firefox = fakeBrowser as unknown as {
      commands: { openShortcutSettings?: () => Promise<void> };
      sidebarAction?: object;
    };
    const openShortcutSettings = vi.fn(() => Promise.resolve());
    firefox.commands.openShortcutSettings = openShortcutSettings;
    firefox.sidebarAction = { open: () => Promise.resolve() };
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    try {
      render(<WaysIn addressBar contextMenu />);
      fireEvent.click(await screen.findByRole('button', { name: 'Set a shortcut' }));
      await waitFor(() => expect(openShortcutSettings).toHaveBeenCalled());
      expect(opened).not.toHaveBeenCalled();
      expect(screen.getByTestId('ways-in').textContent).toContain(
        "Lookups open in Inquiry Desk's sidebar, which stays beside your chat.",
      );
    } finally {
      delete firefox.commands.openShortcutSettings;
      delete firefox.sidebarAction;
    }
  });
});

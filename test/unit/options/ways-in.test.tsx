// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
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

describe('the ways to the desk, said on the options page (UX review s48, 5)', () => {
  it('names the right-click lookup, the keyword and the shortcut the browser has now', async () => {
    bindShortcut('Ctrl+Shift+Y');
    render(<WaysIn addressBar contextMenu />);
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(items()).toEqual([
      'Select an inquiry ID or reference on any page, right-click it and choose “Look up in Inquiry Desk”.',
      'Type kyc, a space and the ID or reference in the address bar.',
      "Ctrl+Shift+Y opens Inquiry Desk's popup.",
    ]);
    expect(screen.getByRole('heading', { name: 'Look up from anywhere' })).toBeTruthy();
  });

  it('leaves out what the settings or the policy turned off, and a shortcut no key is bound to', async () => {
    const asked = bindShortcut('');
    render(<WaysIn addressBar={false} contextMenu />);
    await waitFor(() => expect(asked).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(items()).toEqual([
      'Select an inquiry ID or reference on any page, right-click it and choose “Look up in Inquiry Desk”.',
    ]);
  });
});

import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { browser, onMessage } from '../../../src/shared/browser.ts';

describe('the extension API module', () => {
  it('is the browser global when there is one (here the fake; in Firefox its own)', () => {
    expect(browser).toBe(fakeBrowser);
  });

  it('answers through sendResponse and keeps the channel open where the browser hands one', async () => {
    onMessage(async (message) => ({ echoed: message }));
    const sendResponse = vi.fn();
    // As Chrome calls a listener: message, sender, sendResponse; `true` keeps the channel open.
    const [kept] = await fakeBrowser.runtime.onMessage.trigger('hi', {}, sendResponse);
    expect(kept).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ echoed: 'hi' }));
  });

  it('answers an unexpected failure with nothing rather than leaving the sender waiting', async () => {
    onMessage(async () => {
      throw new Error('boom');
    });
    const sendResponse = vi.fn();
    await fakeBrowser.runtime.onMessage.trigger('hi', {}, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });

  it('returns the promise where no sendResponse comes (promise-style callers)', async () => {
    onMessage(async (message) => ({ echoed: message }));
    await expect(fakeBrowser.runtime.sendMessage('hey')).resolves.toEqual({ echoed: 'hey' });
  });
});

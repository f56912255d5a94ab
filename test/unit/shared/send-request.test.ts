import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { sendRequest } from '../../../src/shared/send-request.ts';

// Chrome rejects runtime.sendMessage when it stops the worker before it answered.
const stopped = () => Promise.reject(new Error('The message port closed before a response.'));
const answered = (data: unknown) => Promise.resolve({ ok: true, data });

describe('sendRequest', () => {
  it('says the background stopped before answering, and asks nothing again by itself', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(stopped);
    await expect(sendRequest({ type: 'ping' })).rejects.toMatchObject({
      info: { kind: 'disconnected' },
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks a read once more when the background stopped before answering: a new worker answers', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementationOnce(stopped)
      .mockImplementationOnce(() => answered({ version: '0.1.0', startedAt: 1 }));
    await expect(sendRequest({ type: 'ping' }, true)).resolves.toEqual({
      version: '0.1.0',
      startedAt: 1,
    });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('asks a read only once more: a second stop is said', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(stopped);
    await expect(sendRequest({ type: 'ping' }, true)).rejects.toMatchObject({
      info: { kind: 'disconnected' },
    });
    expect(send).toHaveBeenCalledTimes(2);
  });
});

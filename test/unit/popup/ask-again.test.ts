import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../src/shared/errors.ts';
import { askAgainIfStopped } from '../../../src/ui/ask-again.ts';

const stopped = () => new DeskError({ kind: 'disconnected', message: 'The background stopped.' });

describe('askAgainIfStopped', () => {
  it('asks once more when the background stopped before answering, and says it does', async () => {
    const send = vi.fn().mockRejectedValueOnce(stopped()).mockResolvedValueOnce('answer');
    const onRetry = vi.fn();
    await expect(askAgainIfStopped(send, onRetry)).resolves.toBe('answer');
    expect(send).toHaveBeenCalledTimes(2);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('asks only once more: a second stop is the answer', async () => {
    const send = vi.fn().mockRejectedValue(stopped());
    await expect(askAgainIfStopped(send)).rejects.toMatchObject({ info: { kind: 'disconnected' } });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not ask again after any other failure: Persona answered', async () => {
    const send = vi.fn().mockRejectedValue(new DeskError({ kind: 'server', message: '503' }));
    await expect(askAgainIfStopped(send)).rejects.toMatchObject({ info: { kind: 'server' } });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

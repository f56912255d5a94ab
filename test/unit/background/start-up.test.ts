import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { StartupFailed, startUp } from '../../../src/background/start-up.ts';

/** A promise and the functions that settle it, for steps that finish when the test says. */
function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the start-up gate', () => {
  it('runs a listener only once every step has finished, with the event’s arguments', async () => {
    const step = deferred();
    const gate = startUp([{ name: 'storage migration', run: () => step.promise }]);
    const listener = vi.fn();
    const fired = gate.after(listener)('alarm', 2);
    await new Promise((r) => setTimeout(r, 10));
    expect(listener).not.toHaveBeenCalled();
    step.resolve();
    await fired;
    expect(listener).toHaveBeenCalledWith('alarm', 2);
  });

  it('runs the steps in order, one after the other', async () => {
    const order: string[] = [];
    const first = deferred();
    const gate = startUp([
      { name: 'first', run: () => first.promise.then(() => order.push('first')) },
      { name: 'second', run: async () => order.push('second') },
    ]);
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    first.resolve();
    await gate.ready;
    expect(order).toEqual(['first', 'second']);
  });

  it("names the failed step in the reviewer's words when the step has them", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const gate = startUp([
      {
        name: 'storage migration',
        label: 'Speichermigration',
        run: () => Promise.reject(new Error('x')),
      },
    ]);
    const failure = await gate.ready.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as StartupFailed).info.message).toContain('the Speichermigration failed');
    expect(await fakeBrowser.action.getTitle({})).toContain('Speichermigration');
  });

  it('fails loudly: a "!" badge whose title names the failed step, and no listener runs', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const later = vi.fn(async () => undefined);
    const gate = startUp([
      { name: 'storage migration', run: () => Promise.reject(new Error('bad layout')) },
      { name: 'later step', run: later },
    ]);
    const failure = await gate.ready.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StartupFailed);
    expect((failure as StartupFailed).info.kind).toBe('startup_failed');
    expect((failure as StartupFailed).info.message).toContain('storage migration failed');
    expect(later).not.toHaveBeenCalled();

    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('storage migration failed');

    const listener = vi.fn();
    await gate.after(listener)();
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps the underlying error out of the badge and the reply (it may quote stored data)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const gate = startUp([
      { name: 'storage migration', run: () => Promise.reject(new Error('persona_sandbox_x')) },
    ]);
    const failure = (await gate.ready.catch((error: unknown) => error)) as StartupFailed;
    expect(failure.info.message).not.toContain('persona_sandbox_x');
    expect(await fakeBrowser.action.getTitle({})).not.toContain('persona_sandbox_x');
  });
});

import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COLLECTED, retryingCollected } from '../../e2e/collected-retry.ts';

/** A stand-in for Playwright's Worker: `evaluate` answers from `answers` in turn, and counts. */
function fakeWorker(name: string, answers: (unknown | Error)[]) {
  const calls: unknown[][] = [];
  const worker = {
    name,
    calls,
    url() {
      return `chrome-extension://id/${this.name}.js`;
    },
    async evaluate(...args: unknown[]) {
      calls.push(args);
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return worker;
}
const asWorker = (fake: object) => fake as unknown as Worker;

describe('a worker handle that survives a lost promise', () => {
  it('asks the live worker once more, with the same function and argument, and says so', async () => {
    const old = fakeWorker('old', [new Error(`worker.evaluate: ${COLLECTED}.`)]);
    const live = fakeWorker('live', ['stored']);
    const warned: string[] = [];
    const fn = (x: number) => x;
    const worker = retryingCollected(
      asWorker(old),
      async () => asWorker(live),
      (m) => warned.push(m),
    );
    expect(await worker.evaluate(fn, 7)).toBe('stored');
    expect(old.calls).toEqual([[fn, 7]]);
    expect(live.calls).toEqual([[fn, 7]]);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain(COLLECTED);
  });

  it('passes any other error on, asking nothing more', async () => {
    const old = fakeWorker('old', [new Error('Execution context was destroyed')]);
    const live = fakeWorker('live', ['never']);
    const worker = retryingCollected(
      asWorker(old),
      async () => asWorker(live),
      () => undefined,
    );
    await expect(worker.evaluate(() => 1)).rejects.toThrow('Execution context was destroyed');
    expect(live.calls).toHaveLength(0);
  });

  it('asks only once: a second loss is the test’s failure', async () => {
    const lost = () => new Error(`worker.evaluate: ${COLLECTED}.`);
    const old = fakeWorker('old', [lost()]);
    const live = fakeWorker('live', [lost()]);
    const worker = retryingCollected(
      asWorker(old),
      async () => asWorker(live),
      () => undefined,
    );
    await expect(worker.evaluate(() => 1)).rejects.toThrow(COLLECTED);
    expect(live.calls).toHaveLength(1);
  });

  it('leaves every other member as the worker’s own', () => {
    const old = fakeWorker('old', []);
    const worker = retryingCollected(
      asWorker(old),
      async () => asWorker(old),
      () => undefined,
    );
    expect(worker.url()).toBe('chrome-extension://id/old.js');
  });
});

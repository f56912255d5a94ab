import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CycleDeps } from '../../../../src/background/watch/cycle.ts';
import { readItem, writeItem } from '../../../../src/shared/storage.ts';
import { pollStateItem, watchlistItem } from '../../../../src/shared/storage-items.ts';
import { entries, fakePersona, T0 } from './fixtures.ts';

let now: number;
let persona: ReturnType<typeof fakePersona>;
let deps: CycleDeps;

beforeEach(async () => {
  now = T0;
  persona = fakePersona();
  deps = { openClient: async () => persona.client(), notify: async () => {}, now: () => now };
  await writeItem(watchlistItem, entries(3));
  // Persona has them: one it does not have would cost a look-up by id as well (cycle.ts).
  for (const n of [1, 2, 3]) persona.set(n, 'pending');
});

/** A fresh copy of the poller module: what a restarted service worker would load. */
async function freshPoller() {
  vi.resetModules();
  return import('../../../../src/background/watch/poller.ts');
}

describe('the popup refresh debounce', () => {
  it('five opens in ten seconds cost one cycle', async () => {
    const { startCycle } = await freshPoller();
    const outcomes: string[] = [];
    for (const at of [0, 1_500, 4_000, 7_500, 9_900]) {
      now = T0 + at;
      outcomes.push((await startCycle('popup', deps)).outcome);
    }
    expect(outcomes).toEqual(['ok', 'held', 'held', 'held', 'held']);
    expect(persona.calls).toHaveLength(1);
    now = T0 + 10_000;
    expect((await startCycle('popup', deps)).outcome).toBe('ok');
    expect(persona.calls).toHaveLength(2);
  });

  it('holds across a worker restart: the timestamp lives in storage', async () => {
    await (await freshPoller()).startCycle('popup', deps);
    now += 3_000;
    const restarted = await freshPoller();
    expect((await restarted.startCycle('popup', deps)).outcome).toBe('held');
    expect(persona.calls).toHaveLength(1);
    expect((await readItem(pollStateItem)).lastAttemptAt).toBe(T0);
  });

  it('opens at the same moment join one running cycle', async () => {
    const { startCycle } = await freshPoller();
    const results = await Promise.all(Array.from({ length: 5 }, () => startCycle('popup', deps)));
    expect(new Set(results).size).toBe(1);
    expect(persona.calls).toHaveLength(1);
  });

  it('does not debounce the alarm, whose period already spaces it', async () => {
    const { startCycle } = await freshPoller();
    await startCycle('popup', deps);
    now += 1_000;
    expect((await startCycle('alarm', deps)).outcome).toBe('ok');
    expect(persona.calls).toHaveLength(2);
  });
});

describe('requestCycle and the alarm handler', () => {
  it('reports whether a cycle ran: not when nothing can change', async () => {
    await writeItem(watchlistItem, []);
    const { requestCycle } = await freshPoller();
    expect(await requestCycle('popup')).toBe(false);
  });

  it('runs for its own alarm only, and records why it could not ask', async () => {
    const { handleAlarm } = await freshPoller();
    await handleAlarm({ name: 'someone-else' });
    expect((await readItem(pollStateItem)).lastAttemptAt).toBeUndefined();
    await handleAlarm({ name: 'inquiry-desk:watch' });
    // No key was saved in this test: the real client cannot open, and says why.
    expect((await readItem(pollStateItem)).lastError?.kind).toBe('no_key');
  });
});

import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { defineItem } from '../../../src/shared/define-item.ts';
import {
  onStorageChanged,
  readItem,
  readItems,
  watchItem,
  writeItem,
} from '../../../src/shared/storage.ts';

const counter = defineItem('local', 'counter', z.object({ n: z.number() }), () => ({ n: 0 }));
const draft = defineItem('session', 'draft', z.string(), () => '');

describe('typed storage items', () => {
  it('falls back to the default when nothing is stored', async () => {
    expect(await readItem(counter)).toEqual({ n: 0 });
  });

  it('round-trips a valid value in its own area', async () => {
    await writeItem(counter, { n: 3 });
    expect(await readItem(counter)).toEqual({ n: 3 });
    expect(await fakeBrowser.storage.local.get('counter')).toEqual({ counter: { n: 3 } });
    expect(await fakeBrowser.storage.session.get('counter')).toEqual({});
  });

  it('falls back to the default when the stored value does not parse', async () => {
    await fakeBrowser.storage.local.set({ counter: { n: 'three' } });
    expect(await readItem(counter)).toEqual({ n: 0 });
  });

  it('reads items of several areas at once', async () => {
    await writeItem(counter, { n: 7 });
    await writeItem(draft, 'hello');
    expect(await readItems([counter, draft] as const)).toEqual([{ n: 7 }, 'hello']);
  });

  it('tells a watcher the parsed new value, only for its own key and area', async () => {
    const seen = vi.fn();
    const stop = watchItem(counter, seen);
    await writeItem(draft, 'ignored');
    await writeItem(counter, { n: 1 });
    await fakeBrowser.storage.local.set({ counter: 'garbage' });
    stop();
    await writeItem(counter, { n: 2 });
    expect(seen.mock.calls).toEqual([[{ n: 1 }], [{ n: 0 }]]);
  });

  it("hears a change made just after it subscribed, where the browser's listeners take time to start (Firefox)", async () => {
    // Firefox registers each storage.onChanged listener with its parent process asynchronously;
    // modelled here by a listener that starts 20 ms after it is added.
    const { addListener } = fakeBrowser.storage.onChanged;
    const later = vi
      .spyOn(fakeBrowser.storage.onChanged, 'addListener')
      .mockImplementation((listener) => void setTimeout(() => addListener(listener), 20));
    const first = onStorageChanged(() => undefined); // the page's, at its start (stored-preload.ts)
    await new Promise((resolve) => setTimeout(resolve, 30));
    const seen = vi.fn();
    const stop = watchItem(counter, seen);
    await writeItem(counter, { n: 1 });
    stop();
    first();
    expect(seen.mock.calls).toEqual([[{ n: 1 }]]);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('calls every listener of the page though one throws, as the browser calls its own', async () => {
    const failed = new Promise((resolve) => process.once('uncaughtException', resolve));
    const stops = [
      onStorageChanged(() => {
        throw new Error('a listener failed');
      }),
    ];
    const seen = vi.fn();
    stops.push(watchItem(counter, seen));
    await writeItem(counter, { n: 1 });
    for (const stop of stops) stop();
    expect(seen.mock.calls).toEqual([[{ n: 1 }]]);
    expect(await failed).toMatchObject({ message: 'a listener failed' });
  });
});

describe('schemas built on first use', () => {
  it('builds an item schema on its first read, once, and still parses with it', async () => {
    const build = vi.fn(() => z.object({ n: z.number() }));
    const lazyCounter = defineItem('local', 'lazyCounter', build, () => ({ n: 0 }));
    expect(build).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ lazyCounter: { n: 'three' } });
    expect(await readItem(lazyCounter)).toEqual({ n: 0 });
    await writeItem(lazyCounter, { n: 2 });
    expect(await readItem(lazyCounter)).toEqual({ n: 2 });
    expect(build).toHaveBeenCalledTimes(1);
  });
});

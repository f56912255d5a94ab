// The extension's watcher, loaded in Node. Its code reaches the extension API only through
// src/shared/browser.ts, which takes `globalThis.browser` when one is there, once, when it is first
// loaded; here that is @webext-core/fake-browser, the in-memory storage the unit tests use (so no
// module of the bench may load browser.ts before this one has put the fake in place). `startCycle`
// below is the poller the alarm calls (src/background/watch/poller.ts → cycle.ts → planner.ts,
// next-hold.ts, env-budget.ts, watchlist-logic.ts) with the Persona client it opens from storage
// (persona-access.ts, src/shared/persona/*, the poller's retry manners) over Node's fetch.
// Not real here: chrome.alarms (the simulation fires the alarm on the period alarm.ts computes)
// and chrome.storage (one in-memory store, swapped per reviewer around each cycle).
import type { fakeBrowser as FakeBrowser } from '@webext-core/fake-browser';
import { readCatalogue, resolveMessage } from '../../test/unit/i18n/catalogue.ts';

export async function loadWatcher() {
  const { fakeBrowser } = await import('@webext-core/fake-browser');
  const scope = globalThis as { browser?: unknown; chrome?: unknown };
  if (scope.browser !== undefined && scope.browser !== fakeBrowser) {
    throw new Error('A browser global is already defined; the watcher cannot be loaded in Node.');
  }
  scope.browser = fakeBrowser;
  // The polyfill only checks that it runs in an extension; the calls all go to `browser`.
  scope.chrome ??= { runtime: { id: fakeBrowser.runtime.id } };
  // Messages (errors, notifications) come from the English catalogue, as in the unit tests.
  const english = readCatalogue('en');
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | (string | number)[]) =>
    resolveMessage(english, key, subs === undefined ? [] : [subs].flat().map(String));
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  const [poller, alarm, settings, storageItems] = await Promise.all([
    import('../../src/background/watch/poller.ts'),
    import('../../src/background/watch/alarm.ts'),
    import('../../src/shared/settings.ts'),
    import('../../src/shared/storage-items.ts'),
  ]);
  return {
    startCycle: poller.startCycle,
    openPollClient: poller.openPollClient,
    periodMinutes: alarm.periodMinutes,
    defaultSettings: settings.defaultSettings,
    items: storageItems,
    storage: new ReviewerStorage(fakeBrowser),
  };
}

type Snapshot = Record<string, unknown>;

/** One reviewer's storage.local at a time in the one fake browser. */
class ReviewerStorage {
  constructor(private readonly browser: typeof FakeBrowser) {}

  /** Runs `work` with `snapshot` as storage.local; returns what storage.local held after it. */
  async with<T>(
    snapshot: Snapshot,
    work: () => Promise<T>,
  ): Promise<{ result: T; after: Snapshot }> {
    const local = this.browser.storage.local;
    await local.clear();
    await local.set(snapshot);
    const result = await work();
    return { result, after: await local.get(null) };
  }
}

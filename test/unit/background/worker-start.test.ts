// The service worker's entry as Chrome runs it: every listener it registers waits for start-up
// (migrations), and a failed start answers requests with `startup_failed` and shows a "!" badge.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WATCH_ALARM } from '../../../src/background/watch/alarm.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';
import { writeItem } from '../../../src/shared/storage.ts';
import { keyInfoItem, settingsItem, watchlistItem } from '../../../src/shared/storage-items.ts';

const calls = vi.hoisted(() => ({
  migration: Promise.resolve() as Promise<unknown>,
  resume: (): Promise<unknown> => Promise.resolve(),
  ran: [] as string[],
}));

/** Each mocked module records that its listener ran, and does nothing else. */
function recorder(name: string) {
  return async () => {
    calls.ran.push(name);
    return true;
  };
}

vi.mock('../../../src/background/migrations.ts', () => ({
  migrateStorage: () => calls.migration,
}));
vi.mock('../../../src/background/create/create-inquiry.ts', () => ({
  resumePendingCreates: () => calls.resume(),
}));
vi.mock('../../../src/background/handlers/index.ts', () => ({
  handlers: { ping: async () => ({ version: '0', startedAt: 0 }) },
}));
vi.mock('../../../src/background/watch/poller.ts', () => ({
  handleAlarm: recorder('alarm'),
  startCycle: recorder('key saved: cycle'),
  cycleOver: () => Promise.resolve(),
}));
vi.mock('../../../src/background/watch/alarm.ts', async (original) => ({
  ...(await original<object>()),
  ensureAlarm: recorder('settings: alarm'),
}));
vi.mock('../../../src/background/watch/badge.ts', () => ({
  refreshBadge: recorder('install/start: badge'),
  showBadge: recorder('watchlist: badge'),
}));
vi.mock('../../../src/background/watch/notify.ts', () => ({
  openFromNotification: recorder('notification click'),
}));
vi.mock('../../../src/background/lookup/context-menu.ts', () => ({
  createLookupMenu: recorder('install: menu'),
  handleMenuClick: recorder('menu click'),
}));
vi.mock('../../../src/background/lookup/omnibox.ts', () => ({
  suggestForInput: recorder('omnibox input'),
  enterLookup: recorder('omnibox enter'),
}));

/** The fake browser has no omnibox or context menus; a plain event that can be triggered. */
function testEvent() {
  const listeners: ((...args: unknown[]) => unknown)[] = [];
  return {
    addListener: (listener: (...args: unknown[]) => unknown) => listeners.push(listener),
    removeListener: () => undefined,
    hasListener: () => false,
    trigger: (...args: unknown[]) => Promise.all(listeners.map((l) => l(...args))),
  };
}
let menuClicked = testEvent();
let omniboxChanged = testEvent();
let omniboxEntered = testEvent();

beforeEach(() => {
  menuClicked = testEvent();
  omniboxChanged = testEvent();
  omniboxEntered = testEvent();
  Object.assign(fakeBrowser.contextMenus, { onClicked: menuClicked });
  Object.assign(fakeBrowser.omnibox, {
    onInputChanged: omniboxChanged,
    onInputEntered: omniboxEntered,
    setDefaultSuggestion: () => undefined,
  });
});

interface Desk {
  handleMessage(message: unknown, sender: unknown): Promise<unknown>;
}

/** Loads the worker's entry afresh, as a worker start does. */
async function startWorker(
  migration: Promise<unknown>,
  resume: () => Promise<unknown> = () => Promise.resolve(),
): Promise<Desk> {
  calls.migration = migration;
  calls.resume = resume;
  calls.ran = [];
  vi.resetModules();
  await import('../../../src/background/index.ts');
  return (globalThis as unknown as { inquiryDesk: Desk }).inquiryDesk;
}

const ownPage = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('src/popup/index.html'),
});

/** Fires every event the worker listens to; resolves when all listeners have finished. */
function fireEveryEvent(desk: Desk) {
  return [
    desk.handleMessage({ type: 'ping' }, ownPage()).then((answer) => {
      calls.ran.push('message');
      return answer;
    }),
    fakeBrowser.alarms.onAlarm.trigger({
      name: WATCH_ALARM,
      scheduledTime: 0,
      persistAcrossSessions: true,
    }),
    fakeBrowser.notifications.onClicked.trigger('inquiry-desk:inq_1'),
    fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' }),
    fakeBrowser.runtime.onStartup.trigger(),
    menuClicked.trigger({ menuItemId: 'x', selectionText: 'inq_1' }),
    omniboxChanged.trigger('inq', () => undefined),
    omniboxEntered.trigger('inq_1', 'currentTab'),
    writeItem(watchlistItem, []),
    writeItem(settingsItem, defaultSettings()),
    writeItem(keyInfoItem, { masked: 'persona_sandbox_…abcd', environment: 'sandbox', savedAt: 0 }),
  ];
}

// Called at once: sidePanel.open must run inside the click's user gesture, which an await would
// end. Each opens the panel first and waits for start-up inside openLookup (see open-lookup tests).
const gestureBound = ['notification click', 'menu click', 'omnibox enter'];

const everyListener = [
  'message',
  'alarm',
  'install: menu',
  'install/start: badge',
  'omnibox input',
  'watchlist: badge',
  'settings: alarm',
  'key saved: cycle',
  ...gestureBound,
];

describe('the service worker’s start', () => {
  it('holds every listener until the migrations have finished', async () => {
    let finishMigration: () => void = () => undefined;
    const desk = await startWorker(new Promise<void>((r) => (finishMigration = r)));
    const fired = fireEveryEvent(desk);
    await new Promise((r) => setTimeout(r, 20));
    expect(new Set(calls.ran)).toEqual(new Set(gestureBound));

    finishMigration();
    const [answer] = await Promise.all(fired);
    expect(answer).toMatchObject({ ok: true });
    await expect.poll(() => new Set(calls.ran)).toEqual(new Set(everyListener));
  });

  it('answers every request with startup_failed and shows "!" when a migration fails', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // An error that quotes stored data (here the key) must not reach the console either.
    const desk = await startWorker(
      Promise.reject(new Error('no such layout: persona_sandbox_0123456789abcdef')),
    );
    const answer = await desk.handleMessage({ type: 'ping' }, ownPage());
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'startup_failed', message: expect.stringContaining('storage migration') },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('storage migration failed');
    expect(logged).toHaveBeenCalled();
    const printed = logged.mock.calls
      .flat()
      .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg)))
      .join('\n');
    expect(printed).not.toMatch(/persona_sandbox_|no such layout/);

    await Promise.all(fireEveryEvent(desk));
    // Only the request was answered (with the failure) and the gesture-bound listeners were called
    // (they stop at the gate inside openLookup); nothing else ran on a half-started worker.
    expect(new Set(calls.ran)).toEqual(new Set(['message', ...gestureBound]));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('logs a stopped create that could not be finished by name only, not its message', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A failure's message may quote the pending create's form or the key.
    await startWorker(Promise.resolve(), () =>
      Promise.reject(new TypeError('nameFirst Ada, key persona_sandbox_0123456789abcdef')),
    );
    await expect.poll(() => logged.mock.calls.length).toBeGreaterThan(0);
    const printed = logged.mock.calls
      .flat()
      .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg)))
      .join('\n');
    expect(printed).toContain('stopped create not finished');
    expect(printed).toContain('TypeError');
    expect(printed).not.toMatch(/persona_sandbox_|Ada/);
  });
});

describe("the kyc keyword's hint", () => {
  const hints = () =>
    (fakeBrowser.omnibox.setDefaultSuggestion as unknown as ReturnType<typeof vi.fn>).mock.calls;

  beforeEach(() => {
    Object.assign(fakeBrowser.omnibox, { setDefaultSuggestion: vi.fn() });
  });

  it('is set at every start where the browser does not keep it (Firefox)', async () => {
    await startWorker(Promise.resolve());
    expect(hints()).toEqual([[{ description: expect.any(String) }]]);
  });

  it('as a service worker (Chromium keeps it): set on install and browser start, not each start', async () => {
    vi.stubGlobal('ServiceWorkerGlobalScope', class {});
    try {
      await startWorker(Promise.resolve());
      expect(hints()).toEqual([]);
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
      expect(hints()).toHaveLength(1);
      await fakeBrowser.runtime.onStartup.trigger();
      expect(hints()).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

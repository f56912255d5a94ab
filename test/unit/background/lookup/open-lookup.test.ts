import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lock, setPassphrase } from '../../../../src/background/lock/passphrase.ts';
import { openLookup } from '../../../../src/background/lookup/open-lookup.ts';
import { startUp } from '../../../../src/background/start-up.ts';
import { readItem } from '../../../../src/shared/storage.ts';
import { panelRouteItem } from '../../../../src/shared/storage-items.ts';

const id = 'inq_AbCdEfGhIjKlMnOpQrStUvWx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openLookup', () => {
  it('keeps no looked-up text while the desk is locked; an inquiry id it keeps', async () => {
    vi.stubGlobal('chrome', { sidePanel: { open: vi.fn().mockResolvedValue(undefined) } });
    await setPassphrase('correct horse battery');
    await openLookup('Jane Doe', 7);
    expect(await readItem(panelRouteItem)).toMatchObject({ search: 'Jane Doe' });
    await lock();
    await openLookup('Jane Doe', 7);
    const route = await readItem(panelRouteItem);
    expect(route).toEqual({ at: expect.any(Number) });
    await openLookup(`see ${id}`, 7);
    expect(await readItem(panelRouteItem)).toEqual({ inquiry: id, at: expect.any(Number) });
  }, 20_000);

  it('opens a tab where the browser has no side panel (Firefox)', async () => {
    vi.stubGlobal('chrome', { runtime: {} });
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    expect(await openLookup(`see ${id}`, 1)).toBe(true);
    expect(created).toHaveBeenCalledWith({
      url: fakeBrowser.runtime.getURL(`src/popup/index.html?inquiry=${id}`),
    });
    expect(await readItem(panelRouteItem)).toMatchObject({ inquiry: id });
  });

  it('opens the side panel and no tab where Chrome has one', async () => {
    const open = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('chrome', { sidePanel: { open } });
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    expect(await openLookup('ticket-42', 7)).toBe(true);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(created).not.toHaveBeenCalled();
    expect(await readItem(panelRouteItem)).toMatchObject({ search: 'ticket-42' });
  });

  it("opens Firefox's sidebar inside the user action, and no tab", async () => {
    vi.stubGlobal('chrome', undefined);
    const open = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('browser', { ...fakeBrowser, sidebarAction: { open } });
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const opening = openLookup(`see ${id}`, 3);
    // Called synchronously, as Chrome's side panel is: a user action ends at the first await.
    expect(open).toHaveBeenCalledTimes(1);
    expect(await opening).toBe(true);
    expect(created).not.toHaveBeenCalled();
    expect(await readItem(panelRouteItem)).toMatchObject({ inquiry: id });
  });

  it.each([
    ['refuses', () => Promise.reject(new Error('may only be called from a user input handler'))],
    [
      'throws',
      () => {
        throw new Error('may only be called from a user input handler');
      },
    ],
  ])(
    "opens a tab where Firefox's sidebar %s (a notification's click is no user action)",
    async (_, open) => {
      vi.stubGlobal('chrome', undefined);
      vi.stubGlobal('browser', { ...fakeBrowser, sidebarAction: { open } });
      const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
      expect(await openLookup('ticket-7', undefined)).toBe(true);
      expect(created).toHaveBeenCalledTimes(1);
      expect(await readItem(panelRouteItem)).toMatchObject({ search: 'ticket-7' });
    },
  );

  it('opens the panel inside the gesture, before start-up, and routes only after it', async () => {
    let finish: () => void = () => undefined;
    startUp([{ name: 'test', run: () => new Promise<void>((r) => (finish = r)) }]);
    const open = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('chrome', { sidePanel: { open } });
    const opening = openLookup('ticket-42', 7);
    // Called synchronously: an await before it would end the user gesture Chrome requires.
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    await new Promise((r) => setTimeout(r, 10));
    expect(await readItem(panelRouteItem)).toBeFalsy();
    finish();
    expect(await opening).toBe(true);
    expect(await readItem(panelRouteItem)).toMatchObject({ search: 'ticket-42' });
  });
});

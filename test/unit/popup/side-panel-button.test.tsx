// @vitest-environment happy-dom
// Open in side panel (Firefox: sidebar): opened inside the click's gesture, the inquiry routed
// there, the toolbar popup closed, and a refusal said, the inquiry left where it is.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readItem } from '../../../src/shared/storage.ts';
import { panelRouteItem } from '../../../src/shared/storage-items.ts';
import { SidePanelButton } from '../../../src/ui/components/side-panel-button.tsx';

const id = 'inq_PanelButton0001';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** In Chrome: `chrome.sidePanel.open` answering with `opened`. */
function chromeWith(opened: () => Promise<void>) {
  const open = vi.fn((_options: { windowId: number }) => opened());
  vi.stubGlobal('chrome', { sidePanel: { open } });
  return open;
}

/** The page is a tab (`true`) or the toolbar popup, which has none. */
function inTab(tab: boolean) {
  asked = vi
    .spyOn(fakeBrowser.tabs, 'getCurrent')
    .mockResolvedValue((tab ? { id: 4, index: 0 } : undefined) as never);
  return vi.spyOn(window, 'close').mockImplementation(() => undefined);
}
/** `tabs.getCurrent`, which decides whether the page closes. */
let asked: ReturnType<typeof vi.spyOn>;

describe('Open in side panel', () => {
  it('opens the panel in the click, routes it to the inquiry, and closes the toolbar popup', async () => {
    // Chrome's windows.WINDOW_ID_CURRENT, which the fake lacks.
    Object.assign(fakeBrowser.windows, { WINDOW_ID_CURRENT: -2 });
    const open = chromeWith(() => Promise.resolve());
    const closed = inTab(false);
    render(<SidePanelButton id={id} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    // Called in the click's own task: an await first would end the gesture Chrome requires.
    expect(open).toHaveBeenCalledTimes(1);
    // The window the click was in, named without asking for it (an await).
    expect(open).toHaveBeenCalledWith({ windowId: -2 });
    await waitFor(() => expect(closed).toHaveBeenCalledTimes(1));
    expect(await readItem(panelRouteItem)).toMatchObject({ inquiry: id });
  });

  it('leaves a desk opened as a tab where it is', async () => {
    chromeWith(() => Promise.resolve());
    const closed = inTab(true);
    render(<SidePanelButton id={id} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    await waitFor(async () =>
      expect(await readItem(panelRouteItem)).toMatchObject({ inquiry: id }),
    );
    // Asked whether this is a tab, and answered: the close would follow that answer at once.
    await waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    await asked.mock.results[0]?.value;
    await Promise.resolve();
    expect(closed).not.toHaveBeenCalled();
  });

  it.each([
    [
      'refuses',
      () => Promise.reject(new Error('may only be called in response to a user gesture')),
    ],
    [
      'throws',
      () => {
        throw new Error('may only be called in response to a user gesture');
      },
    ],
  ])('says so where the browser %s, and the popup stays', async (_, opened) => {
    chromeWith(opened);
    const closed = inTab(false);
    // Where a lookup had sent the panel before.
    const lookup = { search: 'ref-1', at: 1 };
    await fakeBrowser.storage.session.set({ panelRoute: lookup });
    render(<SidePanelButton id={id} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The side panel did not open; the inquiry stays here.',
    );
    expect(closed).not.toHaveBeenCalled();
    // A panel opened later goes where it would have gone, not to this inquiry.
    await waitFor(async () => expect(await readItem(panelRouteItem)).toEqual(lookup));
  });

  it('leaves a route a lookup wrote meanwhile when the panel refuses', async () => {
    let refuse = (_error: Error) => {};
    chromeWith(() => new Promise<void>((_resolve, reject) => (refuse = reject)));
    inTab(false);
    render(<SidePanelButton id={id} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    await waitFor(async () =>
      expect(await readItem(panelRouteItem)).toMatchObject({ inquiry: id }),
    );
    const lookup = { search: 'ref-2', at: Date.now() + 1 };
    await fakeBrowser.storage.session.set({ panelRoute: lookup });
    const reads = vi.spyOn(fakeBrowser.storage.session, 'get');
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    refuse(new Error('may only be called in response to a user gesture'));
    await screen.findByRole('alert');
    // The button reads the route after the refusal; the fake's storage answers in microtasks, so
    // a write back would be made before the next task.
    await waitFor(() => expect(reads).toHaveBeenCalledTimes(1));
    await new Promise((done) => setTimeout(done, 0));
    expect(writes).not.toHaveBeenCalled();
    expect(await readItem(panelRouteItem)).toEqual(lookup);
  });

  it('clears its message on the next click', async () => {
    let calls = 0;
    chromeWith(() => (++calls === 1 ? Promise.reject(new Error('no')) : Promise.resolve()));
    inTab(true);
    render(<SidePanelButton id={id} />);
    const button = screen.getByRole('button', { name: 'Open in side panel' });
    fireEvent.click(button);
    await screen.findByRole('alert');
    fireEvent.click(button);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("opens Firefox's sidebar, in its words", async () => {
    vi.stubGlobal('chrome', undefined);
    const open = vi.fn(() => Promise.resolve());
    vi.stubGlobal('browser', { ...fakeBrowser, sidebarAction: { open } });
    const closed = inTab(false);
    render(<SidePanelButton id={id} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in sidebar' }));
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(closed).toHaveBeenCalledTimes(1));
  });

  it('is not offered in the side panel itself, nor where the browser has no panel', () => {
    chromeWith(() => Promise.resolve());
    document.body.classList.add('side-panel');
    const { container } = render(<SidePanelButton id={id} />);
    expect(container.textContent).toBe('');
    document.body.classList.remove('side-panel');
    cleanup();
    vi.unstubAllGlobals();
    vi.stubGlobal('chrome', undefined);
    expect(render(<SidePanelButton id={id} />).container.textContent).toBe('');
  });
});

// @vitest-environment happy-dom
// useStored with and without the page's preload: the first render already has preloaded values,
// in one storage call per area, and a value changed after the preload is never shown stale.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageItem } from '../../../src/shared/storage.ts';

const entry = (id: string) => ({ id, status: 'pending', addedAt: 1, changedAt: 1, seen: true });

// The preload is page-lifetime module state: each test gets a fresh page's modules, Preact and
// Testing Library included, so the hooks and the renderer are one Preact.
let cleanup = () => {};
let screen: typeof import('@testing-library/preact').screen;
let waitFor: typeof import('@testing-library/preact').waitFor;
async function page() {
  vi.resetModules();
  const library = await import('@testing-library/preact');
  ({ screen, waitFor } = library);
  cleanup = library.cleanup;
  const { render } = library;
  const items = await import('../../../src/shared/generated/first-screen-items.ts');
  const { preloadStored } = await import('../../../src/ui/stored-preload.ts');
  const { useStored } = await import('../../../src/ui/use-stored.ts');
  const { useDraft } = await import('../../../src/ui/components/use-draft.ts');
  function Draft() {
    const [draft] = useDraft();
    return <p data-testid="shown">{draft === undefined ? 'loading' : draft.search}</p>;
  }
  function Shown({ item }: { item: StorageItem<unknown> }) {
    const value = useStored(item);
    return <p data-testid="shown">{value === undefined ? 'loading' : JSON.stringify(value)}</p>;
  }
  return { items, preloadStored, Shown, Draft, render };
}

const shown = () => screen.getByTestId('shown').textContent;

describe('useStored', () => {
  afterEach(() => cleanup());

  beforeEach(async () => {
    await fakeBrowser.storage.local.set({ watchlist: [entry('inq_1')] });
    await fakeBrowser.storage.session.set({ recentLookups: ['ref-1'] });
  });

  it('without a preload, renders "loading" first and then the stored value', async () => {
    const { items, Shown, render } = await page();
    render(<Shown item={items.watchlistItem} />);
    expect(shown()).toBe('loading');
    await waitFor(() => expect(shown()).toContain('inq_1'));
  });

  it('with a preload, has every value on the first render, read in one call per area', async () => {
    const { items, preloadStored, Shown, render } = await page();
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sessionGet = vi.spyOn(fakeBrowser.storage.session, 'get');
    await preloadStored(items.firstScreenItems);
    expect(localGet).toHaveBeenCalledTimes(1);
    expect(sessionGet).toHaveBeenCalledTimes(1);
    render(<Shown item={items.watchlistItem} />);
    // Synchronously, before any read could answer.
    expect(shown()).toContain('inq_1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A fresh preload is not read again on mount.
    expect(localGet).toHaveBeenCalledTimes(1);
  });

  it('parses the preloaded value with its check: a bad entry is dropped, the rest kept', async () => {
    await fakeBrowser.storage.local.set({ watchlist: [entry('inq_1'), { id: 7 }] });
    const { items, preloadStored, Shown, render } = await page();
    await preloadStored([items.watchlistItem]);
    render(<Shown item={items.watchlistItem} />);
    expect(JSON.parse(shown() ?? '')).toEqual([entry('inq_1')]);
  });

  it('never shows a preloaded value that changed before the view mounted', async () => {
    const { items, preloadStored, Shown, render } = await page();
    await preloadStored([items.watchlistItem]);
    await fakeBrowser.storage.local.set({ watchlist: [entry('inq_2')] });
    render(<Shown item={items.watchlistItem} />);
    await waitFor(() => expect(shown()).toContain('inq_2'));
    expect(shown()).not.toContain('inq_1');
  });

  it('takes a preload that finished after the first render, before the view mounted', async () => {
    // The options page renders without waiting for the desk's preload, which the chunk it shares
    // with the desk starts: the first render has nothing, and the read lands before the effects.
    const { items, preloadStored, Shown } = await page();
    const { render: renderNow } = await import('preact');
    const realGet = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local) as (
      keys?: string[],
    ) => Promise<Record<string, unknown>>;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (
      keys?: string[],
    ) => {
      await held;
      return realGet(keys);
    }) as typeof fakeBrowser.storage.local.get);
    const preload = preloadStored([items.watchlistItem]);
    const container = document.createElement('div');
    document.body.append(container);
    // Preact's own render: its effects wait for the next frame, as in a page.
    try {
      renderNow(<Shown item={items.watchlistItem} />, container);
      expect(container.textContent).toBe('loading');
      release();
      await preload;
      await waitFor(() => expect(container.textContent).toContain('inq_1'));
    } finally {
      renderNow(null, container);
      container.remove();
      get.mockRestore();
    }
  });

  it('follows changes after mount, preloaded or not', async () => {
    const { items, preloadStored, Shown, render } = await page();
    await preloadStored([items.watchlistItem]);
    render(<Shown item={items.watchlistItem} />);
    expect(shown()).toContain('inq_1');
    await fakeBrowser.storage.local.set({ watchlist: [entry('inq_3')] });
    await waitFor(() => expect(shown()).toContain('inq_3'));
  });

  it("hears a change made just after it subscribed, where the browser's listeners take time to start (Firefox, as seen in CI)", async () => {
    const { items, preloadStored, Shown, render } = await page();
    // Firefox registers each storage.onChanged listener with its parent process asynchronously;
    // modelled here by a listener that starts 200 ms after it is added.
    const { addListener } = fakeBrowser.storage.onChanged;
    vi.spyOn(fakeBrowser.storage.onChanged, 'addListener').mockImplementation(
      (listener) => void setTimeout(() => addListener(listener), 200),
    );
    await preloadStored([items.watchlistItem]);
    await new Promise((resolve) => setTimeout(resolve, 250)); // the page's listener has started
    render(<Shown item={items.watchlistItem} />);
    expect(shown()).toContain('inq_1');
    // The view has subscribed (its effect ran); the change comes before a listener it added
    // itself would have started.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fakeBrowser.storage.local.set({ watchlist: [entry('inq_4')] });
    await waitFor(() => expect(shown()).toContain('inq_4'));
  });

  it('gives useDraft the preloaded draft on its first render, without a second read', async () => {
    const { items, preloadStored, Draft, render } = await page();
    await fakeBrowser.storage.session.set({
      draft: { ...items.draftItem.fallback(), search: 'ref-42' },
    });
    const sessionGet = vi.spyOn(fakeBrowser.storage.session, 'get');
    await preloadStored([items.draftItem]);
    render(<Draft />);
    expect(shown()).toBe('ref-42');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessionGet).toHaveBeenCalledTimes(1);
  });

  it('reads the draft itself when it changed after the preload', async () => {
    const { items, preloadStored, Draft, render } = await page();
    await preloadStored([items.draftItem]);
    await fakeBrowser.storage.session.set({
      draft: { ...items.draftItem.fallback(), search: 'typed later' },
    });
    render(<Draft />);
    await waitFor(() => expect(shown()).toBe('typed later'));
  });
});

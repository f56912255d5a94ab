// @vitest-environment happy-dom
// Until the desk's first frame is on screen: only the rows that can be in view are rendered, each
// drawn, and the background is not asked for anything (src/ui/first-paint.ts). Afterwards every
// row is rendered and drawn as it scrolls near, and the ping and the refresh go out. Paint timing is faked (fake-paint-timing.ts): happy-dom has
// none, and Chromium's is exercised by the end-to-end tests.
import { render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { fakePaintTiming, paint } from './fake-paint-timing.ts';
import { sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const ROWS = 40;
const entry = (n: number) => ({
  id: `inq_FirstPaint${String(n).padStart(4, '0')}`,
  status: 'pending',
  addedAt: 1,
  changedAt: ROWS - n, // newest first: row n is shown n-th
  seen: true,
});

const rows = () => screen.getAllByRole('listitem').filter((li) => li.closest('.inquiry-list'));
const drawn = () => rows().map((li) => li.className);

beforeEach(async () => {
  await fakeBrowser.storage.local.set({
    watchlist: Array.from({ length: ROWS }, (_, n) => entry(n)),
  });
  Object.defineProperty(window, 'innerHeight', { value: 960, configurable: true });
  stubBackground({
    ping: () => ({ version: '1', startedAt: 1 }),
    refreshWatchlist: () => ({ polled: true }),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('before the first frame is on screen', () => {
  beforeEach(fakePaintTiming);

  it('renders the rows that fit in the window, each drawn, the rest after, and asks the background nothing', async () => {
    render(<DeskShell first={{ name: 'home' }} />);
    // 960 px at 48 px a row at least: twenty rows can be in view.
    await waitFor(() => expect(drawn()).toEqual(Array(20).fill('draw-now')));
    // The newest first, as the whole list shows them.
    expect(rows()[19]?.textContent).toContain(entry(19).id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent('ping')).toHaveLength(0);
    expect(sent('refreshWatchlist')).toHaveLength(0);

    paint();
    await waitFor(() => expect(drawn()).toEqual(Array(ROWS).fill('')));
    expect(rows()[ROWS - 1]?.textContent).toContain(entry(ROWS - 1).id);
    await waitFor(() => {
      expect(sent('ping')).toHaveLength(1);
      expect(sent('refreshWatchlist')).toHaveLength(1);
    });
    expect(await screen.findByText(/Version/)).toBeTruthy();
  });

  it('in a toolbar popup not grown to its height yet, draws what 600 px can show', async () => {
    Object.defineProperty(window, 'innerHeight', { value: 25, configurable: true });
    render(<DeskShell first={{ name: 'home' }} />);
    await waitFor(() => expect(drawn()).toEqual(Array(13).fill('draw-now')));
  });

  it('in a toolbar popup zoomed to 50 %, draws what 600 screen pixels show: 1,200 of its own', async () => {
    // 25 screen pixels tall as it opens: 50 of the page's. Zoomed out, a page has half a device
    // pixel to its own on a screen of one.
    Object.defineProperty(window, 'innerHeight', { value: 50, configurable: true });
    Object.defineProperty(window, 'outerHeight', { value: 25, configurable: true });
    Object.defineProperty(window, 'devicePixelRatio', { value: 0.5, configurable: true });
    try {
      render(<DeskShell first={{ name: 'home' }} />);
      await waitFor(() => expect(drawn()).toEqual(Array(25).fill('draw-now')));
    } finally {
      Reflect.deleteProperty(window, 'outerHeight');
      Reflect.deleteProperty(window, 'devicePixelRatio');
    }
  });

  it('in a toolbar popup whose window is a pixel tall as it grows, draws what 600 px can show (a local run)', async () => {
    Object.defineProperty(window, 'innerHeight', { value: 80, configurable: true });
    Object.defineProperty(window, 'outerHeight', { value: 1, configurable: true });
    try {
      render(<DeskShell first={{ name: 'home' }} />);
      await waitFor(() => expect(drawn()).toEqual(Array(13).fill('draw-now')));
    } finally {
      Reflect.deleteProperty(window, 'outerHeight');
    }
  });

  it('in a toolbar popup still hidden while it loads, holds back as in a visible one', async () => {
    // Chromium shows a toolbar popup once it has loaded: the desk renders while it is hidden.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      render(<DeskShell first={{ name: 'home' }} />);
      await waitFor(() => expect(drawn()).toEqual(Array(20).fill('draw-now')));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sent('ping')).toHaveLength(0);
      expect(sent('refreshWatchlist')).toHaveLength(0);
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
    }
    paint();
    await waitFor(() => expect(drawn()).toEqual(Array(ROWS).fill('')));
    await waitFor(() => expect(sent('ping')).toHaveLength(1));
  });

  it('still asks and draws everything when paint timing never reports', async () => {
    render(<DeskShell first={{ name: 'home' }} />);
    await waitFor(() => expect(drawn()).toEqual(Array(20).fill('draw-now')));
    await waitFor(
      () => {
        expect(sent('ping')).toHaveLength(1);
        expect(sent('refreshWatchlist')).toHaveLength(1);
        expect(drawn()).toEqual(Array(ROWS).fill(''));
      },
      { timeout: 2000 },
    );
  });
});

it('in a page that has painted, or cannot tell, draws every row as usual from the start', async () => {
  // happy-dom's PerformanceObserver knows no paint entries, as a browser without paint timing.
  render(<DeskShell first={{ name: 'home' }} />);
  await waitFor(() => expect(rows()).toHaveLength(ROWS));
  expect(drawn()).toEqual(Array(ROWS).fill(''));
  await waitFor(() => expect(sent('ping')).toHaveLength(1));
});

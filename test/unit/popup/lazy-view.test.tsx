// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { render as renderInto } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyView } from '../../../src/ui/lazy-view.tsx';

afterEach(cleanup);

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;

describe('a view loaded on demand', () => {
  it('renders nothing until its chunk is in, then the view with its props', async () => {
    const view = lazyView(async () => Greeting);
    render(<view.View name="Ada" />);
    expect(screen.queryByText('Hello Ada')).toBeNull();
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
  });

  it('asks for its chunk as it renders, before any effect runs', async () => {
    // The page's first screen may be this view (a locked desk, a lookup's inquiry), and the first
    // renders' effects wait for the first paint (src/ui/first-paint.ts).
    const load = vi.fn(async () => Greeting);
    const view = lazyView(load);
    const container = document.createElement('div');
    document.body.append(container);
    // act() holds the effects back until its callback is done.
    await act(() => {
      renderInto(<view.View name="Ada" />, container);
      expect(load).toHaveBeenCalledTimes(1);
    });
    renderInto(null, container);
    container.remove();
  });

  it('takes nothing amiss when its chunk arrives after the view is gone', async () => {
    let arrive: (view: typeof Greeting) => void = () => undefined;
    const view = lazyView(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    const errors = vi.spyOn(console, 'error');
    const { unmount, container } = render(<view.View name="Ada" />);
    unmount();
    arrive(Greeting);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
    expect(errors).not.toHaveBeenCalled();
  });

  it('fetches its chunk once, however often it is prefetched and rendered', async () => {
    const load = vi.fn(async () => Greeting);
    const view = lazyView(load);
    await Promise.all([view.prefetch(), view.prefetch()]);
    render(<view.View name="Ada" />);
    // Prefetched: on screen in the first render, no waiting.
    expect(screen.getByText('Hello Ada')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the view when its chunk, fetched ahead, arrives between the first render and its effects', async () => {
    // The desk opened on a detail: the idle prefetch has asked for the chunk, the view renders
    // (nothing yet), and the chunk arrives before Preact runs the view's effects (after the next
    // frame). Nothing else re-renders the view, so only its own effect can bring it on screen.
    let arrive: (view: typeof Greeting) => void = () => undefined;
    const view = lazyView(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    const prefetched = view.prefetch();
    const container = document.createElement('div');
    document.body.append(container);
    // act() holds the effects back until its callback is done, as the next frame does in Chromium.
    await act(async () => {
      renderInto(<view.View name="Ada" />, container);
      expect(container.textContent).toBe('');
      arrive(Greeting);
      await prefetched;
    });
    expect(await within(container).findByText('Hello Ada')).toBeTruthy();
    renderInto(null, container);
    container.remove();
  });

  it('says so when the chunk cannot be loaded, and asks again next time', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('gone'))
      .mockResolvedValue(Greeting);
    const view = lazyView(load);
    render(<view.View name="Ada" />);
    expect((await screen.findByRole('alert')).textContent).toContain('could not be loaded');
    await view.prefetch();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

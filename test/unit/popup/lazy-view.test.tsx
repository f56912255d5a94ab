// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
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

  it('fetches its chunk once, however often it is prefetched and rendered', async () => {
    const load = vi.fn(async () => Greeting);
    const view = lazyView(load);
    await Promise.all([view.prefetch(), view.prefetch()]);
    render(<view.View name="Ada" />);
    // Prefetched: on screen in the first render, no waiting.
    expect(screen.getByText('Hello Ada')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
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

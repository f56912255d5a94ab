// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProblemMessage } from '../../../src/ui/components/problem-message.tsx';
import { shownText } from '../shown-text.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('a problem with a retry', () => {
  it('after a 429, offers the retry only once the rate-limit window has reset, counting down', async () => {
    vi.useFakeTimers();
    const retry = vi.fn();
    render(
      <ProblemMessage
        error={{
          kind: 'rate_limited',
          retryAfterSeconds: 3,
          message: 'Wait 3 seconds.',
          details: 'Please reach out to support@withpersona.com if you need this changed.',
        }}
        onRetry={retry}
      />,
    );
    // The count is shown, and the name says the wait in words that stay.
    const button = screen.getByRole('button', {
      name: 'Try again, after the wait',
    }) as HTMLButtonElement;
    expect(shownText(button)).toBe('Try again in 3 s');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // It appeared with nothing focused (a retry's button had gone): it has the focus now.
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(retry).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(shownText(button)).toBe('Try again in 2 s');
    expect(screen.getByRole('button', { name: 'Try again, after the wait' })).toBe(button);
    // The words count down with the button, and Persona's advice to raise the limit is not shown.
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Wait 2 s and try again');
    // Said once as the alert appears, not again each second it counts down.
    expect(alert.querySelector('.banner-text')?.getAttribute('aria-live')).toBe('off');
    // Nor the button counting down with them.
    expect(button.closest('[aria-live]')?.getAttribute('aria-live')).toBe('off');
    expect(alert.textContent).not.toContain('support@');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(button.textContent).toBe('Try again');
    expect(alert.textContent).toContain('has reset');
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(retry).toHaveBeenCalledOnce();
  });

  it('offers a retry at once after a 5xx', () => {
    const retry = vi.fn();
    render(
      <ProblemMessage error={{ kind: 'server', message: 'Persona failed.' }} onRetry={retry} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

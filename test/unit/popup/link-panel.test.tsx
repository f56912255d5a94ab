// @vitest-environment happy-dom
// The one-time link card: an expired link is said to be expired, and not offered to copy or open.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkPanel } from '../../../src/ui/components/link-panel.tsx';

afterEach(cleanup);

const link = (expiresAt: string) => ({
  url: 'https://inquiry.withpersona.com/verify?code=abc',
  expiresAt,
  createdAt: Date.now() - 3 * 3_600_000,
});

/** The card for a link that still has an hour to go. */
function renderLive() {
  render(
    <LinkPanel link={link(new Date(Date.now() + 3_600_000).toISOString())} chatTemplate="{link}" />,
  );
}

describe('the one-time link card', () => {
  it('offers a live link to copy, in a message, or to open', () => {
    renderLive();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy message' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open link myself…' })).toBeTruthy();
  });

  it('asks before opening, and the button the focus goes to is read with the question', async () => {
    renderLive();
    fireEvent.click(screen.getByRole('button', { name: 'Open link myself…' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    const described = (element: Element) =>
      document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(described(cancel)).toMatch(/^Opening the link here uses the customer’s single-use link/);
    expect(described(screen.getByRole('link', { name: 'Open and use the link' }))).toBe(
      described(cancel),
    );
  });

  it('takes the question back on Escape or Alt+←, and says it handled the key', async () => {
    renderLive();
    const opener = () => screen.getByRole('button', { name: 'Open link myself…' });
    for (const key of [{ key: 'Escape' }, { key: 'ArrowLeft', altKey: true }]) {
      fireEvent.click(opener());
      const cancel = screen.getByRole('button', { name: 'Cancel' });
      // Handled: the view does not also go back.
      expect(fireEvent.keyDown(cancel, key)).toBe(false);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull());
    }
  });

  it('says a link made before the customer started may be spent, and leads with nothing: New link makes another', () => {
    const live = link(new Date(Date.now() + 3_600_000).toISOString());
    const startedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    render(<LinkPanel link={live} chatTemplate="{link}" startedAt={startedAt} />);
    expect(screen.getByTestId('link-expiry').textContent).toBe(
      'The customer started the inquiry 10 minutes ago, after this link was made. If they opened this link, it worked only for five minutes from then: New link makes another.',
    );
    // Still offered: the start may have come through an earlier link, and this one still works.
    const copy = screen.getByRole('button', { name: 'Copy link' });
    expect(copy.className).not.toContain('primary');
    cleanup();
    // A link made after the start (New link on a pending inquiry) is the fresh one.
    render(
      <LinkPanel
        link={{ ...live, createdAt: Date.now() - 60_000 }}
        chatTemplate="{link}"
        startedAt={startedAt}
      />,
    );
    expect(screen.getByTestId('link-expiry').textContent).toMatch(/^Works once; expires /);
    expect(screen.getByRole('button', { name: 'Copy link' }).className).toContain('primary');
    cleanup();
    // A start ahead of this computer's clock (Persona's a day on) says nothing of the link.
    const tomorrow = new Date(Date.now() + 25 * 3_600_000).toISOString();
    render(<LinkPanel link={live} chatTemplate="{link}" startedAt={tomorrow} />);
    expect(screen.getByTestId('link-expiry').textContent).toMatch(/^Works once; expires /);
  });

  it('holds a link being replaced: nothing to copy or open till New link brings the next', () => {
    const live = link(new Date(Date.now() + 3_600_000).toISOString());
    render(<LinkPanel link={live} chatTemplate="{link}" renewing />);
    expect(screen.getByTestId('link-expiry').textContent).toBe(
      'A new link is on its way; this one is being replaced, so it is not offered to copy.',
    );
    for (const name of ['Copy link', 'Copy message', 'Open link myself…']) {
      expect(screen.queryByRole('button', { name }), name).toBeNull();
    }
  });

  it('offers an expired one for nothing: no chat gets a dead link, nor "expires 2 hours ago"', () => {
    render(
      <LinkPanel
        link={link(new Date(Date.now() - 2 * 3_600_000).toISOString())}
        chatTemplate="{link}"
      />,
    );
    expect(screen.getByTestId('link-expiry').textContent).toBe(
      'This link has expired. Make a new one.',
    );
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy message' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open link myself…' })).toBeNull();
  });
});

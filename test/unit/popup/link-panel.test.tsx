// @vitest-environment happy-dom
// The one-time link card: an expired link is said to be expired, and not offered to copy or open.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkPanel } from '../../../src/ui/components/link-panel.tsx';

afterEach(cleanup);

const link = (expiresAt: string) => ({
  url: 'https://inquiry.withpersona.com/verify?code=abc',
  expiresAt,
  createdAt: Date.now() - 3 * 3_600_000,
});

describe('the one-time link card', () => {
  it('offers a live link to copy, in a message, or to open', () => {
    render(
      <LinkPanel
        link={link(new Date(Date.now() + 3_600_000).toISOString())}
        chatTemplate="{link}"
      />,
    );
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy message' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open link myself…' })).toBeTruthy();
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

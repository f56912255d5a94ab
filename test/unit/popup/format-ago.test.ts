import { describe, expect, it } from 'vitest';
import { formatAgo } from '../../../src/ui/components/format-time.ts';

describe('a past moment beside a word', () => {
  it('is "just now" within the minute (a clock a little ahead too), else the relative time', () => {
    const now = Date.parse('2026-12-03T09:00:00Z');
    expect(formatAgo(now - 20_000, now)).toBe('just now');
    expect(formatAgo(new Date(now + 5_000).toISOString(), now)).toBe('just now');
    expect(formatAgo(now - 5 * 60_000, now)).toBe('5 minutes ago');
  });
});

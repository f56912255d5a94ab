// @vitest-environment happy-dom
// The detail's timeline lists the steps in the order they happened: an inquiry that expired and
// was decided later has its decision after its expiry, not before it as the lifecycle's order has.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { InquiryTimestamps } from '../../../src/shared/persona/view-model.ts';
import { Timeline } from '../../../src/ui/components/timeline.tsx';

afterEach(cleanup);

/** The steps the timeline shows, in its order. */
function steps(status: string, timestamps: InquiryTimestamps): (string | null)[] {
  const { container } = render(<Timeline status={status} timestamps={timestamps} />);
  return [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
}

describe('Timeline', () => {
  it('lists the steps by their time', () => {
    const shown = steps('approved', {
      createdAt: '2026-12-04T11:20:00Z',
      startedAt: '2026-12-04T11:20:30Z',
      expiredAt: '2026-12-04T11:29:00Z',
      decisionedAt: '2026-12-04T11:54:00Z',
    });
    expect(shown).toEqual(['Created', 'Started', 'Expired', 'Decided']);
  });

  it('keeps the lifecycle’s order for steps at the same time, and puts a time it cannot read last', () => {
    const shown = steps('completed', {
      createdAt: 'yesterday',
      startedAt: '2026-12-04T11:20:00Z',
      completedAt: '2026-12-04T11:25:00Z',
      decisionedAt: '2026-12-04T11:25:00Z',
    });
    expect(shown).toEqual(['Started', 'Completed', 'Decided', 'Created']);
  });
});

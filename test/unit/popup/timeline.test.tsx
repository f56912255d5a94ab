// @vitest-environment happy-dom
// The detail's timeline lists the steps in the order they happened: an inquiry that expired and
// was decided later has its decision after its expiry, not before it as the lifecycle's order has.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/ui/components/timeline.tsx';

afterEach(cleanup);

const steps = (container: Element) =>
  [...container.querySelectorAll('dt')].map((dt) => dt.textContent);

describe('Timeline', () => {
  it('lists the steps by their time', () => {
    const { container } = render(
      <Timeline
        status="approved"
        timestamps={{
          createdAt: '2026-12-04T11:20:00Z',
          startedAt: '2026-12-04T11:20:30Z',
          expiredAt: '2026-12-04T11:29:00Z',
          decisionedAt: '2026-12-04T11:54:00Z',
        }}
      />,
    );
    expect(steps(container)).toEqual(['Created', 'Started', 'Expired', 'Decided']);
  });

  it('keeps the lifecycle’s order for steps at the same time, and puts a time it cannot read last', () => {
    const { container } = render(
      <Timeline
        status="completed"
        timestamps={{
          createdAt: 'yesterday',
          startedAt: '2026-12-04T11:20:00Z',
          completedAt: '2026-12-04T11:25:00Z',
          decisionedAt: '2026-12-04T11:25:00Z',
        }}
      />,
    );
    expect(steps(container)).toEqual(['Started', 'Completed', 'Decided', 'Created']);
  });
});

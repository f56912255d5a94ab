// @vitest-environment happy-dom
// The announcer: an answer to the reviewer's act is said; a status the desk saw change (news)
// gives way to an answer said in the second around it, and is said otherwise.
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnounceProvider, useAnnounce } from '../../../src/ui/components/announce.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

let announce: ReturnType<typeof useAnnounce> = () => {};
function Speaker() {
  announce = useAnnounce();
  return null;
}

/** Renders the announcer, then each step at its time (ms from the start); what it showed, in order. */
async function heard(steps: [number, string, (boolean | string)?][]): Promise<string[]> {
  vi.useFakeTimers();
  render(
    <AnnounceProvider>
      <Speaker />
    </AnnounceProvider>,
  );
  const said: string[] = [];
  const note = () => {
    const text = screen.getByTestId('announcer').textContent ?? '';
    if (text && said.at(-1) !== text) said.push(text);
  };
  const tick = () =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
  let now = 0;
  for (const [at, message, news] of steps) {
    for (; now < at; now += 20) {
      await tick();
      note();
    }
    act(() => announce(message, news));
  }
  for (let t = 0; t < 6000; t += 20) {
    await tick();
    note();
  }
  return said;
}

describe('the announcer', () => {
  it("says an act's answer, not the status it brought, in either order", async () => {
    expect(
      await heard([
        [0, 'Marked for review'],
        [5, 'Needs review', true],
      ]),
    ).toEqual(['Marked for review']);
    cleanup();
    expect(
      await heard([
        [0, 'In progress', true],
        [300, 'New link ready'],
      ]),
    ).toEqual(['New link ready']);
  });

  it('says news that comes later than that, after an earlier answer', async () => {
    expect(
      await heard([
        [0, 'Tag urgent added'],
        [1500, 'Needs review', true],
      ]),
    ).toEqual(['Tag urgent added', 'Needs review']);
  });

  it('says news of two kinds in one second together, and of one kind its latest', async () => {
    // A refresh: the status the detail's head says, and the line it added to Approve's form.
    expect(
      await heard([
        [0, 'Completed, awaiting decision', true],
        [5, 'Selfie: Failed', 'confirm'],
      ]),
    ).toEqual(['Completed, awaiting decision; Selfie: Failed']);
    cleanup();
    // A queue that grows says its newest count, not each on top of the last.
    expect(
      await heard([
        [0, 'Came to review: queue-2', true],
        [400, 'Came to review: queue-2 and queue-4', true],
      ]),
    ).toEqual(['Came to review: queue-2 and queue-4']);
  });

  it('takes what it said of one inquiry off the screen when another opens, not when Home does', async () => {
    vi.useFakeTimers();
    const desk = (inquiry?: string) => (
      <AnnounceProvider inquiry={inquiry}>
        <Speaker />
      </AnnounceProvider>
    );
    const { rerender } = render(desk('inq_Decided000001'));
    const shown = () => screen.getByTestId('announcer').textContent;
    const wait = (ms: number) =>
      act(async () => {
        await vi.advanceTimersByTimeAsync(ms);
      });
    act(() => announce('Declined'));
    await wait(100);
    expect(shown()).toBe('Declined');
    rerender(desk(undefined));
    await wait(100);
    expect(shown()).toBe('Declined');
    rerender(desk('inq_NextInQueue001'));
    await wait(0);
    expect(shown()).toBe('');
    // News of the last one, still waiting its second, does not come on this one's screen either.
    await wait(1_000);
    act(() => announce('inq_NextInQueue001: Approved', true));
    rerender(desk('inq_ThirdInQueue01'));
    await wait(1_500);
    expect(shown()).toBe('');
  });
});

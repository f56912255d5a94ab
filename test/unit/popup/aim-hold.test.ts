// @vitest-environment happy-dom
// The detail's list above the decision's buttons, held while the pointer aims at them
// (src/ui/views/use-aim-hold.ts).
import { act, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AIM_IDLE_MS, useAimHold } from '../../../src/ui/views/use-aim-hold.ts';

afterEach(() => {
  vi.useRealTimers();
});

const same = (a: string, b: string) => a === b;
const move = (pointerType: string) => ({ pointerType }) as PointerEvent;

describe('the aim hold', () => {
  it('holds while a resting pointer may still press, then lets go', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ live }) => useAimHold(live, same), {
      initialProps: { live: 'before' },
    });
    act(() => result.current.hold.onPointerMove(move('mouse')));
    rerender({ live: 'after' });
    expect(result.current.value).toBe('before');
    // Resting five seconds: a hand about to press, still held (three seconds let go before).
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(result.current.value).toBe('before');
    act(() => {
      vi.advanceTimersByTime(AIM_IDLE_MS);
    });
    expect(result.current.value).toBe('after');
  });

  it('lets go as the pointer leaves, and holds nothing for touch', () => {
    const { result, rerender } = renderHook(({ live }) => useAimHold(live, same), {
      initialProps: { live: 'before' },
    });
    act(() => result.current.hold.onPointerMove(move('mouse')));
    rerender({ live: 'after' });
    act(() => result.current.hold.onPointerLeave());
    expect(result.current.value).toBe('after');
    act(() => result.current.hold.onPointerMove(move('touch')));
    rerender({ live: 'later' });
    expect(result.current.value).toBe('later');
  });
});

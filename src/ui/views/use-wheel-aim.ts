// The wheel turned over an element a pointer rests on aims as a pointer move does: it brings
// other rows or buttons under the pointer, and Chromium sends no pointermove for it. Shared by
// hold-rows.tsx and use-aim-hold.ts.
import { useRef } from 'preact/hooks';

/**
 * `ref` goes on the element; `box` is that element. Listened for from the element's coming, by a
 * ref callback: an effect would not see an element drawn after the first render (a list once its
 * rows are read, the detail's buttons once the inquiry is in). Passive, so the scroll never waits
 * for it. Calls the latest `aim`.
 */
export function useWheelAim(aim: () => void) {
  const aiming = useRef(aim);
  aiming.current = aim;
  const box = useRef<HTMLElement | null>(null);
  const ref = useRef((element: HTMLElement | null) => {
    box.current = element;
    element?.addEventListener('wheel', () => aiming.current(), { passive: true });
  });
  return { box, ref: ref.current };
}

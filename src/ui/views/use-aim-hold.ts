// What sits above the controls a pointer is aiming at, kept still while it aims: as a list's rows
// are under it (hold-rows.tsx), and for the same reason. The detail's list of what needs a look
// gains a line when Other inquiries' read finds a decline, which can come seconds after the
// detail opened, and moved Approve and Decline 24 px down under a hand on its way to one of them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useWheelAim } from './use-wheel-aim.ts';

/**
 * How long after the pointer's last move the value is held. Longer than a list's three seconds
 * (hold-rows.tsx): a pointer resting on Approve is about to press it, and after three seconds the
 * buttons moved under it all the same, a press then opening the link the new line brought. Not for
 * good: the line held back is a reason to look twice, and Approve's confirmation says it meanwhile,
 * as Approve no longer leads.
 */
export const AIM_IDLE_MS = 20_000;

/**
 * `live` as it was when the pointer came onto the element `hold` goes on, while it moves there
 * or the wheel turns over it, and for AIM_IDLE_MS after; `live` itself once it leaves or rests.
 * Kept in a ref: taking the hold draws nothing, and letting go draws only if `live` changed
 * meanwhile (`same` says whether). Touch is not held: a tap's pointer leaves before its click.
 */
export function useAimHold<T>(live: T, same: (a: T, b: T) => boolean) {
  const held = useRef<{ value: T }>(undefined);
  const latest = useRef(live);
  latest.current = live;
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [, redraw] = useState(0);
  useEffect(() => () => clearTimeout(idle.current), []);
  const release = () => {
    clearTimeout(idle.current);
    const was = held.current;
    held.current = undefined;
    if (was && !same(was.value, latest.current)) redraw((n) => n + 1);
  };
  const aim = () => {
    held.current ??= { value: latest.current };
    clearTimeout(idle.current);
    idle.current = setTimeout(release, AIM_IDLE_MS);
  };
  // The wheel brings the buttons under a pointer that does not move (use-wheel-aim.ts).
  const { ref } = useWheelAim(aim);
  return {
    value: held.current ? held.current.value : live,
    hold: {
      ref,
      onPointerMove: (event: PointerEvent) => {
        if (event.pointerType !== 'touch') aim();
      },
      onPointerLeave: release,
    },
  };
}

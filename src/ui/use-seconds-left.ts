import { useEffect, useMemo, useState } from 'preact/hooks';

/**
 * Seconds left of a wait that began when `since` (an error, say) arrived, counting down once a
 * second to 0: for buttons that would only be refused before then.
 */
export function useSecondsLeft(seconds: number | undefined, since: unknown): number {
  // Derived from `since`, so the render that brings a new wait already counts it.
  const until = useMemo(() => Date.now() + (seconds ?? 0) * 1000, [since]);
  // Only to render again each second; the time itself is read at each render.
  const [, tick] = useState(0);
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => {
      tick((n) => n + 1);
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

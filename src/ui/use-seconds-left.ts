import { useEffect, useState } from 'preact/hooks';

/**
 * Seconds left of a wait that began when `since` (an error, say) arrived, counting down once a
 * second to 0: for buttons that would only be refused before then.
 */
export function useSecondsLeft(seconds: number | undefined, since: unknown): number {
  const wait = seconds ?? 0;
  const [until, setUntil] = useState(() => Date.now() + wait * 1000);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const end = Date.now() + wait * 1000;
    setUntil(end);
    setNow(Date.now());
    if (wait <= 0) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= end) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [since]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

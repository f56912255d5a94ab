// Times for the desk's views: the shared formatters (browser UI language, src/shared/format.ts)
// plus a clock that ticks while the popup is open.
import { useEffect, useState } from 'preact/hooks';

export { formatDateTime, formatNumber, formatRelative } from '../../shared/format.ts';

/** The current time, re-read every `everyMs` so "expires in …" counts down while the popup is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

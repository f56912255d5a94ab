// Times for the desk's views: the shared formatters (browser UI language, src/shared/format.ts)
// plus a clock that ticks while the popup is open.
import { useEffect, useState } from 'preact/hooks';
import { formatRelative, toMs } from '../../shared/format.ts';
import { t } from '../../shared/i18n.ts';

export { formatNumber, formatRelative } from '../../shared/format.ts';

/** The current time, re-read every `everyMs` so "expires in …" counts down while the popup is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * A past moment as the desk says it beside a word ("Checked with Persona …", "changed …"): within
 * the minute "just now", not Intl's bare "now", which reads as "hinzugefügt jetzt" or "Actualizado
 * ahora".
 */
export function formatAgo(value: string | number, now = Date.now()): string {
  const age = now - toMs(value);
  return Math.abs(age) < 60_000 ? t('justNow') : formatRelative(value, now);
}

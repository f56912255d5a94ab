// Times in the reviewer's own locale. Formatters are built once: Intl constructors are slow enough
// to matter when a list of 50 inquiries renders on popup open (docs/architecture.md#budgets, first
// paint).
import { useEffect, useState } from 'preact/hooks';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function toMs(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** "3 Jun 2025, 16:05"; an unparseable value is shown as Persona sent it. */
export function formatDateTime(value: string | number, format = dateTime): string {
  const ms = toMs(value);
  return Number.isNaN(ms) ? String(value) : format.format(ms);
}

/** "5 minutes ago", "in 23 hours", "now": the largest whole unit, rounded toward zero. */
export function formatRelative(
  value: string | number,
  now = Date.now(),
  format = relative,
): string {
  const diff = toMs(value) - now;
  if (Number.isNaN(diff)) return '';
  for (const [unit, size] of units) {
    if (Math.abs(diff) >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return format.format(0, 'second');
}

/** The current time, re-read every `everyMs` so "expires in …" counts down while the popup is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

// Dates, times and numbers in the browser's UI language, the same language the messages are in.
// Formatters are built once, on first use: Intl constructors are slow enough to matter when a list
// of 50 inquiries renders on popup open (docs/architecture.md#budgets, first paint).
import { uiLocale } from './i18n.ts';

let relative: Intl.RelativeTimeFormat | undefined;
const numbers = new Map<number, Intl.NumberFormat>();

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** A time given as ms since the epoch or as a date string, in ms: NaN when it does not parse. */
export function toMs(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** "5 minutes ago", "in 23 hours", "now": the largest whole unit, rounded toward zero. */
export function formatRelative(
  value: string | number,
  now = Date.now(),
  format?: Intl.RelativeTimeFormat,
): string {
  const diff = toMs(value) - now;
  if (Number.isNaN(diff)) return '';
  format ??= relative ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    // Rounded: a link made a moment ago for 24 hours expires "in 24 hours", not "in 23".
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'second');
}

/** 1234.5 → "1,234.5" in English, "1.234,5" in German; at most `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  let format = numbers.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: digits });
    numbers.set(digits, format);
  }
  return format.format(value);
}

// Dates with their time, in the browser's UI language (format.ts). Apart from format.ts, which the
// popup's first screen loads: only the views past it and the options page show a date so, and the
// first screen's chunk carries every export of its modules (docs/architecture.md#budgets).
import { toMs } from './format.ts';
import { uiLocale } from './i18n.ts';

let dateTime: Intl.DateTimeFormat | undefined;

/**
 * "3 Jun 2025, 16:05"; an unparseable value is shown as Persona sent it. The space before a
 * 12-hour clock's "AM" or "PM" does not break (Chromium's Intl writes a plain one), so a narrow
 * column never leaves "PM" on a line of its own.
 */
export function formatDateTime(value: string | number, format?: Intl.DateTimeFormat): string {
  const ms = toMs(value);
  if (Number.isNaN(ms)) return String(value);
  format ??= dateTime ??= new Intl.DateTimeFormat(uiLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return format
    .formatToParts(ms)
    .map((part, i, parts) =>
      parts[i + 1]?.type === 'dayPeriod' ? part.value.replace(/\s/g, '\u00a0') : part.value,
    )
    .join('');
}

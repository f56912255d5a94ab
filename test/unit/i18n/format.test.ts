// Dates, times and numbers follow the browser's UI language; messages come through t() with their
// placeholders filled.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { t } from '../../../src/shared/i18n.ts';

async function freshFormat(language: string) {
  fakeBrowser.i18n.getUILanguage = () => language;
  // The formatters are built once per page; a fresh module is a fresh page.
  vi.resetModules();
  const [format, dates] = await Promise.all([
    import('../../../src/shared/format.ts'),
    import('../../../src/shared/format-date-time.ts'),
  ]);
  return { ...format, ...dates };
}

describe('formatting in the UI language', () => {
  it('writes dates and numbers the German way when the browser is in German', async () => {
    const format = await freshFormat('de');
    const when = new Date(2025, 5, 3, 16, 5).getTime();
    expect(format.formatDateTime(when)).toBe('03.06.2025, 16:05');
    expect(format.formatNumber(1234.5)).toBe('1.234,5');
    expect(format.formatRelative(when - 2 * 3_600_000, when)).toBe('vor 2 Stunden');
  });

  it('writes them the Spanish way in Spanish', async () => {
    const format = await freshFormat('es');
    expect(format.formatNumber(12345.5)).toBe('12.345,5');
    expect(format.formatRelative(60_000 * 5, 0)).toBe('dentro de 5 minutos');
  });

  it('writes them the English way in English', async () => {
    const format = await freshFormat('en-US');
    const when = new Date(2025, 5, 3, 16, 5).getTime();
    // A no-break space before PM: in a narrow column "PM" stays with its time.
    expect(format.formatDateTime(when)).toBe('Jun 3, 2025, 4:05\u00a0PM');
    expect(format.formatNumber(3600)).toBe('3,600');
  });

  it('keeps a value it cannot read as it came', async () => {
    const format = await freshFormat('de');
    expect(format.formatDateTime('not a date')).toBe('not a date');
    expect(format.formatRelative('not a date')).toBe('');
  });
});

describe('t()', () => {
  it('fills placeholders in order, numbers as text', () => {
    expect(t('approveQuestion', 'inq_1')).toBe('Approve inq_1? This decision is final.');
    expect(t('rateLeft', 5, 10)).toBe('5 of 10 requests left this minute');
  });

  it('asks the browser for the message with its substitutions', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    t('notifyTitle', 'inq_1', 'approved');
    expect(getMessage).toHaveBeenCalledWith('notifyTitle', ['inq_1', 'approved']);
  });
});

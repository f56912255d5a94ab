// @vitest-environment happy-dom
// A verification's, a check's and a report's status in the reader's language beside Persona's word, as an
// inquiry's status is; in English, where the words are the code itself, the code alone.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerificationView } from '../../../src/shared/persona/view-model.ts';
import { ReportList } from '../../../src/ui/components/report-list.tsx';
import { resultWords } from '../../../src/ui/components/result-words.ts';
import { VerificationCard } from '../../../src/ui/components/verification-card.tsx';
import { inLanguage } from '../i18n/in-language.ts';

// English again before each test: test/unit/setup-browser.ts.
afterEach(cleanup);

const verification: VerificationView = {
  id: 'ver_A',
  type: 'verification/government-id',
  status: 'failed',
  loaded: true,
  checks: [
    {
      name: 'id_barcode_detection',
      status: 'failed',
      required: true,
      reasons: [],
    },
  ],
  fields: [],
};
const reveal = { all: false, isShown: () => false, toggle: () => {}, toggleAll: () => {} };

describe('verification and check results', () => {
  it('in German: the words are heard, the code is shown beside them', () => {
    inLanguage('de');
    render(<VerificationCard verification={verification} reveal={reveal} label="Government ID" />);
    expect(screen.getByRole('heading', { level: 4 }).textContent).toContain('Nicht bestanden');
    const row = document.querySelector('.check-row') as HTMLElement;
    expect(row.querySelector('.result-words')?.textContent).toBe('Nicht bestanden');
    expect(row.querySelector('.check-status')?.getAttribute('aria-hidden')).toBe('true');
    expect(row.querySelector('.check-status')?.textContent).toBe('failed');
  });

  it('in Spanish too', () => {
    inLanguage('es');
    expect(resultWords('not_applicable')).toBe('No aplicable');
    expect(resultWords('passed')).toBe('Superada');
  });

  it('in English, the code alone: its words are the code itself', () => {
    render(<VerificationCard verification={verification} reveal={reveal} label="Government ID" />);
    expect(document.querySelector('.result-words')).toBeNull();
    const code = document.querySelector('.check-row .check-status') as HTMLElement;
    expect(code.getAttribute('aria-hidden')).toBeNull();
    expect(resultWords('not_applicable')).toBeUndefined();
  });

  it('keeps a status no catalogue knows as Persona sent it, alone', () => {
    inLanguage('de');
    expect(resultWords('some_new_result')).toBeUndefined();
  });
});

describe('a passed verification beside a failed check', () => {
  const optional = { ...verification.checks[0], required: false } as VerificationView['checks'][0];
  it('says the template does not require what failed', () => {
    const passed = { ...verification, status: 'passed', checks: [optional] };
    render(<VerificationCard verification={passed} reveal={reveal} label="Government ID" />);
    expect(
      screen.getByText('Passed: the template does not require what failed here.'),
    ).toBeTruthy();
  });

  it('says nothing of it beside a failed check Persona marks required', () => {
    const contradicting = { ...verification, status: 'passed' };
    render(<VerificationCard verification={contradicting} reveal={reveal} label="Government ID" />);
    expect(screen.queryByText(/does not require/)).toBeNull();
  });

  it('says nothing of it on a failed verification, nor with every check passed', () => {
    render(<VerificationCard verification={verification} reveal={reveal} label="Government ID" />);
    const clean = {
      ...verification,
      status: 'passed',
      checks: [{ ...optional, status: 'passed' }],
    };
    render(<VerificationCard verification={clean} reveal={reveal} label="Selfie" />);
    expect(screen.queryByText(/does not require/)).toBeNull();
  });
});

describe('a report’s status', () => {
  const report = {
    id: 'rep_A',
    type: 'report/watchlist',
    status: 'ready',
    hasMatch: true,
    loaded: true,
  };

  it('in Spanish: the report’s words are heard, the code shown beside them', () => {
    inLanguage('es');
    render(<ReportList reports={[report]} />);
    const row = document.querySelector('.report-row') as HTMLElement;
    expect(row.querySelector('.result-words')?.textContent).toBe('Listo');
    const chip = row.querySelector('code.chip') as HTMLElement;
    expect(chip.textContent).toBe('ready');
    expect(chip.getAttribute('aria-hidden')).toBe('true');
    // Said of a report, not of a verification.
    expect(resultWords('ready')).toBeUndefined();
    expect(resultWords('errored', true)).toBe('Con error');
  });

  it('in English, the code alone; a status no catalogue knows, as Persona sent it', () => {
    render(<ReportList reports={[report, { ...report, id: 'rep_B', status: 'queued_later' }]} />);
    expect(document.querySelector('.result-words')).toBeNull();
    inLanguage('de');
    expect(resultWords('queued_later', true)).toBeUndefined();
    expect(resultWords('pending', true)).toBe('Ausstehend');
  });
});

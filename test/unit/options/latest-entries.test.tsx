// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LatestEntries } from '../../../src/options/activity-log-section.tsx';
import { newestFirst } from '../../../src/options/log-order.ts';
import type { AuditEntry, AuditTrail } from '../../../src/shared/audit/trail.ts';

afterEach(cleanup);

const T0 = Date.UTC(2026, 11, 3, 22, 7, 0);
const hash = '0'.repeat(64);
const entry = (seq: number, seconds: number, action: AuditEntry['action']): AuditEntry => ({
  seq,
  at: T0 + seconds * 1000,
  reviewer: 'sk_…abcd',
  action,
  outcome: 'ok',
  prevHash: hash,
  hash,
});

// What a restart with a passphrase records: the key and passphrase, then the unlock, then the
// create the background finished after it, stamped at its click before the browser closed.
const recorded = [
  entry(0, 0, 'keySaved'),
  entry(1, 2, 'passphraseSet'),
  entry(2, 32, 'unlock'),
  entry(3, 10, 'create'),
];

describe("the activity log's table", () => {
  it('lists by time, newest first, and marks an entry recorded after later ones', () => {
    render(<LatestEntries trail={{ entries: recorded } as unknown as AuditTrail} />);
    const rows = [...document.querySelectorAll('.log-table tbody tr')];
    const actions = rows.map((row) => row.querySelectorAll('td')[1]?.textContent);
    expect(actions).toEqual(['Unlock', 'Create inquiry', 'Set passphrase', 'Save key']);
    // Each numbered as the exports and a failed check name it.
    const numbers = rows.map((row) => row.querySelector('td.log-seq')?.textContent);
    expect(numbers).toEqual(['2', '3', '1', '0']);
    const marked = rows.map((row) =>
      row.querySelector('td')?.textContent?.includes('entered in the log later'),
    );
    expect(marked).toEqual([false, true, false, false]);
    expect(screen.getByText('The latest 4 entries')).toBeTruthy();
  });

  it('says under an action what it was about: the field revealed, the settings changed', () => {
    const entries = [
      { ...entry(0, 0, 'reveal'), details: ['inquiry:birthdate'] },
      { ...entry(1, 1, 'reveal'), details: ['government-id:identification-number'] },
      { ...entry(2, 2, 'reveal'), details: ['all'] },
      // A scope and a setting this version does not know (a later one's): as recorded, in words.
      { ...entry(3, 3, 'reveal'), details: ['hologram:serial-code'] },
      { ...entry(4, 4, 'settingsChanged'), details: ['chatTemplate', 'autoLockMinutes'] },
      { ...entry(5, 5, 'settingsChanged'), details: ['dailyDigest'] },
      entry(6, 6, 'settingsChanged'),
    ];
    render(<LatestEntries trail={{ entries } as unknown as AuditTrail} />);
    const cells = [...document.querySelectorAll('.log-table tbody tr')].map(
      (row) => row.querySelectorAll('td')[1],
    );
    expect(cells.map((cell) => cell?.querySelector('.log-details')?.textContent)).toEqual([
      undefined,
      'dailyDigest',
      'Chat message template, Auto-lock after (minutes without use)',
      'Serial code (Hologram)',
      'all fields',
      'ID number (Government ID)',
      'Date of birth',
    ]);
    expect(cells[2]?.textContent).toBe(
      'Change settings Chat message template, Auto-lock after (minutes without use)',
    );
  });

  it('names a refusal for want of an open key as none, locked or not allowed', () => {
    // A key saved while Lock now was pressed is refused with the locked desk's error.
    const refused = { ...entry(0, 0, 'keySaved'), outcome: 'error', errorKind: 'no_key' } as const;
    render(<LatestEntries trail={{ entries: [refused] } as unknown as AuditTrail} />);
    const outcome = document.querySelectorAll('.log-table tbody td')[2]?.textContent;
    expect(outcome).toBe('error: no usable key (none, locked or not allowed) (no_key)');
  });
});

describe('newestFirst', () => {
  it('shows the newest entries by time, the later recorded first on a tie', () => {
    const entries = [entry(0, 50, 'lock'), entry(1, 5, 'unlock'), entry(2, 5, 'reveal')];
    const shown = newestFirst(entries, 2);
    expect(shown.map((s) => s.entry.seq)).toEqual([0, 2]);
    expect(shown.map((s) => s.recordedLater)).toEqual([false, true]);
  });

  it('leaves no newer entry out for one recorded late: the rows are an unbroken stretch of time', () => {
    // A create stamped at 10 s, recorded after three reveals at 11-13 s; two rows are shown.
    const entries = [
      entry(0, 11, 'reveal'),
      entry(1, 12, 'reveal'),
      entry(2, 13, 'reveal'),
      entry(3, 10, 'create'),
    ];
    expect(newestFirst(entries, 2).map((s) => s.entry.seq)).toEqual([2, 1]);
  });

  it('marks no entry written a few milliseconds after a later-stamped one (the same second shown)', () => {
    const stamped = { ...entry(0, 10, 'keySaved'), at: T0 + 10_004 };
    const shown = newestFirst([stamped, entry(1, 10, 'unlock')], 50);
    expect(shown.map((s) => s.recordedLater)).toEqual([false, false]);
  });

  it('marks nothing in a log recorded in time order', () => {
    const entries = [entry(0, 1, 'keySaved'), entry(1, 1, 'lock'), entry(2, 3, 'unlock')];
    expect(newestFirst(entries, 50).map((s) => [s.entry.seq, s.recordedLater])).toEqual([
      [2, false],
      [1, false],
      [0, false],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { againstLog, lastExportPrint } from '../../../src/options/file-against-log.ts';
import type { AuditEntry, AuditTrail } from '../../../src/shared/audit/trail.ts';

/** Entries `from`..`to` (seq), one a minute, each hash naming its seq. */
function entries(from: number, to: number): AuditEntry[] {
  const made: AuditEntry[] = [];
  for (let seq = from; seq <= to; seq++) {
    made.push({
      seq,
      at: 60_000 * seq,
      reviewer: 'r',
      action: 'approve',
      outcome: 'ok',
      prevHash: `h${seq - 1}`.padEnd(64, '0'),
      hash: `h${seq}`.padEnd(64, '0'),
    } as AuditEntry);
  }
  return made;
}
const hashOf = (seq: number) => `h${seq}`.padEnd(64, '0');

describe('a checked file against this browser log (UX review s48, 3)', () => {
  const log: AuditTrail = { entries: entries(0, 7) };

  it('ends where the log ends', () => {
    expect(againstLog(log, hashOf(7))).toEqual({ kind: 'same' });
  });

  it('cut short, or made before the last entries: how many the log has after its last', () => {
    expect(againstLog(log, hashOf(5))).toEqual({ kind: 'behind', after: 2, seq: 5 });
    expect(againstLog(log, hashOf(0))).toEqual({ kind: 'behind', after: 7, seq: 0 });
  });

  it("ends at the entry this browser's log was cut after, for size", () => {
    const paged: AuditTrail = {
      entries: entries(3, 7),
      checkpoint: { hash: hashOf(2), dropped: 3, droppedAt: 1 },
    };
    expect(againstLog(paged, hashOf(2))).toEqual({ kind: 'behind', after: 5, seq: 2 });
    // One that ended earlier still, in entries dropped here since: not to be found.
    expect(againstLog(paged, hashOf(1))).toEqual({ kind: 'elsewhere' });
  });

  it("from another browser's log", () => {
    expect(againstLog(log, 'f'.repeat(64))).toEqual({ kind: 'elsewhere' });
  });
});

describe("the last export's fingerprint", () => {
  it('is the start of the hash of the last entry logged before it', () => {
    const trail: AuditTrail = { entries: entries(0, 7), lastExportedAt: 60_000 * 5 + 30_000 };
    expect(lastExportPrint(trail)).toBe('h500 0000 0000 0000');
  });

  it('is unknown before any export, and when the entry it ended in was dropped for size', () => {
    expect(lastExportPrint({ entries: entries(0, 7) })).toBeUndefined();
    const dropped: AuditTrail = {
      entries: entries(6, 7),
      checkpoint: { hash: hashOf(5), dropped: 6, droppedAt: 1 },
      lastExportedAt: 60_000 * 5 + 30_000,
    };
    expect(lastExportPrint(dropped)).toBeUndefined();
  });
});

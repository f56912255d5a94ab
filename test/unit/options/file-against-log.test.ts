import { describe, expect, it } from 'vitest';
import { againstLog } from '../../../src/options/file-against-log.ts';
import { GENESIS_HASH } from '../../../src/shared/audit/chain.ts';
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

describe('a checked file against this browser log', () => {
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

  it('empty, it ends where every chain starts', () => {
    expect(againstLog(log, GENESIS_HASH)).toEqual({ kind: 'behind', after: 8 });
    expect(againstLog({ entries: [] }, GENESIS_HASH)).toEqual({ kind: 'same' });
    // Not once this browser's log starts from a checkpoint: that start is not the file's.
    const paged: AuditTrail = {
      entries: entries(3, 7),
      checkpoint: { hash: hashOf(2), dropped: 3, droppedAt: 1 },
    };
    expect(againstLog(paged, GENESIS_HASH)).toEqual({ kind: 'elsewhere' });
  });

  it("from another browser's log", () => {
    expect(againstLog(log, 'f'.repeat(64))).toEqual({ kind: 'elsewhere' });
  });
});

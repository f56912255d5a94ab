// What a checked file is to this browser's own log. A file cut at its end verifies as a chain
// (trail.ts), so its own check cannot say entries are missing from it; this browser's log can,
// when it still holds the entry the file ends with.
import { GENESIS_HASH } from '../shared/audit/chain.ts';
import type { AuditTrail } from '../shared/audit/trail.ts';

export type AgainstLog =
  /** The file ends where this browser's log ends now. */
  | { kind: 'same' }
  /** This browser's log has `after` entries past the file's last, entry `seq` (none: empty). */
  | { kind: 'behind'; after: number; seq?: number }
  /** The file's last entry is not in this log: another browser's, or one dropped since. */
  | { kind: 'elsewhere' };

/** Where the chain ending in `last` (a checked file's) stands against `trail`. */
export function againstLog(trail: AuditTrail, last: string): AgainstLog {
  const { entries, checkpoint } = trail;
  const at = entries.findIndex((entry) => entry.hash === last);
  // The file may end at the last entry this browser has since dropped for size, or, empty, where
  // every chain starts.
  const start = checkpoint?.hash ?? GENESIS_HASH;
  const from = at >= 0 ? at + 1 : start === last ? 0 : -1;
  if (from < 0) return { kind: 'elsewhere' };
  const after = entries.length - from;
  if (after === 0) return { kind: 'same' };
  if (at < 0 && !checkpoint) return { kind: 'behind', after };
  const seq = at >= 0 ? (entries[at]?.seq ?? 0) : (checkpoint?.dropped ?? 0) - 1;
  return { kind: 'behind', after, seq };
}

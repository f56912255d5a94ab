// What a damaged audit trail still gives: its entries that parse, each alone, and its checkpoint
// and export time when they parse. The chain then fails to verify at a dropped entry, which is
// what it should say. No zod here: the worker's generated item (src/shared/generated/) runs this
// with generated checks, the zod item (trail-item.ts) with its schemas.
import type { Parser } from '../storage.ts';
import type { AuditEntry, AuditTrail, Checkpoint } from './trail.ts';

export function salvageTrail(parts: {
  entry: Parser<AuditEntry>;
  checkpoint: Parser<Checkpoint>;
  time: Parser<number>;
}): (raw: unknown) => AuditTrail | undefined {
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as AuditTrail).entries)) {
      return undefined;
    }
    const r = raw as Record<string, unknown> & { entries: unknown[] };
    const entries = r.entries.flatMap((e) => {
      const parsed = parts.entry.safeParse(e);
      return parsed.success ? [parsed.data] : [];
    });
    const checkpoint = parts.checkpoint.safeParse(r.checkpoint);
    const exported = parts.time.safeParse(r.lastExportedAt);
    return {
      entries,
      ...(checkpoint.success ? { checkpoint: checkpoint.data } : {}),
      ...(exported.success ? { lastExportedAt: exported.data } : {}),
    };
  };
}

// What a damaged audit trail still gives: its entries and closed pages that parse, each alone, and
// its checkpoint and export time when they parse. The chain then fails to verify at a dropped entry
// (or at the first entry of a dropped page), which is what it should say. No zod here: the worker's
// generated item (src/shared/generated/) runs this with generated checks, the zod item
// (trail-item.ts) with its schemas.
import { isRecord } from '../is-record.ts';
import { type Parser, salvageList } from '../storage.ts';
import type { AuditEntry, AuditHead, Checkpoint, PageRef } from './trail.ts';

export function salvageTrail(parts: {
  entry: Parser<AuditEntry>;
  page: Parser<PageRef>;
  checkpoint: Parser<Checkpoint>;
  time: Parser<number>;
}): (raw: unknown) => AuditHead | undefined {
  return (raw) => {
    const r = isRecord(raw) ? raw : {};
    const entries = salvageList(parts.entry)(r.entries);
    if (!entries) return undefined;
    const checkpoint = parts.checkpoint.safeParse(r.checkpoint);
    const exported = parts.time.safeParse(r.lastExportedAt);
    return {
      pages: salvageList(parts.page)(r.pages),
      entries,
      ...(checkpoint.success ? { checkpoint: checkpoint.data } : {}),
      ...(exported.success ? { lastExportedAt: exported.data } : {}),
    };
  };
}

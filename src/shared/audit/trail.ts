// The audit trail's shape and its hash chain, pure: the background appends with it, the options
// page verifies with it, and so can anyone holding an exported JSON file. Each entry carries the
// SHA-256 of the entry before it (`prevHash`) and of itself (`hash`), so an edited, removed or
// reordered entry breaks the chain. When old entries are dropped for size, the hash of the last
// dropped one is kept as the checkpoint the remaining chain starts from.
//
// The schemas are here; the chain itself, which the background needs without zod, is chain.ts.
import * as z from 'zod/mini';
import { t } from '../i18n.ts';
import { lazy } from '../lazy.ts';
import {
  type AuditAction,
  type AuditEntry,
  auditActions,
  canonical,
  GENESIS_HASH,
  sha256Hex,
} from './chain.ts';

export {
  type AuditAction,
  type AuditEntry,
  type AuditFacts,
  auditActions,
  chainEntry,
  GENESIS_HASH,
  INTERRUPTED,
  sha256Hex,
} from './chain.ts';

// Schemas are built on first use (lazy.ts), not when the worker's script runs.
const hash = lazy(() => z.string().check(z.regex(/^[0-9a-f]{64}$/)));

/** What an entry says, apart from its place in the chain. */
const factsShape = () => ({
  at: z.number(),
  /** The organisation's reviewer name or email (policy), else the masked key. */
  reviewer: z.string().check(z.maxLength(200)),
  inquiryId: z.optional(z.string().check(z.maxLength(100))),
  action: z.enum(auditActions),
  outcome: z.enum(['ok', 'error']),
  /** On an error: its kind and Persona's Request-Id when there was one. No message text. */
  errorKind: z.optional(z.string().check(z.maxLength(40))),
  requestId: z.optional(z.string().check(z.maxLength(100))),
  /** Names only: the field revealed, the settings changed (chain.ts `AuditEntry`). */
  details: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(30))),
});

export const auditEntrySchema = lazy(() =>
  z.object({
    /** Position in the whole trail, dropped entries included: a gap shows. */
    seq: z.number().check(z.int(), z.gte(0)),
    ...factsShape(),
    prevHash: hash(),
    hash: hash(),
  }),
);

/**
 * Actions under way, each as the entry it gets if no answer comes (background audit/pending.ts),
 * by a mark that names the worker's life it started in.
 */
export const auditPendingSchema = lazy(() => z.record(z.string(), z.object(factsShape())));
type ParsedEntry = z.infer<ReturnType<typeof auditEntrySchema>>;
// The schema gives exactly chain.ts's AuditEntry: either type changed alone fails to compile.
const sameEntry: [ParsedEntry, AuditEntry] extends [AuditEntry, ParsedEntry] ? true : false = true;
void sameEntry;

export const checkpointSchema = lazy(() =>
  z.object({
    /** The hash of the last dropped entry: the remaining chain's first prevHash. */
    hash: hash(),
    dropped: z.number().check(z.int(), z.gte(0)),
    droppedAt: z.number(),
  }),
);
export type Checkpoint = z.infer<ReturnType<typeof checkpointSchema>>;

export const auditTrailSchema = lazy(() =>
  z.object({
    entries: z.array(auditEntrySchema()),
    checkpoint: z.optional(checkpointSchema()),
    lastExportedAt: z.optional(z.number()),
  }),
);
export type AuditTrail = z.infer<ReturnType<typeof auditTrailSchema>>;

/**
 * A closed page of the stored trail: its entries from seq `first` to the next page's first (or the
 * open page's), stored apart under a key of their own (page-key.ts), and its last entry's hash,
 * which becomes the checkpoint once the page is dropped.
 */
export const pageRefSchema = lazy(() =>
  z.object({ first: z.number().check(z.int(), z.gte(0)), lastHash: hash() }),
);
export type PageRef = z.infer<ReturnType<typeof pageRefSchema>>;

/**
 * The trail as stored: the closed pages, oldest first, then the open page's entries (`entries`),
 * so an append reads and writes one page, not the whole trail. A trail written before pages is
 * the same with no `pages`: all its entries are the open page, and the next append closes them.
 */
export const auditHeadSchema = lazy(() =>
  z.object({
    pages: z.optional(z.array(pageRefSchema())),
    entries: z.array(auditEntrySchema()),
    checkpoint: z.optional(checkpointSchema()),
    lastExportedAt: z.optional(z.number()),
  }),
);
export type AuditHead = z.infer<ReturnType<typeof auditHeadSchema>>;

export type VerifyResult =
  /** `last`: the hash the chain ends in, for a file to be found in this browser's log. */
  | { ok: true; entries: number; firstSeq: number; fingerprint: string; last: string }
  /**
   * `entry`: the broken entry's time and action, as the file has them, for the page to name it;
   * none for a file that is no trail at all.
   */
  | { ok: false; at: number; reason: string; entry?: { at: number; action: AuditAction } };

/**
 * What identifies a chain: the start of its last hash. A file edited and hashed again verifies
 * too (the recipe is public), and so does one cut at its end; neither ends in the same hash. So
 * an export's fingerprint, noted outside the browser, tells its copy from any other file.
 */
export function fingerprintOf(trail: AuditTrail): string {
  return lastHashOf(trail)
    .slice(0, 16)
    .replace(/(.{4})(?!$)/g, '$1 ');
}

/** The hash `trail` ends in: its last entry's, its checkpoint's, or the chain's start. */
function lastHashOf(trail: AuditTrail): string {
  return trail.entries.at(-1)?.hash ?? trail.checkpoint?.hash ?? GENESIS_HASH;
}

/** Checks every link of the chain from the checkpoint (or the start) to the last entry. */
export async function verifyTrail(trail: AuditTrail): Promise<VerifyResult> {
  let prev = trail.checkpoint?.hash ?? GENESIS_HASH;
  let seq = trail.checkpoint?.dropped ?? 0;
  // An entry is named by its `seq`, the number the export shows for it; its place in the file
  // drifts from that once older entries have been dropped.
  for (const [i, entry] of trail.entries.entries()) {
    const broken = (reason: string) =>
      ({ ok: false, at: i, reason, entry: { at: entry.at, action: entry.action } }) as const;
    if (entry.seq !== seq) return broken(t('verifyEntryMissing', entry.seq));
    if (entry.prevHash !== prev) return broken(t('verifyEntryUnlinked', entry.seq));
    const { hash: stated, ...body } = entry;
    if ((await sha256Hex(canonical(body))) !== stated) {
      return broken(t('verifyEntryChanged', entry.seq));
    }
    prev = stated;
    seq += 1;
  }
  return {
    ok: true,
    entries: trail.entries.length,
    firstSeq: trail.checkpoint?.dropped ?? 0,
    fingerprint: fingerprintOf(trail),
    last: lastHashOf(trail),
  };
}

/** Verifies an exported JSON file's text: it must parse as a trail, then its chain must hold. */
export async function verifyExport(text: string): Promise<VerifyResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, at: -1, reason: t('verifyNotJson') };
  }
  const parsed = auditTrailSchema().safeParse(raw);
  if (!parsed.success) return { ok: false, at: -1, reason: t('verifyNotActivityLog') };
  return verifyTrail(parsed.data);
}

const csvColumns = [
  'seq',
  'at',
  'reviewer',
  'inquiryId',
  'action',
  'outcome',
  'errorKind',
  'requestId',
  'prevHash',
  'hash',
] as const;

function csvCell(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : String(value);
  // A leading = + - @ would be run as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The trail as CSV: the recorded fields, then `actionLabel`, each action in the words the page's
 * table shows it (`label`), so a line of the file is found on screen, then `details`, the names an
 * entry records (`; ` between them). Added last, each, so a reader of the columns before them by
 * position reads them where they were.
 */
export function trailToCsv(trail: AuditTrail, label: (action: AuditAction) => string): string {
  const rows = trail.entries.map((entry) =>
    [
      ...csvColumns.map((c) => (c === 'at' ? new Date(entry.at).toISOString() : csvCell(entry[c]))),
      csvCell(label(entry.action)),
      csvCell(entry.details?.join('; ')),
    ].join(','),
  );
  return `${[[...csvColumns, 'actionLabel', 'details'].join(','), ...rows].join('\r\n')}\r\n`;
}

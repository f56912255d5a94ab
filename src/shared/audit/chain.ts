// The audit trail's hash chain, without zod: the background appends with it (audit/append.ts), and
// trail.ts verifies with it. Each entry carries the SHA-256 of the entry before it (`prevHash`) and
// of itself (`hash`), so an edited, removed or reordered entry breaks the chain.

export const GENESIS_HASH = '0'.repeat(64);

export const auditActions = [
  'create',
  'approve',
  'decline',
  'markForReview',
  // Nothing writes it now (the desk never offered expire); kept so any entry that has it still reads.
  'expire',
  // Kept so entries written before single tag changes still read; new ones say add or remove.
  'setTags',
  'addTag',
  'removeTag',
  'newLink',
  'reveal',
  'photosShown',
  'savePdf',
  'keySaved',
  'keyRemoved',
  'passphraseSet',
  // A passphrase changed (the current one given), told apart from the first set.
  'passphraseChanged',
  'lock',
  // The idle auto-lock, told apart from a reviewer's Lock now.
  'autoLock',
  'unlock',
  // "Allow production keys" turned on or off by a save.
  'productionAllowed',
  'productionDisallowed',
  // Any other setting changed by a save: the chat message sent to customers, the auto-lock, the
  // base URL, the templates, the poll period, the switches.
  'settingsChanged',
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * One entry of the trail. Its schema is trail.ts `auditEntrySchema`, which the compiler holds to
 * this type (the one place the two could part).
 */
export interface AuditEntry {
  /** Position in the whole trail, dropped entries included: a gap shows. */
  seq: number;
  at: number;
  /** The organisation's reviewer name or email (policy), else the masked key. */
  reviewer: string;
  inquiryId?: string | undefined;
  action: AuditAction;
  outcome: 'ok' | 'error';
  /** On an error: its kind and Persona's Request-Id when there was one. No message text. */
  errorKind?: string | undefined;
  requestId?: string | undefined;
  /**
   * What the action was about, by name and never by value: the field a reveal showed
   * (`inquiry:birthdate`, `government-id:identification-number`; `all` for Reveal all), the
   * settings a save changed (`chatTemplate`, `autoLockMinutes`). Absent from entries written
   * before it, whose hashed text stays as it was.
   */
  details?: string[] | undefined;
  prevHash: string;
  hash: string;
}
export type AuditFacts = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/**
 * The error kind of an action the worker was stopped in the middle of: it never saw the answer,
 * so whether Persona did it is unknown to the log (the inquiry's own events tell).
 */
export const INTERRUPTED = 'interrupted';

/**
 * The hashed text: fixed field order, absent fields as null; `details`, added later, only when
 * present and last, so an entry written before it hashes as it did.
 */
export function canonical(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = [
    entry.seq,
    entry.at,
    entry.reviewer,
    entry.inquiryId ?? null,
    entry.action,
    entry.outcome,
    entry.errorKind ?? null,
    entry.requestId ?? null,
    entry.prevHash,
  ];
  return JSON.stringify(entry.details ? [...fields, entry.details] : fields);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function chainEntry(
  facts: AuditFacts,
  seq: number,
  prevHash: string,
): Promise<AuditEntry> {
  const body = { seq, ...facts, prevHash };
  return { ...body, hash: await sha256Hex(canonical(body)) };
}

import type {
  AccountRecord,
  InquiryRecord,
  OneTimeLinkRecord,
  ReportRecord,
  SandboxState,
  SessionRecord,
  VerificationRecord,
} from './types.ts';

/** Persona's list order is by creation; `seq` breaks ties between inquiries of the same millisecond. */
export function byCreation(a: InquiryRecord, b: InquiryRecord): number {
  return a.createdAt - b.createdAt || a.seq - b.seq;
}

/** Index of the first inquiry not created before `probe` (binary search on creation order). */
export function lowerBound(list: readonly InquiryRecord[], probe: InquiryRecord): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byCreation(list[mid] as InquiryRecord, probe) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isOpen(inquiry: InquiryRecord): boolean {
  return (
    (inquiry.status === 'created' || inquiry.status === 'pending') &&
    inquiry.expiresAt !== null &&
    inquiry.redactedAt === null
  );
}

/**
 * All sandbox state, indexed for the access patterns of the API: by id for retrieves and
 * `filter[inquiry-id]`, and one array in creation order so newest-first lists and cursors are a
 * binary search plus a slice even with tens of thousands of inquiries.
 */
export class SandboxStore {
  readonly inquiries = new Map<string, InquiryRecord>();
  readonly verifications = new Map<string, VerificationRecord>();
  readonly reports = new Map<string, ReportRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly links = new Map<string, OneTimeLinkRecord>();
  readonly accounts = new Map<string, AccountRecord>();
  private readonly accountsByReference = new Map<string, AccountRecord>();
  private ordered: InquiryRecord[] = [];
  private needsSort = false;
  private seq = 0;
  // Inquiries that can still expire, so lazy expiry costs nothing until the earliest deadline.
  private readonly open = new Set<InquiryRecord>();
  private nextExpiry = Number.POSITIVE_INFINITY;
  // Bumped by touch(): lets serialisers reuse an inquiry's JSON until it changes.
  private readonly versions = new WeakMap<InquiryRecord, number>();
  onChange: (() => void) | null = null;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  addInquiry(inquiry: InquiryRecord): void {
    this.inquiries.set(inquiry.id, inquiry);
    const last = this.ordered.at(-1);
    if (last && byCreation(inquiry, last) < 0) this.needsSort = true;
    this.ordered.push(inquiry);
    this.touch(inquiry);
  }

  /**
   * Call after every change to an inquiry or its relationships: keeps the expiry index, cached
   * JSON and persistence current.
   */
  touch(inquiry: InquiryRecord): void {
    this.versions.set(inquiry, (this.versions.get(inquiry) ?? 0) + 1);
    if (isOpen(inquiry)) {
      this.open.add(inquiry);
      this.nextExpiry = Math.min(this.nextExpiry, inquiry.expiresAt ?? Number.POSITIVE_INFINITY);
    } else {
      this.open.delete(inquiry);
    }
    this.changed();
  }

  versionOf(inquiry: InquiryRecord): number {
    return this.versions.get(inquiry) ?? 0;
  }

  changed(): void {
    this.onChange?.();
  }

  /** Inquiries oldest first; iterate from the end for Persona's newest-first order. */
  ascending(): readonly InquiryRecord[] {
    if (this.needsSort) {
      this.ordered.sort(byCreation);
      this.needsSort = false;
    }
    return this.ordered;
  }

  /** Open inquiries whose deadline has passed; cheap when nothing is due. */
  takeDueForExpiry(now: number): InquiryRecord[] {
    if (now < this.nextExpiry) return [];
    const due: InquiryRecord[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const inquiry of this.open) {
      const deadline = inquiry.expiresAt ?? Number.POSITIVE_INFINITY;
      if (deadline <= now) due.push(inquiry);
      else next = Math.min(next, deadline);
    }
    this.nextExpiry = next;
    return due;
  }

  addAccount(account: AccountRecord): void {
    this.accounts.set(account.id, account);
    if (account.referenceId !== null) this.accountsByReference.set(account.referenceId, account);
    this.changed();
  }

  accountByReference(referenceId: string): AccountRecord | undefined {
    return this.accountsByReference.get(referenceId);
  }

  snapshot(): SandboxState {
    return {
      version: 1,
      seq: this.seq,
      inquiries: [...this.ascending()],
      verifications: [...this.verifications.values()],
      reports: [...this.reports.values()],
      sessions: [...this.sessions.values()],
      links: [...this.links.values()],
      accounts: [...this.accounts.values()],
    };
  }

  load(state: SandboxState): void {
    this.clear();
    this.seq = state.seq;
    for (const account of state.accounts) this.addAccount(account);
    for (const record of state.verifications) this.verifications.set(record.id, record);
    for (const record of state.reports) this.reports.set(record.id, record);
    for (const record of state.sessions) this.sessions.set(record.id, record);
    for (const record of state.links) this.links.set(record.code, record);
    for (const inquiry of state.inquiries) this.addInquiry(inquiry);
  }

  clear(): void {
    for (const map of [
      this.inquiries,
      this.verifications,
      this.reports,
      this.sessions,
      this.links,
      this.accounts,
      this.accountsByReference,
    ]) {
      map.clear();
    }
    this.ordered = [];
    this.needsSort = false;
    this.open.clear();
    this.nextExpiry = Number.POSITIVE_INFINITY;
    this.seq = 0;
    this.changed();
  }
}

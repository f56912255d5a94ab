// Stored records. Timestamps are epoch milliseconds on the sandbox clock; the serialisers turn
// them into Persona's ISO strings. Records are plain JSON so `--data FILE` can persist them as-is.
import type { NetworkProfile } from './session-network.ts';

export const INQUIRY_STATUSES = [
  'created',
  'pending',
  'completed',
  'failed',
  'expired',
  'needs_review',
  'approved',
  'declined',
] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const FINISH_OUTCOMES = ['passed', 'failed', 'needs_review'] as const;
export type FinishOutcome = (typeof FINISH_OUTCOMES)[number];

/** Persona's `fields` entries: `{type, value}` with the template's own key casing. */
export interface FieldValue {
  type: string;
  value: unknown;
}

export interface RelationRef {
  type: string;
  id: string;
}

export interface InquiryRecord {
  id: string;
  seq: number;
  status: InquiryStatus;
  templateId: string | null;
  templateVersionId: string | null;
  legacyTemplateId: string | null;
  accountId: string | null;
  referenceId: string | null;
  note: string | null;
  tags: string[];
  creator: string;
  reviewerComment: string | null;
  reviewer: RelationRef | null;
  redirectUri: string | null;
  behaviors: Record<string, unknown> | null;
  fields: Record<string, FieldValue>;
  previousStepName: string | null;
  nextStepName: string | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  expiresAt: number | null;
  completedAt: number | null;
  failedAt: number | null;
  markedForReviewAt: number | null;
  decisionedAt: number | null;
  expiredAt: number | null;
  redactedAt: number | null;
  expiryAfterStartSeconds: number | null;
  expiryAfterResumeSeconds: number | null;
  oneTimeLinkSeconds: number | null;
  verificationIds: string[];
  reportIds: string[];
  sessionIds: string[];
  /**
   * Attributes set through `POST /__sandbox/inquiries/{id}/override`, written over the ones the
   * sandbox makes: an answer Persona's spec does not promise (a null, a number, a new attribute),
   * for testing how a client reads it.
   */
  override?: Record<string, unknown>;
}

export type VerificationKind = 'government-id' | 'selfie' | 'database';

export interface VerificationCheck {
  name: string;
  status: 'passed' | 'failed' | 'not_applicable';
  reasons: string[];
  requirement: 'required' | 'not_required';
  metadata: Record<string, unknown>;
}

export interface VerificationRecord {
  id: string;
  kind: VerificationKind;
  inquiryId: string;
  status: 'initiated' | 'submitted' | 'passed' | 'failed' | 'canceled';
  createdAt: number;
  submittedAt: number | null;
  completedAt: number | null;
  redactedAt: number | null;
  countryCode: string | null;
  templateId: string;
  templateVersionId: string;
  checks: readonly VerificationCheck[];
  /** Type-specific attributes in kebab case (extracted data, scores). */
  extracted: Record<string, unknown>;
  /** Image names served under /files/<verification id>/<name>.png. */
  files: string[];
  /** As {@link InquiryRecord.override}, and a `verification/…` type of another name. */
  override?: { type?: string; attributes?: Record<string, unknown> };
}

export interface WatchlistMatch {
  name: string;
  url: string;
  listType: string;
  slug: string;
  flagCode: string;
  entityName: string;
}

export interface ReportRecord {
  id: string;
  kind: 'watchlist';
  inquiryId: string;
  accountId: string | null;
  status: 'pending' | 'ready';
  createdAt: number;
  completedAt: number | null;
  redactedAt: number | null;
  templateId: string;
  hasMatch: boolean;
  nameFirst: string | null;
  nameMiddle: string | null;
  nameLast: string | null;
  birthdate: string | null;
  countryCode: string | null;
  matches: WatchlistMatch[];
}

export interface SessionRecord {
  id: string;
  inquiryId: string;
  status: 'new' | 'active' | 'expired';
  createdAt: number;
  startedAt: number | null;
  expiredAt: number | null;
  expiresAt: number;
  userAgent: string | null;
  /** Demo sessions' device and network (session-network.ts); absent for real browser sessions. */
  network?: NetworkProfile;
}

export interface OneTimeLinkRecord {
  code: string;
  inquiryId: string;
  sessionId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface AccountRecord {
  id: string;
  referenceId: string | null;
  createdAt: number;
  updatedAt: number;
  fields: Record<string, FieldValue>;
}

export interface SandboxState {
  version: 1;
  seq: number;
  inquiries: InquiryRecord[];
  verifications: VerificationRecord[];
  reports: ReportRecord[];
  sessions: SessionRecord[];
  links: OneTimeLinkRecord[];
  accounts: AccountRecord[];
}

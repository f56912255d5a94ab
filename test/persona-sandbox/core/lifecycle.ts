import { DAY } from './clock.ts';
import type { InquiryRecord, InquiryStatus, RelationRef } from './types.ts';

/**
 * Status rules (docs.withpersona.com/model-lifecycle, and the choices Persona leaves open; README
 * "Status rules"):
 * - created → pending (start) → completed | failed | expired; created may also expire.
 * - expired → pending again through resume (also allowed on pending, which only returns a token).
 * - mark-for-review: anything except approved and declined (Persona documents that refusal).
 * - approve / decline: from every undecided status (created, pending, expired, completed, failed,
 *   needs_review): Persona's endpoints set no status limit and say a decision "will prevent further
 *   progress on the inquiry". Repeating the same decision is an idempotent no-op; switching
 *   between approved and declined is refused (a guess: Persona documents neither way).
 * - Redacted inquiries accept no transitions.
 * A refused transition throws StateConflict: routes answer 409, simulate actions 422.
 */
export class StateConflict extends Error {}

export const DEFAULT_EXPIRY_MS = DAY;
const DECIDED: readonly InquiryStatus[] = ['approved', 'declined'];

function refuse(inquiry: InquiryRecord, action: string): never {
  throw new StateConflict(`Inquiry with status ${inquiry.status} cannot be ${action}`);
}

export function assertNotRedacted(inquiry: InquiryRecord): void {
  if (inquiry.redactedAt !== null) throw new StateConflict('Inquiry has been redacted');
}

export function startInquiry(inquiry: InquiryRecord, now: number): void {
  assertNotRedacted(inquiry);
  if (inquiry.status === 'pending') return;
  if (inquiry.status !== 'created') refuse(inquiry, 'started');
  inquiry.status = 'pending';
  inquiry.startedAt = now;
  inquiry.previousStepName = 'start';
  inquiry.nextStepName = 'verification_government_id';
  if (inquiry.expiryAfterStartSeconds !== null) {
    inquiry.expiresAt = now + inquiry.expiryAfterStartSeconds * 1000;
  }
  inquiry.updatedAt = now;
}

function finish(inquiry: InquiryRecord, now: number, status: 'completed' | 'failed'): void {
  assertNotRedacted(inquiry);
  if (inquiry.status === 'created') startInquiry(inquiry, now);
  if (inquiry.status !== 'pending') refuse(inquiry, status);
  inquiry.status = status;
  inquiry.previousStepName = 'verification_database';
  if (status === 'completed') {
    inquiry.completedAt = now;
    inquiry.nextStepName = 'success';
  } else {
    inquiry.failedAt = now;
    inquiry.nextStepName = 'fail';
  }
  inquiry.updatedAt = now;
}

export function completeInquiry(inquiry: InquiryRecord, now: number): void {
  finish(inquiry, now, 'completed');
}

export function failInquiry(inquiry: InquiryRecord, now: number): void {
  finish(inquiry, now, 'failed');
}

/** `at` is when the deadline passed, so lazily evaluated expiry still reports the true moment. */
export function expireInquiry(inquiry: InquiryRecord, at: number): void {
  assertNotRedacted(inquiry);
  if (inquiry.status === 'expired') return;
  if (inquiry.status !== 'created' && inquiry.status !== 'pending') refuse(inquiry, 'expired');
  inquiry.status = 'expired';
  inquiry.expiredAt = at;
  inquiry.updatedAt = at;
}

export function markForReview(inquiry: InquiryRecord, now: number): void {
  assertNotRedacted(inquiry);
  if (inquiry.status === 'needs_review') return;
  if (inquiry.status === 'approved' || inquiry.status === 'declined') {
    refuse(inquiry, 'marked for review');
  }
  inquiry.status = 'needs_review';
  inquiry.markedForReviewAt = now;
  inquiry.updatedAt = now;
}

export function decideInquiry(
  inquiry: InquiryRecord,
  decision: 'approved' | 'declined',
  now: number,
  comment: string | null,
  reviewer: RelationRef | null,
): void {
  assertNotRedacted(inquiry);
  if (inquiry.status === decision) return;
  if (DECIDED.includes(inquiry.status)) refuse(inquiry, decision);
  inquiry.status = decision;
  inquiry.decisionedAt = now;
  inquiry.reviewer = reviewer;
  if (comment !== null) inquiry.reviewerComment = comment;
  inquiry.updatedAt = now;
}

export function resumeInquiry(inquiry: InquiryRecord, now: number): void {
  assertNotRedacted(inquiry);
  if (inquiry.status === 'pending') return;
  if (inquiry.status !== 'expired') refuse(inquiry, 'resumed');
  inquiry.status = 'pending';
  inquiry.expiredAt = null;
  inquiry.startedAt ??= now;
  const seconds = inquiry.expiryAfterResumeSeconds;
  inquiry.expiresAt = now + (seconds === null ? DEFAULT_EXPIRY_MS : seconds * 1000);
  inquiry.updatedAt = now;
}

export function canOpenFlow(inquiry: InquiryRecord): boolean {
  return (
    inquiry.redactedAt === null && (inquiry.status === 'created' || inquiry.status === 'pending')
  );
}

import type { CheckProfile } from './checks.ts';
import { type Identity, identityFields, identityFor } from './identity.ts';
import {
  assertNotRedacted,
  completeInquiry,
  failInquiry,
  markForReview,
  StateConflict,
  startInquiry,
} from './lifecycle.ts';
import { createWatchlistReport } from './reports.ts';
import type { SandboxStore } from './store.ts';
import type { FinishOutcome, InquiryRecord, VerificationKind } from './types.ts';
import { createVerification, kindForTemplate } from './verifications.ts';

const PROFILES: Record<FinishOutcome, Record<VerificationKind, CheckProfile>> = {
  passed: { 'government-id': 'passed', selfie: 'passed', database: 'passed' },
  failed: { 'government-id': 'failed', selfie: 'failed', database: 'passed' },
  needs_review: { 'government-id': 'flagged', selfie: 'flagged', database: 'passed' },
};

// The end user's steps, as shares of the time between "Start" and finishing.
const STEPS: readonly [VerificationKind, number, number][] = [
  ['government-id', 0.1, 0.4],
  ['selfie', 0.45, 0.7],
  ['database', 0.75, 0.9],
];

function behaviors(seconds: number): Record<string, unknown> {
  return {
    'request-spoof-attempts': 0,
    'user-agent-spoof-attempts': 0,
    'distraction-events': 0,
    'hesitation-baseline': 0,
    'hesitation-count': 0,
    'hesitation-time': 0,
    'shortcut-copies': 0,
    'shortcut-pastes': 0,
    'autofill-cancels': 0,
    'autofill-starts': 0,
    'devtools-open': false,
    'completion-time': Math.round(seconds * 10) / 10,
    'behavior-threat-level': 'low',
  };
}

function fillFields(inquiry: InquiryRecord, identity: Identity): void {
  for (const [key, field] of Object.entries(identityFields(identity))) {
    const current = inquiry.fields[key];
    if (current === undefined || current.value === null || current.value === '') {
      inquiry.fields[key] = field;
    }
  }
}

function updateAccount(
  store: SandboxStore,
  inquiry: InquiryRecord,
  identity: Identity,
  now: number,
) {
  const account = inquiry.accountId ? store.accounts.get(inquiry.accountId) : undefined;
  if (!account) return;
  const text = (value: string | null) => ({ type: 'string', value });
  account.fields = {
    name: {
      type: 'hash',
      value: {
        first: text(identity.nameFirst),
        middle: text(identity.nameMiddle),
        last: text(identity.nameLast),
      },
    },
    birthdate: { type: 'date', value: identity.birthdate },
    email_address: text(identity.emailAddress),
    phone_number: text(identity.phoneNumber),
  };
  account.updatedAt = now;
}

/**
 * What the hosted flow does when the end user finishes: three verifications with checks, a
 * watchlist report, the identity in `fields`, and the status. "needs review" is faithful to how
 * Persona gets there: the flow completes, then a workflow (here: the watchlist hit) marks it.
 */
export function finishInquiry(
  store: SandboxStore,
  inquiry: InquiryRecord,
  outcome: FinishOutcome,
  now: number,
): void {
  assertNotRedacted(inquiry);
  if (inquiry.status === 'created') startInquiry(inquiry, now);
  if (inquiry.status !== 'pending') {
    throw new StateConflict(`Inquiry with status ${inquiry.status} cannot be finished`);
  }
  const identity = identityFor(inquiry.id, inquiry.fields);
  const started = inquiry.startedAt ?? now;
  const span = now - started;
  for (const [kind, from, to] of STEPS) {
    createVerification(store, inquiry, {
      kind,
      profile: PROFILES[outcome][kind],
      identity,
      from: started + Math.round(span * from),
      to: started + Math.round(span * to),
    });
  }
  createWatchlistReport(store, inquiry, identity, outcome === 'needs_review', now);
  fillFields(inquiry, identity);
  updateAccount(store, inquiry, identity, now);
  inquiry.behaviors = behaviors(span / 1000);
  if (outcome === 'failed') failInquiry(inquiry, now);
  else completeInquiry(inquiry, now);
  if (outcome === 'needs_review') {
    markForReview(inquiry, now);
    inquiry.reviewer = null;
  }
  store.touch(inquiry);
}

/** perform-simulate-actions' create_passed_verification / create_failed_verification. */
export function simulateVerification(
  store: SandboxStore,
  inquiry: InquiryRecord,
  passed: boolean,
  templateId: string,
  now: number,
): void {
  assertNotRedacted(inquiry);
  const identity = identityFor(inquiry.id, inquiry.fields);
  createVerification(store, inquiry, {
    kind: kindForTemplate(templateId),
    profile: passed ? 'passed' : 'failed',
    identity,
    from: Math.max(inquiry.createdAt, now - 20_000),
    to: now,
    templateId,
  });
  inquiry.updatedAt = now;
  store.touch(inquiry);
}

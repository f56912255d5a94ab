// Inquiry statuses and what a reviewer can do in each. The list is open: Persona may add values
// without a new API version (https://docs.withpersona.com/versioning), so an unknown status is
// shown as it is and treated as one that can still change. Lifecycle:
// https://docs.withpersona.com/model-lifecycle (docs/persona.md#statuses).
import { type MessageKey, t } from '../i18n.ts';
import { humanise } from './labels.ts';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface StatusInfo {
  label: string;
  tone: Tone;
  /**
   * Only decisions (approved, declined) are final: workflows and reviewers move failed
   * inquiries on to needs_review, approved or declined, so failed is watched like the rest.
   */
  final: boolean;
}

export interface InquiryActions {
  approve: boolean;
  decline: boolean;
  markForReview: boolean;
  /** `generate-one-time-link`; see {@link InquiryActions.resumeBeforeNewLink}. */
  newLink: boolean;
  /** A link cannot be generated for an expired inquiry: `resume` it first. */
  resumeBeforeNewLink: boolean;
}

// Labels and tones apart: the background names statuses (notifications, the address bar) but
// never colours them, so only the pages bundle the tones.
const labels: Record<string, MessageKey> = {
  created: 'statusCreated',
  pending: 'statusPending',
  completed: 'statusCompleted',
  failed: 'statusFailed',
  expired: 'statusExpired',
  needs_review: 'statusNeedsReview',
  approved: 'statusApproved',
  declined: 'statusDeclined',
};

// `created`, and any status not listed, is neutral.
const tones: Record<string, Tone> = {
  pending: 'info',
  completed: 'success',
  failed: 'danger',
  expired: 'warning',
  needs_review: 'warning',
  approved: 'success',
  declined: 'danger',
};

export function describeStatus(status: string): StatusInfo {
  return {
    label: statusLabel(status),
    tone: tones[status] ?? 'neutral',
    final: isFinalStatus(status),
  };
}

/** The status in the reader's words: {@link describeStatus}'s label without the rest. */
export function statusLabel(status: string): string {
  const key = labels[status];
  return key ? t(key) : humanise(status) || t('statusUnknown');
}

/**
 * Whether the inquiry's `expires-at` is still ahead of it. Expiry ends an inquiry the person has
 * not finished (created, pending: https://docs.withpersona.com/docs/inquiry-expiration); one that
 * is done or decided does not expire, whatever date it still carries. Unknown statuses keep it.
 */
export function canExpire(status: string): boolean {
  return !(status in labels) || status === 'created' || status === 'pending';
}

/**
 * Whether a one-time link still serves: the person has not finished (created, pending), or the
 * inquiry expired (New link resumes it). Once they finish, there is nothing to send.
 */
export function offersLink(status: string): boolean {
  return status === 'created' || status === 'pending' || status === 'expired';
}

export function isFinalStatus(status: string): boolean {
  return status === 'approved' || status === 'declined';
}

const none: InquiryActions = {
  approve: false,
  decline: false,
  markForReview: false,
  newLink: false,
  resumeBeforeNewLink: false,
};

/**
 * Actions offered for a status. Approve and decline are offered for every undecided status:
 * Persona's approve and decline endpoints set no status limit ("Declining an inquiry will prevent
 * further progress on the inquiry", API reference, Inquiries → Decline an Inquiry), and declining
 * a `created` or `pending` inquiry is how a reviewer stops a fraudster mid-flow. Persona documents
 * the other limits (mark-for-review not after a decision; one-time links not for expired
 * inquiries; resume only when pending or expired); where it is silent, the action is offered and
 * Persona's answer (409, 422) has the last word. Unknown statuses count as undecided.
 */
export function allowedActions(status: string, redacted = false): InquiryActions {
  if (redacted) return none;
  const decide = { ...none, approve: true, decline: true };
  switch (status) {
    case 'created':
    case 'pending':
      return { ...decide, markForReview: true, newLink: true };
    case 'expired':
      return { ...decide, markForReview: true, newLink: true, resumeBeforeNewLink: true };
    case 'completed':
    case 'failed':
      return { ...decide, markForReview: true };
    case 'needs_review':
      return decide;
    case 'approved':
    case 'declined':
      return none;
    default:
      return { ...decide, markForReview: true };
  }
}

/** The status each decision leaves the inquiry in. */
export const decisionStatus = {
  approve: 'approved',
  decline: 'declined',
  markForReview: 'needs_review',
} as const;

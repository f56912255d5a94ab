// What a reviewer can do with an inquiry in each status (docs/persona.md#statuses). Apart from
// status.ts, whose labels the desk's first screen draws: these are for the detail and the
// background, which the first screen does not load. The detail works out the actions from the
// view's status itself (allowedActions): an InquiryView carries none, so the worker, which never
// offers an action, bundles none of that table (137 B gzip of its script). Whether an inquiry can
// still expire is here too, for the detail's timeline: in status.ts, the first screen carried it.
import { labels } from './status.ts';

export interface InquiryActions {
  approve: boolean;
  decline: boolean;
  markForReview: boolean;
  /** `generate-one-time-link`; see {@link InquiryActions.resumeBeforeNewLink}. */
  newLink: boolean;
  /** A link cannot be generated for an expired inquiry: `resume` it first. */
  resumeBeforeNewLink: boolean;
}

/**
 * Whether a one-time link still serves: the person has not finished (created, pending), or the
 * inquiry expired (New link resumes it). Once they finish, there is nothing to send.
 */
export function offersLink(status: string): boolean {
  return status === 'created' || status === 'pending' || status === 'expired';
}

/**
 * Whether the inquiry's `expires-at` is still ahead of it. Expiry ends an inquiry the person has
 * not finished (created, pending: https://docs.withpersona.com/docs/inquiry-expiration); one that
 * is done or decided does not expire, whatever date it still carries. Unknown statuses keep it.
 */
export function canExpire(status: string): boolean {
  return !(status in labels) || status === 'created' || status === 'pending';
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

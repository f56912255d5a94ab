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
  /** Approved, declined and failed do not change on their own; polling can stop. */
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
  expire: boolean;
}

const known: Record<string, Omit<StatusInfo, 'label'> & { label: MessageKey }> = {
  created: { label: 'statusCreated', tone: 'neutral', final: false },
  pending: { label: 'statusPending', tone: 'info', final: false },
  completed: { label: 'statusCompleted', tone: 'success', final: false },
  failed: { label: 'statusFailed', tone: 'danger', final: true },
  expired: { label: 'statusExpired', tone: 'warning', final: false },
  needs_review: { label: 'statusNeedsReview', tone: 'warning', final: false },
  approved: { label: 'statusApproved', tone: 'success', final: true },
  declined: { label: 'statusDeclined', tone: 'danger', final: true },
};

export function describeStatus(status: string): StatusInfo {
  const info = known[status];
  if (info) return { ...info, label: t(info.label) };
  return { label: humanise(status) || t('statusUnknown'), tone: 'neutral', final: false };
}

export function isFinalStatus(status: string): boolean {
  return known[status]?.final ?? false;
}

const none: InquiryActions = {
  approve: false,
  decline: false,
  markForReview: false,
  newLink: false,
  resumeBeforeNewLink: false,
  expire: false,
};

/**
 * Actions offered for a status. Persona documents only some limits (mark-for-review not after a
 * decision; one-time links not for expired inquiries; resume only when pending or expired), so
 * the rest follows the lifecycle and the local sandbox's rules (test/persona-sandbox
 * core/lifecycle.ts): decide once the person is done (completed, failed, needs review), link
 * and expire while they are not. Unknown statuses get the decision actions and Persona has the
 * last word (409).
 */
export function allowedActions(status: string, redacted = false): InquiryActions {
  if (redacted) return none;
  switch (status) {
    case 'created':
    case 'pending':
      return { ...none, markForReview: true, newLink: true, expire: true };
    case 'expired':
      return {
        ...none,
        markForReview: true,
        newLink: true,
        resumeBeforeNewLink: true,
      };
    case 'completed':
    case 'failed':
      return { ...none, approve: true, decline: true, markForReview: true };
    case 'needs_review':
      return { ...none, approve: true, decline: true };
    case 'approved':
    case 'declined':
      return none;
    default:
      return { ...none, approve: true, decline: true, markForReview: true };
  }
}

/** Verification and check statuses: `passed`, `failed`, `requires_retry`, … (open lists too). */
export function verificationTone(status: string): Tone {
  if (status === 'passed' || status === 'confirmed') return 'success';
  if (status === 'failed' || status === 'tentatively_failed') return 'danger';
  if (status === 'requires_retry' || status === 'tentatively_passed') return 'warning';
  if (status === 'submitted' || status === 'initiated') return 'info';
  return 'neutral';
}

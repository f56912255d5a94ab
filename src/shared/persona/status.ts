// Inquiry statuses, in the reader's words (what a reviewer can do in each: status-actions.ts).
// The list is open: Persona may add values without a new API version
// (https://docs.withpersona.com/versioning), so an unknown status is shown as it is and treated as
// one that can still change. Lifecycle: https://docs.withpersona.com/model-lifecycle
// (docs/persona.md#statuses).
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

// Labels and tones apart: the background names statuses (notifications, the address bar) but
// never colours them, so only the pages bundle the tones.
/** Each status Persona documents, by its label's key; a status not here is unknown. */
export const labels: Record<string, MessageKey> = {
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

export function isFinalStatus(status: string): boolean {
  return status === 'approved' || status === 'declined';
}

import { expireNow } from './expiry.ts';
import {
  completeInquiry,
  decideInquiry,
  expireInquiry,
  failInquiry,
  markForReview,
  StateConflict,
  startInquiry,
} from './lifecycle.ts';
import { simulateVerification } from './outcomes.ts';
import type { SandboxStore } from './store.ts';
import type { InquiryRecord } from './types.ts';

export const STATUS_ACTIONS = [
  'start_inquiry',
  'complete_inquiry',
  'fail_inquiry',
  'expire_inquiry',
  'mark_for_review_inquiry',
  'approve_inquiry',
  'decline_inquiry',
] as const;
export const VERIFICATION_ACTIONS = [
  'create_passed_verification',
  'create_failed_verification',
] as const;

export type SimulateAction =
  | { type: (typeof STATUS_ACTIONS)[number] }
  | {
      type: (typeof VERIFICATION_ACTIONS)[number];
      data: { 'verification-template-id': string };
    };

export class SimulateActionRefused extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_CHANGES: Record<
  (typeof STATUS_ACTIONS)[number],
  (inquiry: InquiryRecord, now: number) => void
> = {
  start_inquiry: startInquiry,
  complete_inquiry: completeInquiry,
  fail_inquiry: failInquiry,
  expire_inquiry: expireInquiry,
  mark_for_review_inquiry: markForReview,
  approve_inquiry: (inquiry, now) => decideInquiry(inquiry, 'approved', now, null, null),
  decline_inquiry: (inquiry, now) => decideInquiry(inquiry, 'declined', now, null, null),
};

function applyStatus(inquiry: InquiryRecord, action: SimulateAction, now: number): void {
  if (action.type in STATUS_CHANGES) {
    STATUS_CHANGES[action.type as (typeof STATUS_ACTIONS)[number]](inquiry, now);
  }
}

/**
 * Runs the actions in order, all or nothing: a dry run on a copy finds the first transition the
 * status rules refuse, before anything is stored.
 */
export function performSimulateActions(
  store: SandboxStore,
  inquiry: InquiryRecord,
  actions: readonly SimulateAction[],
  now: number,
): void {
  const copy = structuredClone(inquiry);
  actions.forEach((action, index) => {
    try {
      if (copy.redactedAt !== null) throw new StateConflict('Inquiry has been redacted');
      applyStatus(copy, action, now);
    } catch (error) {
      if (!(error instanceof StateConflict)) throw error;
      throw new SimulateActionRefused(index, `${action.type}: ${error.message}`);
    }
  });
  for (const action of actions) {
    if (
      action.type === 'create_passed_verification' ||
      action.type === 'create_failed_verification'
    ) {
      const passed = action.type === 'create_passed_verification';
      simulateVerification(store, inquiry, passed, action.data['verification-template-id'], now);
    } else if (action.type === 'expire_inquiry') {
      expireNow(store, inquiry, now);
    } else {
      applyStatus(inquiry, action, now);
    }
  }
  store.touch(inquiry);
}

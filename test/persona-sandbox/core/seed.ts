import { DAY, MINUTE, SECOND } from './clock.ts';
import { newId, stableId } from './ids.ts';
import { createInquiry } from './inquiries.ts';
import { decideInquiry, expireInquiry, startInquiry } from './lifecycle.ts';
import { finishInquiry } from './outcomes.ts';
import { demoNetwork, type NetworkProfile } from './session-network.ts';
import { createSession } from './sessions.ts';
import type { SandboxStore } from './store.ts';
import { INQUIRY_STATUSES, type InquiryRecord, type InquiryStatus } from './types.ts';

export interface SeedOptions {
  count: number;
  statuses?: readonly InquiryStatus[];
  referenceIdPrefix?: string;
  /** One reference id for all of them, instead of `<prefix><n>`. */
  referenceId?: string;
  /** Every seeded session on this network; by default they cycle (session-network.ts). */
  network?: NetworkProfile;
  /** All seeded inquiries on this account (by reference); by default three to an account. */
  accountReferenceId?: string;
}

// A person who tried more than once: demo accounts hold a few inquiries each.
const INQUIRIES_PER_DEMO_ACCOUNT = 3;

export const SEED_TEMPLATE_ID = stableId('itmpl_', 'sandbox-demo-template');
const STEP = MINUTE;
const MARGIN = 10 * MINUTE;

function drive(
  store: SandboxStore,
  inquiry: InquiryRecord,
  status: InquiryStatus,
  now: number,
  n: number,
) {
  const t = inquiry.createdAt;
  const reviewer = { type: 'workflow-run', id: newId('wfr_') };
  // Demo inquiries that must stay open get a template-length expiry that has not run out.
  if (status === 'created' || status === 'pending') inquiry.expiresAt = now + DAY;
  if (status !== 'created' && status !== 'expired') startInquiry(inquiry, t + 20 * SECOND);
  switch (status) {
    case 'completed':
      return finishInquiry(store, inquiry, 'passed', t + 110 * SECOND);
    case 'failed':
      return finishInquiry(store, inquiry, 'failed', t + 110 * SECOND);
    case 'needs_review':
      return finishInquiry(store, inquiry, 'needs_review', t + 110 * SECOND);
    case 'approved':
      finishInquiry(store, inquiry, n % 3 === 0 ? 'needs_review' : 'passed', t + 110 * SECOND);
      return decideInquiry(inquiry, 'approved', t + 170 * SECOND, null, reviewer);
    case 'declined':
      finishInquiry(store, inquiry, n % 2 === 0 ? 'failed' : 'needs_review', t + 110 * SECOND);
      return decideInquiry(
        inquiry,
        'declined',
        t + 170 * SECOND,
        'Document could not be verified',
        {
          type: 'user',
          id: stableId('user_', 'sandbox-reviewer'),
        },
      );
    case 'expired': {
      if (n % 2 === 0) startInquiry(inquiry, t + 20 * SECOND);
      const deadline = t + Math.floor((now - t) / 2);
      inquiry.expiresAt = deadline;
      expireInquiry(inquiry, deadline);
      return;
    }
    default:
      return;
  }
}

/**
 * Demo data across every status, oldest first one minute apart and ending ten minutes ago, so
 * each inquiry's story (start, verifications, decision) has already happened on the clock.
 */
export function seedInquiries(store: SandboxStore, options: SeedOptions, now: number): string[] {
  const statuses = options.statuses?.length ? options.statuses : INQUIRY_STATUSES;
  const prefix = options.referenceIdPrefix ?? 'demo-';
  const ids: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const status = statuses[i % statuses.length] as InquiryStatus;
    const createdAt = now - MARGIN - (options.count - 1 - i) * STEP;
    const inquiry = createInquiry(
      store,
      {
        templateId: SEED_TEMPLATE_ID,
        templateVersionId: null,
        legacyTemplateId: null,
        referenceId: options.referenceId ?? `${prefix}${store.inquiries.size + 1}`,
        accountId: null,
        creator: 'API',
        note: null,
        tags: i % 5 === 0 ? ['demo'] : [],
        fields: {},
        redirectUri: null,
        autoCreateAccount: true,
        accountReferenceId:
          options.accountReferenceId ??
          // One reference ID for all: its account, as an inquiry created with that reference ID
          // through the API would be (docs/persona.md#accounts). A new inquiry for it then finds
          // the seeded ones on its account.
          options.referenceId ??
          // Named after the group's first inquiry: demo-account-7 holds demo-7, demo-8, demo-9.
          `${prefix}account-${store.inquiries.size + 1 - (i % INQUIRIES_PER_DEMO_ACCOUNT)}`,
        expiryAfterCreateSeconds: null,
        expiryAfterStartSeconds: null,
        expiryAfterResumeSeconds: null,
        oneTimeLinkSeconds: null,
      },
      createdAt,
    );
    if (status !== 'created') {
      createSession(store, inquiry, createdAt).network = options.network ?? demoNetwork(i);
    }
    drive(store, inquiry, status, now, i);
    store.touch(inquiry);
    ids.push(inquiry.id);
  }
  return ids;
}

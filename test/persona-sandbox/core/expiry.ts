import { expireInquiry } from './lifecycle.ts';
import { expireSessions } from './sessions.ts';
import type { SandboxStore } from './store.ts';
import type { InquiryRecord } from './types.ts';

/**
 * Lazy expiry: called before anything reads inquiries, it expires every created or pending
 * inquiry whose `expires-at` has passed on the sandbox clock, dated at its deadline.
 */
export function expireDue(store: SandboxStore, now: number): void {
  for (const inquiry of store.takeDueForExpiry(now)) {
    const at = inquiry.expiresAt ?? now;
    expireInquiry(inquiry, at);
    expireSessions(store, inquiry, at);
    store.touch(inquiry);
  }
}

/** The expire endpoint and simulate action: the inquiry and all its sessions, now. */
export function expireNow(store: SandboxStore, inquiry: InquiryRecord, now: number): void {
  expireInquiry(inquiry, now);
  expireSessions(store, inquiry, now);
  for (const id of inquiry.verificationIds) {
    const verification = store.verifications.get(id);
    // Persona cancels verifications still in progress when an inquiry expires.
    if (
      verification &&
      (verification.status === 'initiated' || verification.status === 'submitted')
    ) {
      verification.status = 'canceled';
    }
  }
  store.touch(inquiry);
}

import { StateConflict } from './lifecycle.ts';
import type { SandboxStore } from './store.ts';
import type { InquiryRecord } from './types.ts';

function blank(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (typeof value === 'boolean') return value;
  return null;
}

/**
 * DELETE /inquiries/{id}: personal data goes from the inquiry and its children (Persona does the
 * children asynchronously; the sandbox at once). Status, timestamps, tags and checks remain.
 */
export function redactInquiry(store: SandboxStore, inquiry: InquiryRecord, now: number): void {
  if (inquiry.redactedAt !== null) throw new StateConflict('Inquiry already redacted');
  for (const field of Object.values(inquiry.fields)) field.value = null;
  inquiry.behaviors = null;
  inquiry.note = null;
  for (const id of inquiry.verificationIds) {
    const verification = store.verifications.get(id);
    if (!verification) continue;
    for (const key of Object.keys(verification.extracted)) {
      verification.extracted[key] = blank(verification.extracted[key]);
    }
    verification.files = [];
    verification.redactedAt = now;
  }
  for (const id of inquiry.reportIds) {
    const report = store.reports.get(id);
    if (!report) continue;
    Object.assign(report, { nameFirst: null, nameMiddle: null, nameLast: null, birthdate: null });
    report.matches = report.matches.map((match) => ({ ...match, entityName: '' }));
    report.redactedAt = now;
  }
  for (const id of inquiry.sessionIds) {
    const session = store.sessions.get(id);
    if (session) session.userAgent = null;
  }
  inquiry.redactedAt = now;
  inquiry.updatedAt = now;
  store.touch(inquiry);
}

// Events as `GET /events` lists them (OAS 2025-12-08 paths/events.yaml, components/schemas/
// event.yaml; names as in the OAS webhooks folder: inquiry.*, verification.*, report/*). The sandbox keeps no event table: it derives
// each inquiry's events from the timestamps on its records, so they are always consistent with
// what the inquiry shows. A timestamp that a later step cleared (a resume clears `expired-at`)
// leaves no event: a deviation from Persona, which keeps every event (see README).
import { stableId } from './ids.ts';
import type { SandboxStore } from './store.ts';
import type { InquiryRecord } from './types.ts';

export interface SandboxEvent {
  id: string;
  name: string;
  at: number;
  object: { type: string; id: string; status: string };
}

function event(name: string, at: number | null, object: SandboxEvent['object']) {
  if (at === null) return [];
  return [{ id: stableId('evt_', `${object.id}:${name}:${at}`), name, at, object }];
}

export function inquiryEvents(store: SandboxStore, inquiry: InquiryRecord): SandboxEvent[] {
  const on = (status: string) => ({ type: 'inquiry', id: inquiry.id, status });
  const events: SandboxEvent[] = [
    ...event('inquiry.created', inquiry.createdAt, on('created')),
    ...event('inquiry.started', inquiry.startedAt, on('pending')),
    ...event('inquiry.completed', inquiry.completedAt, on('completed')),
    ...event('inquiry.failed', inquiry.failedAt, on('failed')),
    ...event('inquiry.marked-for-review', inquiry.markedForReviewAt, on('needs_review')),
    ...event('inquiry.expired', inquiry.expiredAt, on('expired')),
    ...event('inquiry.redacted', inquiry.redactedAt, on(inquiry.status)),
  ];
  if (inquiry.status === 'approved' || inquiry.status === 'declined') {
    events.push(...event(`inquiry.${inquiry.status}`, inquiry.decisionedAt, on(inquiry.status)));
  }
  for (const id of inquiry.verificationIds) {
    const v = store.verifications.get(id);
    if (!v) continue;
    const type = `verification/${v.kind}`;
    const of = (status: string) => ({ type, id: v.id, status });
    events.push(...event('verification.created', v.createdAt, of('initiated')));
    events.push(...event('verification.submitted', v.submittedAt, of('submitted')));
    if (v.status === 'passed' || v.status === 'failed') {
      events.push(...event(`verification.${v.status}`, v.completedAt, of(v.status)));
    }
  }
  for (const id of inquiry.reportIds) {
    const r = store.reports.get(id);
    if (!r) continue;
    const of = (status: string) => ({ type: `report/${r.kind}`, id: r.id, status });
    events.push(...event(`report/${r.kind}.ready`, r.completedAt, of('ready')));
    if (r.hasMatch) events.push(...event(`report/${r.kind}.matched`, r.completedAt, of('ready')));
  }
  return events;
}

export interface EventFilter {
  objectIds?: string[];
  names?: string[];
  ids?: string[];
}

/** The inquiries whose events can concern these objects: no scan of the whole store. */
function owners(store: SandboxStore, objectIds: Set<string>): Set<InquiryRecord> {
  const found = new Set<InquiryRecord>();
  for (const id of objectIds) {
    const inquiryId =
      store.inquiries.get(id)?.id ??
      store.verifications.get(id)?.inquiryId ??
      store.reports.get(id)?.inquiryId;
    const inquiry = inquiryId === undefined ? undefined : store.inquiries.get(inquiryId);
    if (inquiry) found.add(inquiry);
  }
  return found;
}

/** Every event matching the filter, newest first (Persona lists newest first). */
export function listEvents(store: SandboxStore, filter: EventFilter): SandboxEvent[] {
  const objectIds = filter.objectIds ? new Set(filter.objectIds) : null;
  const out: SandboxEvent[] = [];
  for (const inquiry of objectIds ? owners(store, objectIds) : store.inquiries.values()) {
    for (const e of inquiryEvents(store, inquiry)) {
      if (objectIds && !objectIds.has(e.object.id)) continue;
      if (filter.names && !filter.names.includes(e.name)) continue;
      if (filter.ids && !filter.ids.includes(e.id)) continue;
      out.push(e);
    }
  }
  return out.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}

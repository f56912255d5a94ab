// A JSON:API inquiry document (`{data, included}`) → the InquiryView the popup renders. One
// `GET /inquiries/{id}?include=verifications,reports` holds everything
// (docs/architecture.md#read-results); related objects are matched through `relationships` as
// JSON:API prescribes (https://docs.withpersona.com/response-body). Anything unknown is kept and
// shown as it is.
import { deskError } from '../errors.ts';
import { collectInquiryFields } from './fields.ts';
import { toSessionView } from './normalise-evidence.ts';
import { toReportView, toVerificationView, verificationStub } from './normalise-verification.ts';
import type { ResourceRef } from './schema-parts.ts';
import { type AnyResource, type InquiryDocument, inquiryDocument, parseBody } from './schemas.ts';
import { parseVerification } from './verification-schemas.ts';
import {
  assign,
  assignAttributes,
  type InquiryTimestamps,
  type InquiryView,
  type ReportView,
  type VerificationView,
} from './view-model.ts';

/** The inquiry's times: each goes into the view under its camel-case name (`createdAt`). */
const timestampKeys = [
  'created-at',
  'started-at',
  'completed-at',
  'failed-at',
  'expired-at',
  'marked-for-review-at',
  'decisioned-at',
  'expires-at',
  'updated-at',
  'redacted-at',
] as const;

/** Parses a raw inquiry answer; throws a `bad_response` DeskError when it has no `data` object. */
export function normaliseInquiry(body: unknown): InquiryView {
  const document = parseBody(inquiryDocument, body);
  if (!document) {
    throw deskError('bad_response', 'noInquiryInAnswer');
  }
  return toInquiryView(document);
}

export function toInquiryView(document: Pick<InquiryDocument, 'data' | 'included'>): InquiryView {
  const { data, included } = document;
  const attributes = data.attributes;
  const status = attributes.status ?? '';
  const redacted = typeof attributes['redacted-at'] === 'string';
  const timestamps: InquiryTimestamps = {};
  assignAttributes(timestamps, attributes, timestampKeys);
  const relation = (name: string) => data.relationships[name] ?? [];
  const view: InquiryView = {
    id: data.id,
    status,
    tags: attributes.tags,
    timestamps,
    redacted,
    verifications: related(relation('verifications'), included, 'verification/').map(
      (item): VerificationView =>
        'attributes' in item ? toVerificationView(parseVerification(item)) : verificationStub(item),
    ),
    reports: related(relation('reports'), included, 'report/').map(
      (item): ReportView => toReportView(item),
    ),
    fields: collectInquiryFields(attributes),
  };
  // Dynamic Flow templates are `inquiry-template`; legacy `tmpl_` ones are `template`.
  assign(view, 'templateId', (relation('inquiry-template')[0] ?? relation('template')[0])?.id);
  assign(view, 'templateVersionId', relation('inquiry-template-version')[0]?.id);
  assign(view, 'accountId', relation('account')[0]?.id);
  assign(view, 'reviewer', relation('reviewer')[0]);
  // Sessions only when the read included them: a bare reference says nothing about the device.
  // No session at all is known too (`[]`), when the relationship is there and empty.
  const sessions = related(relation('sessions'), included, 'inquiry-session');
  const full = sessions.filter((item): item is AnyResource => 'attributes' in item);
  if (full.length > 0 || (sessions.length === 0 && 'sessions' in data.relationships)) {
    view.sessions = full.map(toSessionView);
  }
  assignAttributes(view, attributes, ['reference-id', 'note', 'reviewer-comment', 'behaviors']);
  return view;
}

/**
 * The related objects in relationship order: the full object from `included` when it is there,
 * else just the reference. Included objects of the kind that no relationship names (sparse
 * fieldsets can drop relationships) are added at the end.
 */
function related(
  refs: ResourceRef[],
  included: AnyResource[],
  typePrefix: string,
): (AnyResource | ResourceRef)[] {
  const out: (AnyResource | ResourceRef)[] = [];
  const used = new Set<string>();
  for (const ref of refs) {
    if (used.has(ref.id)) continue;
    const full = included.find(
      (item) => item.id === ref.id && (item.type === ref.type || ref.type === ''),
    );
    used.add(ref.id);
    out.push(full ?? ref);
  }
  for (const item of included) {
    if (item.type.startsWith(typePrefix) && !used.has(item.id)) {
      used.add(item.id);
      out.push(item);
    }
  }
  return out;
}

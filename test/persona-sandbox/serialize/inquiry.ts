import { iso, isoRequired } from '../core/clock.ts';
import type { SandboxStore } from '../core/store.ts';
import type { InquiryRecord, RelationRef } from '../core/types.ts';
import type { RenderOptions } from './render-options.ts';
import { verificationType } from './resource-type.ts';
import type { Resource } from './sparse-fields.ts';

const one = (ref: RelationRef | null) => ({ data: ref });
const ref = (type: string, id: string | null): RelationRef | null => (id ? { type, id } : null);

const SUBDIVISION_ABBR: Record<string, string> = {
  California: 'CA',
  Texas: 'TX',
  Washington: 'WA',
  'New York': 'NY',
  Colorado: 'CO',
  Florida: 'FL',
  Illinois: 'IL',
};

/** API versions up to 2023-01-05 also carried copies of the personal data as attributes. */
function legacyAttributes(inquiry: InquiryRecord): Record<string, unknown> {
  const value = (key: string): unknown => inquiry.fields[key]?.value ?? null;
  const subdivision = value('address-subdivision');
  const postal = value('address-postal-code');
  return {
    birthdate: value('birthdate'),
    'name-first': value('name-first'),
    'name-middle': value('name-middle'),
    'name-last': value('name-last'),
    'phone-number': value('phone-number'),
    'email-address': value('email-address'),
    'social-security-number': null,
    'address-street-1': value('address-street-1'),
    'address-street-2': value('address-street-2'),
    'address-city': value('address-city'),
    'address-subdivision': subdivision,
    'address-postal-code': postal,
    'address-subdivision-abbr':
      typeof subdivision === 'string' ? (SUBDIVISION_ABBR[subdivision] ?? subdivision) : null,
    'address-postal-code-abbr': typeof postal === 'string' ? postal.slice(0, 5) : null,
    'identification-number': value('identification-number'),
  };
}

export function inquiryResource(
  inquiry: InquiryRecord,
  store: SandboxStore,
  options: RenderOptions,
): Resource {
  const attributes: Record<string, unknown> = {
    status: inquiry.status,
    'reference-id': inquiry.referenceId,
    note: inquiry.note,
    behaviors: inquiry.behaviors,
    tags: inquiry.tags,
    creator: inquiry.creator,
    'reviewer-comment': inquiry.reviewerComment,
    'created-at': isoRequired(inquiry.createdAt),
    'updated-at': isoRequired(inquiry.updatedAt),
    'started-at': iso(inquiry.startedAt),
    'expires-at': iso(inquiry.expiresAt),
    'completed-at': iso(inquiry.completedAt),
    'failed-at': iso(inquiry.failedAt),
    'marked-for-review-at': iso(inquiry.markedForReviewAt),
    'decisioned-at': iso(inquiry.decisionedAt),
    'expired-at': iso(inquiry.expiredAt),
    'redacted-at': iso(inquiry.redactedAt),
    'previous-step-name': inquiry.previousStepName,
    'next-step-name': inquiry.nextStepName,
    fields: inquiry.fields,
    ...(options.shape === 'legacy' ? legacyAttributes(inquiry) : {}),
    ...inquiry.override,
  };
  const verificationRefs = inquiry.verificationIds.map((id) => {
    const verification = store.verifications.get(id);
    return {
      type: verification ? verificationType(verification) : 'verification/government-id',
      id,
    };
  });
  return {
    type: 'inquiry',
    id: inquiry.id,
    attributes,
    relationships: {
      account: one(ref('account', inquiry.accountId)),
      template: one(ref('template', inquiry.legacyTemplateId)),
      'inquiry-template': one(ref('inquiry-template', inquiry.templateId)),
      'inquiry-template-version': one(ref('inquiry-template-version', inquiry.templateVersionId)),
      transaction: one(null),
      reviewer: one(inquiry.reviewer),
      reports: {
        data: inquiry.reportIds.map((id) => ({
          type: `report/${store.reports.get(id)?.kind ?? 'watchlist'}`,
          id,
        })),
      },
      verifications: { data: verificationRefs },
      sessions: { data: inquiry.sessionIds.map((id) => ({ type: 'inquiry-session', id })) },
      // The sandbox keeps no document objects of its own, so there is nothing to relate.
      documents: { data: [] },
      selfies: { data: [] },
    },
  };
}

/** Each government-id verification has a document; its id is derived so it stays stable. */
export function documentIdFor(verificationId: string): string {
  return `doc_${verificationId.slice(4)}`;
}

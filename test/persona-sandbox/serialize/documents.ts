import { inflectDocument } from '../core/inflection.ts';
import type { SandboxStore } from '../core/store.ts';
import type { InquiryRecord, VerificationRecord } from '../core/types.ts';
import { inquiryResource } from './inquiry.ts';
import { inquiryJson } from './inquiry-json.ts';
import {
  accountResource,
  inquiryTemplateResource,
  reportResource,
  sessionResource,
} from './related.ts';
import type { RenderOptions } from './render-options.ts';
import { applySparseFields, type Resource } from './sparse-fields.ts';
import { verificationResource } from './verification.ts';

/** Relationship names an inquiry `include=` may name (OAS inquiry relationships). */
export const INQUIRY_INCLUDES = [
  'account',
  'documents',
  'template',
  'inquiry-template',
  'inquiry-template-version',
  'reports',
  'transaction',
  'reviewer',
  'selfies',
  'sessions',
  'verifications',
] as const;

/** Up to 2023-01-05 a retrieve included these unless `include` said otherwise. */
const LEGACY_DEFAULT_INCLUDES = [
  'reports',
  'verifications',
  'sessions',
  'documents',
  'inquiry-template',
];

export const VERIFICATION_INCLUDES = [
  'inquiry',
  'inquiry-template',
  'inquiry-template-version',
  'template',
  'transaction',
  'verification-template',
  'verification-template-version',
  'accounts',
] as const;

function related(
  inquiry: InquiryRecord,
  name: string,
  store: SandboxStore,
  options: RenderOptions,
) {
  const out: Resource[] = [];
  const push = <T>(record: T | undefined, build: (value: T) => Resource) => {
    if (record !== undefined) out.push(build(record));
  };
  switch (name) {
    case 'verifications':
      for (const id of inquiry.verificationIds) {
        push(store.verifications.get(id), (v) => verificationResource(v, store, options));
      }
      break;
    case 'reports':
      for (const id of inquiry.reportIds) push(store.reports.get(id), reportResource);
      break;
    case 'sessions':
      for (const id of inquiry.sessionIds) push(store.sessions.get(id), sessionResource);
      break;
    case 'account':
      push(inquiry.accountId ? store.accounts.get(inquiry.accountId) : undefined, accountResource);
      break;
    case 'inquiry-template':
      push(inquiry.templateId ?? undefined, (id) =>
        inquiryTemplateResource(id, inquiry.templateVersionId),
      );
      break;
    default:
      // Documents, selfies, template versions, transactions and reviewers are not modelled.
      break;
  }
  return out;
}

/** Sparse fieldsets, then the requested key casing: the last step before JSON. */
export function finish(document: Record<string, unknown>, options: RenderOptions) {
  return inflectDocument(document, options.inflection, options.shape === 'current');
}

export function inquiryDocument(
  inquiry: InquiryRecord,
  store: SandboxStore,
  options: RenderOptions,
  include: readonly string[] | null,
  meta?: Record<string, unknown>,
) {
  const names = include ?? (options.shape === 'legacy' ? LEGACY_DEFAULT_INCLUDES : []);
  const included = names.flatMap((name) => related(inquiry, name, store, options));
  return finish(
    {
      data: applySparseFields(inquiryResource(inquiry, store, options), options),
      included: included.map((resource) => applySparseFields(resource, options)),
      ...(meta ? { meta } : {}),
    },
    options,
  );
}

/** A list answer as JSON text, built from each inquiry's cached JSON. */
export function inquiryListJson(
  inquiries: readonly InquiryRecord[],
  store: SandboxStore,
  options: RenderOptions,
  links: { prev: string | null; next: string | null },
): string {
  const data = inquiries.map((inquiry) => inquiryJson(inquiry, store, options)).join(',');
  // `data`, `links`, `prev` and `next` read the same in every key casing.
  return `{"data":[${data}],"links":${JSON.stringify(links)}}`;
}

export function verificationDocument(
  record: VerificationRecord,
  store: SandboxStore,
  options: RenderOptions,
  include: readonly string[] | null,
) {
  const data = applySparseFields(verificationResource(record, store, options), options);
  // The typed paths (/verification/government-ids/{id}…) answer without `included` at all.
  if (include === null) return finish({ data }, options);
  const inquiry = store.inquiries.get(record.inquiryId);
  const included: Resource[] = [];
  if (inquiry && include.includes('inquiry')) {
    included.push(applySparseFields(inquiryResource(inquiry, store, options), options));
  }
  if (inquiry?.templateId && include.includes('inquiry-template')) {
    included.push(inquiryTemplateResource(inquiry.templateId, inquiry.templateVersionId));
  }
  return finish({ data, included }, options);
}

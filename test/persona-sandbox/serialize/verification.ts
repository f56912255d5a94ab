import { iso, isoRequired } from '../core/clock.ts';
import type { SandboxStore } from '../core/store.ts';
import type { VerificationRecord } from '../core/types.ts';
import { documentIdFor } from './inquiry.ts';
import type { RenderOptions } from './render-options.ts';
import { verificationType } from './resource-type.ts';
import type { Resource } from './sparse-fields.ts';

const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));

function governmentIdImages(record: VerificationRecord, options: RenderOptions) {
  const pages = record.files.map((name) => {
    const { url, byteSize } = options.file(record.id, name);
    return {
      page: name,
      url,
      'normalized-url': url,
      'original-urls': [url],
      'byte-size': byteSize,
      filename: `${name}.png`,
    };
  });
  const urlOf = (page: string) => pages.find((p) => p.page === page)?.url ?? null;
  return {
    'front-photo-url': urlOf('front'),
    'back-photo-url': urlOf('back'),
    'photo-urls': pages,
    'selfie-photo': null,
    'selfie-photo-url': null,
    'video-url': null,
  };
}

function selfieImages(record: VerificationRecord, options: RenderOptions) {
  const pages = record.files.map((name) => {
    const { url, byteSize } = options.file(record.id, name);
    return { page: `${name}_photo`, url, 'byte-size': byteSize, filename: `${name}.png` };
  });
  const urlOf = (name: string) => pages.find((p) => p.page === `${name}_photo`)?.url ?? null;
  return {
    'center-photo-url': urlOf('center'),
    'left-photo-url': urlOf('left'),
    'right-photo-url': urlOf('right'),
    'photo-urls': pages,
    'video-url': null,
  };
}

export function verificationResource(
  record: VerificationRecord,
  store: SandboxStore,
  options: RenderOptions,
): Resource {
  const inquiry = store.inquiries.get(record.inquiryId);
  const images =
    record.kind === 'government-id'
      ? governmentIdImages(record, options)
      : record.kind === 'selfie'
        ? selfieImages(record, options)
        : {};
  const relationships: Record<string, unknown> = {
    inquiry: { data: { type: 'inquiry', id: record.inquiryId } },
    template: { data: null },
    'inquiry-template-version': {
      data: inquiry?.templateVersionId
        ? { type: 'inquiry-template-version', id: inquiry.templateVersionId }
        : null,
    },
    'inquiry-template': {
      data: inquiry?.templateId ? { type: 'inquiry-template', id: inquiry.templateId } : null,
    },
    transaction: { data: null },
    'verification-template': {
      data: { type: `verification-template/${record.kind}`, id: record.templateId },
    },
    'verification-template-version': {
      data: { type: `verification-template-version/${record.kind}`, id: record.templateVersionId },
    },
    accounts: { data: inquiry?.accountId ? [{ type: 'account', id: inquiry.accountId }] : [] },
  };
  if (record.kind === 'government-id') {
    relationships.document = {
      data: { type: 'document/government-id', id: documentIdFor(record.id) },
    };
  }
  return {
    type: verificationType(record),
    id: record.id,
    attributes: {
      status: record.status,
      'created-at': isoRequired(record.createdAt),
      'created-at-ts': seconds(record.createdAt),
      'submitted-at': iso(record.submittedAt),
      'submitted-at-ts': seconds(record.submittedAt),
      'completed-at': iso(record.completedAt),
      'completed-at-ts': seconds(record.completedAt),
      'redacted-at': iso(record.redactedAt),
      'country-code': record.countryCode,
      tags: [],
      checks: record.checks,
      ...record.extracted,
      ...images,
      ...record.override?.attributes,
    },
    relationships,
  };
}

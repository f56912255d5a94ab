// Creating inquiries and getting links to send: `POST /inquiries` with
// `meta.auto-create-one-time-link` (docs/architecture.md#create), `resume` and
// `generate-one-time-link` (docs/persona.md#one-time-links). Only single-use one-time links are
// handed out for sharing; the session token from `resume` is for an embedded flow, never for a
// link.
import { type InquiryCallResult, inquiryCall, type PostOptions } from './inquiry-call.ts';
import { oneTimeLinkExpiry } from './links.ts';
import { itemPath } from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import type { Transport } from './transport.ts';
import type { InquiryView } from './view-model.ts';

export interface CreateInquiryInput {
  /** `itmpl_…`; an `itmplv_…` version or a legacy `tmpl_…` is sent under its own attribute. */
  templateId: string;
  referenceId?: string;
  /** Prefill values by field key, in the template's casing. */
  fields?: Record<string, unknown>;
  note?: string;
  tags?: string[];
}

export interface CreateInquiryOptions extends PostOptions {
  /** Ask for `meta.one-time-link` in the answer. Default true. */
  autoCreateOneTimeLink?: boolean;
  oneTimeLinkExpiresInSeconds?: number;
}

/** An inquiry with a one-time link: single use, to send to the person. */
export interface LinkedInquiry {
  inquiry: InquiryView;
  oneTimeLink?: string;
  oneTimeLinkShort?: string;
  /** ISO time the link stops working at the latest, when derivable (links.ts). */
  oneTimeLinkExpiresAt?: string;
}

const templateAttribute = (id: string) => {
  if (id.startsWith('itmplv_')) return 'inquiry-template-version-id';
  return id.startsWith('tmpl_') ? 'template-id' : 'inquiry-template-id';
};

export function inquiryLinks(transport: Transport) {
  const call = inquiryCall(transport);

  function linked(result: InquiryCallResult, requestedSeconds?: number): LinkedInquiry {
    const { inquiry, extra } = result;
    const out: LinkedInquiry = { inquiry };
    if (extra['one-time-link']) out.oneTimeLink = extra['one-time-link'];
    if (extra['one-time-link-short']) out.oneTimeLinkShort = extra['one-time-link-short'];
    const end = oneTimeLinkExpiry(transport.now(), requestedSeconds, inquiry.timestamps.expiresAt);
    if (out.oneTimeLink && end) out.oneTimeLinkExpiresAt = end;
    return out;
  }

  return {
    /** Returns the Idempotency-Key used, so the caller can repeat the very same create. */
    async createInquiry(input: CreateInquiryInput, options: CreateInquiryOptions = {}) {
      const idempotencyKey = options.idempotencyKey ?? transport.newIdempotencyKey();
      const attributes: Record<string, unknown> = {
        [templateAttribute(input.templateId)]: input.templateId,
      };
      if (input.referenceId) attributes['reference-id'] = input.referenceId;
      if (input.fields) attributes.fields = input.fields;
      if (input.note) attributes.note = input.note;
      if (input.tags) attributes.tags = input.tags;
      const seconds = options.oneTimeLinkExpiresInSeconds;
      const meta: Record<string, unknown> = {
        'auto-create-one-time-link': options.autoCreateOneTimeLink ?? true,
      };
      if (seconds !== undefined) meta['one-time-link-expiration-seconds'] = seconds;
      const body = { data: { attributes }, meta };
      const result = await call('POST', '/inquiries', body, idempotencyKey);
      return { data: { ...linked(result, seconds), idempotencyKey }, meta: result.meta };
    },

    /** Back to pending if expired; the session token is for an embedded flow only. */
    async resumeInquiry(id: string, options: PostOptions = {}) {
      const path = itemPath('inquiries', id, 'resume');
      const result = await call('POST', path, undefined, options.idempotencyKey);
      const data: { inquiry: InquiryView; sessionToken?: string } = { inquiry: result.inquiry };
      if (result.extra['session-token']) data.sessionToken = result.extra['session-token'];
      return { data, meta: result.meta };
    },

    /** A new single-use link; an expired inquiry must be resumed first. */
    async generateOneTimeLink(
      id: string,
      expiresInSeconds?: number,
      options: PostOptions = {},
    ): Promise<PersonaResult<LinkedInquiry>> {
      const body =
        expiresInSeconds === undefined
          ? undefined
          : { meta: { 'expires-in-seconds': expiresInSeconds } };
      const path = itemPath('inquiries', id, 'generate-one-time-link');
      const result = await call('POST', path, body, options.idempotencyKey);
      return { data: linked(result, expiresInSeconds), meta: result.meta };
    },
  };
}

// Changing inquiries (OAS 2025-12-08/paths/inquiries*.yaml; persona-api.md §2). Every POST takes
// an `Idempotency-Key` (the caller's, else a fresh UUID) that stays the same across the
// client's own retries, so a repeated create or decision happens at most once
// (https://docs.withpersona.com/idempotence).
import { oneTimeLinkExpiry } from './links.ts';
import { toInquiryView } from './normalise-inquiry.ts';
import { apiUrl, itemPath } from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import type { HttpMethod } from './retry-policy.ts';
import { inquiryDocument } from './schemas.ts';
import type { RequestSpec, Transport } from './transport.ts';
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

export interface PostOptions {
  idempotencyKey?: string;
}

export interface CreateInquiryOptions extends PostOptions {
  /** Ask for `meta.one-time-link` in the answer. Default true. */
  autoCreateOneTimeLink?: boolean;
  oneTimeLinkExpiresInSeconds?: number;
}

export interface UpdateInquiryInput {
  fields?: Record<string, unknown>;
  note?: string;
  tags?: string[];
  redirectUri?: string;
}

/** An inquiry with a one-time link: single use, sent to the person (never a session token). */
export interface LinkedInquiry {
  inquiry: InquiryView;
  oneTimeLink?: string;
  oneTimeLinkShort?: string;
  /** ISO time the link stops working at the latest, when derivable (links.ts). */
  oneTimeLinkExpiresAt?: string;
}

const templateAttribute = (id: string) =>
  id.startsWith('itmplv_')
    ? 'inquiry-template-version-id'
    : id.startsWith('tmpl_')
      ? 'template-id'
      : 'inquiry-template-id';

export function inquiryActions(transport: Transport) {
  async function call(method: HttpMethod, path: string, body?: unknown, key?: string) {
    const spec: RequestSpec = { method, url: apiUrl(transport.baseUrl, path), body };
    if (key !== undefined) spec.idempotencyKey = key;
    const raw = await transport.send(spec);
    const document = transport.decode(inquiryDocument, raw, spec);
    return { inquiry: toInquiryView(document), meta: raw.meta, links: document.meta };
  }

  async function act(id: string, action: string, body?: unknown, options: PostOptions = {}) {
    const { inquiry, meta } = await call(
      'POST',
      itemPath('inquiries', id, action),
      body,
      options.idempotencyKey,
    );
    return { data: inquiry, meta } satisfies PersonaResult<InquiryView>;
  }

  function linked(
    result: Awaited<ReturnType<typeof call>>,
    requestedSeconds?: number,
  ): LinkedInquiry {
    const out: LinkedInquiry = { inquiry: result.inquiry };
    if (result.links['one-time-link']) out.oneTimeLink = result.links['one-time-link'];
    if (result.links['one-time-link-short'])
      out.oneTimeLinkShort = result.links['one-time-link-short'];
    const expiresAt = oneTimeLinkExpiry(
      transport.now(),
      requestedSeconds,
      result.inquiry.timestamps.expiresAt,
    );
    if (out.oneTimeLink && expiresAt) out.oneTimeLinkExpiresAt = expiresAt;
    return out;
  }

  const comment = (text?: string) => (text ? { meta: { comment: text } } : undefined);

  return {
    /** `POST /inquiries` with `meta.auto-create-one-time-link` (design.md §3 "Create"). */
    async createInquiry(input: CreateInquiryInput, options: CreateInquiryOptions = {}) {
      const idempotencyKey = options.idempotencyKey ?? transport.newIdempotencyKey();
      const attributes: Record<string, unknown> = {
        [templateAttribute(input.templateId)]: input.templateId,
      };
      if (input.referenceId) attributes['reference-id'] = input.referenceId;
      if (input.fields) attributes.fields = input.fields;
      if (input.note) attributes.note = input.note;
      if (input.tags) attributes.tags = input.tags;
      const meta: Record<string, unknown> = {
        'auto-create-one-time-link': options.autoCreateOneTimeLink ?? true,
      };
      const seconds = options.oneTimeLinkExpiresInSeconds;
      if (seconds !== undefined) meta['one-time-link-expiration-seconds'] = seconds;
      const result = await call(
        'POST',
        '/inquiries',
        { data: { attributes }, meta },
        idempotencyKey,
      );
      return { data: { ...linked(result, seconds), idempotencyKey }, meta: result.meta };
    },

    /** `PATCH /inquiries/{id}`: fields, note, tags, redirect URI. */
    async updateInquiry(id: string, input: UpdateInquiryInput) {
      const attributes: Record<string, unknown> = {};
      if (input.fields) attributes.fields = input.fields;
      if (input.note !== undefined) attributes.note = input.note;
      if (input.tags) attributes.tags = input.tags;
      if (input.redirectUri !== undefined) attributes['redirect-uri'] = input.redirectUri;
      const { inquiry, meta } = await call('PATCH', itemPath('inquiries', id), {
        data: { attributes },
      });
      return { data: inquiry, meta };
    },

    approveInquiry: (id: string, text?: string, options?: PostOptions) =>
      act(id, 'approve', comment(text), options),
    declineInquiry: (id: string, text?: string, options?: PostOptions) =>
      act(id, 'decline', comment(text), options),
    markInquiryForReview: (id: string, options?: PostOptions) =>
      act(id, 'mark-for-review', undefined, options),
    /** Expires the inquiry and its sessions; it can still be resumed. */
    expireInquiry: (id: string, options?: PostOptions) => act(id, 'expire', undefined, options),

    /** `resume`: back to pending if expired; returns a session token for the embedded flow only. */
    async resumeInquiry(id: string, options: PostOptions = {}) {
      const result = await call(
        'POST',
        itemPath('inquiries', id, 'resume'),
        undefined,
        options.idempotencyKey,
      );
      const data: { inquiry: InquiryView; sessionToken?: string } = { inquiry: result.inquiry };
      if (result.links['session-token']) data.sessionToken = result.links['session-token'];
      return { data, meta: result.meta };
    },

    /** A new single-use link; an expired inquiry must be resumed first (persona-api.md §3). */
    async generateOneTimeLink(id: string, expiresInSeconds?: number, options: PostOptions = {}) {
      const body =
        expiresInSeconds === undefined
          ? undefined
          : { meta: { 'expires-in-seconds': expiresInSeconds } };
      const path = itemPath('inquiries', id, 'generate-one-time-link');
      const result = await call('POST', path, body, options.idempotencyKey);
      return {
        data: linked(result, expiresInSeconds),
        meta: result.meta,
      } satisfies PersonaResult<LinkedInquiry>;
    },

    addTag: (id: string, tagName: string, options?: PostOptions) =>
      act(id, 'add-tag', { meta: { 'tag-name': tagName } }, options),
    removeTag: (id: string, tagName: string, options?: PostOptions) =>
      act(id, 'remove-tag', { meta: { 'tag-name': tagName } }, options),
    /** Replaces all tags: those not listed are removed. */
    setTags: (id: string, tagNames: string[], options?: PostOptions) =>
      act(id, 'set-tags', { meta: { 'tag-name': tagNames } }, options),

    /** `DELETE /inquiries/{id}`: permanently removes personal data. Cannot be undone. */
    async redactInquiry(id: string) {
      const { inquiry, meta } = await call('DELETE', itemPath('inquiries', id));
      return { data: inquiry, meta };
    },
  };
}

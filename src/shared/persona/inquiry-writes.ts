// Changing an inquiry, every write in one place: create (`POST /inquiries` with
// `meta.auto-create-one-time-link`, docs/architecture.md#create), `resume` and
// `generate-one-time-link` (docs/persona.md#one-time-links), approve, decline, mark for review and
// single tag changes (OAS 2025-12-08/paths/inquiries*.yaml; docs/persona.md#inquiries). Every POST
// carries an `Idempotency-Key` (a create's is its click's, else a fresh UUID) that stays the same
// across the transport's own retries, so a decision happens at most once
// (https://docs.withpersona.com/idempotence). Only single-use one-time links are handed out for
// sharing; the session token from `resume` is for an embedded flow, never for a link.
import { oneTimeLinkExpiry } from './link-expiry.ts';
import { toInquiryView } from './normalise-inquiry.ts';
import { apiUrl, itemPath } from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import { inquiryDocument } from './schemas.ts';
import type { RequestSpec, Transport } from './transport.ts';
import type { InquiryView } from './view-model.ts';

export interface CreateInquiryInput {
  /** `itmpl_…`; an `itmplv_…` version or a legacy `tmpl_…` is sent under its own attribute. */
  templateId: string;
  referenceId?: string;
  /** Prefill values by field key, in the template's casing. */
  fields?: Record<string, unknown>;
}

export interface CreateInquiryOptions {
  /** Reuse one key per click, so a repeated create is applied once. */
  idempotencyKey?: string;
  oneTimeLinkExpiresInSeconds?: number;
}

/** An inquiry with a one-time link: single use, to send to the person. */
export interface LinkedInquiry {
  inquiry: InquiryView;
  oneTimeLink?: string;
  oneTimeLinkShort?: string;
  /** ISO time the link stops working at the latest, when derivable (link-expiry.ts). */
  oneTimeLinkExpiresAt?: string;
}

const templateAttribute = (id: string) => {
  if (id.startsWith('itmplv_')) return 'inquiry-template-version-id';
  return id.startsWith('tmpl_') ? 'template-id' : 'inquiry-template-id';
};

export function inquiryWrites(transport: Transport) {
  /** One POST on an inquiry: its answer is the inquiry document, `meta` (link, token) kept apart. */
  async function post(path: string, body?: unknown, idempotencyKey?: string) {
    // No key of the caller's: the transport makes one.
    const spec: RequestSpec = {
      method: 'POST',
      url: apiUrl(transport.baseUrl, path),
      body,
      idempotencyKey,
    };
    const { document, meta } = await transport.readDocument(inquiryDocument, spec);
    return { inquiry: toInquiryView(document), meta, extra: document.meta };
  }

  /** `POST /inquiries/{id}/{action}`, answered with the inquiry as it now is. */
  async function postAction(
    id: string,
    action: string,
    body?: unknown,
  ): Promise<PersonaResult<InquiryView>> {
    const { inquiry, meta } = await post(itemPath('inquiries', id, action), body);
    return { data: inquiry, meta };
  }

  const comment = (text?: string) => (text ? { meta: { comment: text } } : undefined);

  function linked(
    result: Awaited<ReturnType<typeof post>>,
    requestedSeconds?: number,
  ): LinkedInquiry {
    const { inquiry, extra } = result;
    const out: LinkedInquiry = { inquiry };
    if (extra['one-time-link']) out.oneTimeLink = extra['one-time-link'];
    if (extra['one-time-link-short']) out.oneTimeLinkShort = extra['one-time-link-short'];
    const end = oneTimeLinkExpiry(transport.now(), requestedSeconds, inquiry.timestamps.expiresAt);
    if (out.oneTimeLink && end) out.oneTimeLinkExpiresAt = end;
    return out;
  }

  return {
    /**
     * Sent under `options.idempotencyKey`, the click's, so a repeat of the same create is applied
     * once (else the transport's fresh one).
     */
    async createInquiry(input: CreateInquiryInput, options: CreateInquiryOptions = {}) {
      const attributes: Record<string, unknown> = {
        [templateAttribute(input.templateId)]: input.templateId,
      };
      if (input.referenceId) attributes['reference-id'] = input.referenceId;
      if (input.fields) attributes.fields = input.fields;
      const seconds = options.oneTimeLinkExpiresInSeconds;
      // The answer carries a one-time link to send (`meta.one-time-link`).
      const meta: Record<string, unknown> = { 'auto-create-one-time-link': true };
      if (seconds !== undefined) meta['one-time-link-expiration-seconds'] = seconds;
      const body = { data: { attributes }, meta };
      const result = await post('/inquiries', body, options.idempotencyKey);
      return { data: linked(result, seconds), meta: result.meta };
    },

    /**
     * Back to pending if expired. Nothing of Persona's answer is passed on: its one caller reads
     * the inquiry afresh once the link is made (actions.ts newLink), and the answer's session
     * token is for an embedded flow only, which no link or page here may hold.
     */
    async resumeInquiry(id: string): Promise<void> {
      await post(itemPath('inquiries', id, 'resume'));
    },

    /**
     * A new single-use link, living `expiresInSeconds` (the settings' link lifetime) at most; an
     * expired inquiry must be resumed first.
     */
    async generateOneTimeLink(
      id: string,
      expiresInSeconds: number,
    ): Promise<PersonaResult<LinkedInquiry>> {
      const body = { meta: { 'expires-in-seconds': expiresInSeconds } };
      const path = itemPath('inquiries', id, 'generate-one-time-link');
      const result = await post(path, body);
      return { data: linked(result, expiresInSeconds), meta: result.meta };
    },

    approveInquiry: (id: string, text?: string) => postAction(id, 'approve', comment(text)),
    declineInquiry: (id: string, text?: string) => postAction(id, 'decline', comment(text)),
    /** Not allowed once approved or declined (Persona answers 409 or 422). */
    markInquiryForReview: (id: string) => postAction(id, 'mark-for-review'),
    addTag: (id: string, tagName: string) =>
      postAction(id, 'add-tag', { meta: { 'tag-name': tagName } }),
    removeTag: (id: string, tagName: string) =>
      postAction(id, 'remove-tag', { meta: { 'tag-name': tagName } }),
  };
}

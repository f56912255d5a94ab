// Changing an inquiry: update, decide, expire, tag, redact (OAS 2025-12-08/paths/inquiries*.yaml;
// docs/persona.md#inquiries). Every POST carries an `Idempotency-Key` (the caller's, else a fresh
// UUID) that stays the same across the client's own retries, so a decision happens at most once
// (https://docs.withpersona.com/idempotence).
import { inquiryCall, type PostOptions } from './inquiry-call.ts';
import { itemPath } from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import type { Transport } from './transport.ts';
import type { InquiryView } from './view-model.ts';

// Kept importable from here too: callers written against the first layout use these names.
export type { PostOptions } from './inquiry-call.ts';
export type { CreateInquiryInput, CreateInquiryOptions, LinkedInquiry } from './inquiry-links.ts';

export interface UpdateInquiryInput {
  fields?: Record<string, unknown>;
  note?: string;
  tags?: string[];
  redirectUri?: string;
}

export function inquiryActions(transport: Transport) {
  const call = inquiryCall(transport);

  async function act(
    id: string,
    action: string,
    body?: unknown,
    options: PostOptions = {},
  ): Promise<PersonaResult<InquiryView>> {
    const path = itemPath('inquiries', id, action);
    const { inquiry, meta } = await call('POST', path, body, options.idempotencyKey);
    return { data: inquiry, meta };
  }

  const comment = (text?: string) => (text ? { meta: { comment: text } } : undefined);

  return {
    /** `PATCH /inquiries/{id}`: fields, note, tags, redirect URI. */
    async updateInquiry(
      id: string,
      input: UpdateInquiryInput,
    ): Promise<PersonaResult<InquiryView>> {
      const attributes: Record<string, unknown> = {};
      if (input.fields) attributes.fields = input.fields;
      if (input.note !== undefined) attributes.note = input.note;
      if (input.tags) attributes.tags = input.tags;
      if (input.redirectUri !== undefined) attributes['redirect-uri'] = input.redirectUri;
      const path = itemPath('inquiries', id);
      const { inquiry, meta } = await call('PATCH', path, { data: { attributes } });
      return { data: inquiry, meta };
    },

    approveInquiry: (id: string, text?: string, options?: PostOptions) =>
      act(id, 'approve', comment(text), options),
    declineInquiry: (id: string, text?: string, options?: PostOptions) =>
      act(id, 'decline', comment(text), options),
    /** Not allowed once approved or declined (Persona answers 409 or 422). */
    markInquiryForReview: (id: string, options?: PostOptions) =>
      act(id, 'mark-for-review', undefined, options),
    /** Expires the inquiry and its sessions; it can still be resumed. */
    expireInquiry: (id: string, options?: PostOptions) => act(id, 'expire', undefined, options),

    addTag: (id: string, tagName: string, options?: PostOptions) =>
      act(id, 'add-tag', { meta: { 'tag-name': tagName } }, options),
    removeTag: (id: string, tagName: string, options?: PostOptions) =>
      act(id, 'remove-tag', { meta: { 'tag-name': tagName } }, options),
    /** Replaces all tags: those not listed are removed. */
    setTags: (id: string, tagNames: string[], options?: PostOptions) =>
      act(id, 'set-tags', { meta: { 'tag-name': tagNames } }, options),

    /** `DELETE /inquiries/{id}`: permanently removes personal data. Cannot be undone. */
    async redactInquiry(id: string): Promise<PersonaResult<InquiryView>> {
      const { inquiry, meta } = await call('DELETE', itemPath('inquiries', id));
      return { data: inquiry, meta };
    },
  };
}

// The request every inquiry write shares: send, read the inquiry document, keep its `meta`
// (one-time link, session token) apart from the view (OAS 2025-12-08/paths/inquiries*.yaml).
import { toInquiryView } from './normalise-inquiry.ts';
import { apiUrl } from './query.ts';
import type { HttpMethod } from './retry-policy.ts';
import { inquiryDocument } from './schemas.ts';
import type { RequestSpec, Transport } from './transport.ts';

export interface PostOptions {
  /** Reuse one key per reviewer action, so a repeated click is applied once. */
  idempotencyKey?: string;
}

export function inquiryCall(transport: Transport) {
  return async (method: HttpMethod, path: string, body?: unknown, idempotencyKey?: string) => {
    const spec: RequestSpec = { method, url: apiUrl(transport.baseUrl, path), body };
    if (idempotencyKey !== undefined) spec.idempotencyKey = idempotencyKey;
    const raw = await transport.send(spec);
    const document = transport.decode(inquiryDocument, raw, spec);
    return { inquiry: toInquiryView(document), meta: raw.meta, extra: document.meta };
  };
}

export type InquiryCallResult = Awaited<ReturnType<ReturnType<typeof inquiryCall>>>;

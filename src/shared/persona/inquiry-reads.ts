// Reading inquiries: one with its verifications and reports, lists with cursor pagination
// (https://docs.withpersona.com/pagination), and one verification on its own.
import { DeskError } from '../errors.ts';
import { t } from '../i18n.ts';
import { toInquiryView } from './normalise-inquiry.ts';
import { toVerificationView } from './normalise-verification.ts';
import {
  apiUrl,
  detailQuery,
  type InquiryListParams,
  itemPath,
  listQuery,
  pageUrl,
} from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import { inquiryDocument, inquiryListDocument, resourceDocument } from './schemas.ts';
import type { RequestSpec, Transport } from './transport.ts';
import { parseVerification } from './verification-schemas.ts';
import type { InquiryView, VerificationView } from './view-model.ts';

/**
 * Since 2025-10-27 nothing is included unless asked for
 * (https://docs.withpersona.com/changelog/2025/10/27): the whole picture, device and network
 * included, in one request.
 */
export const DETAIL_INCLUDE = ['verifications', 'reports', 'sessions'];

export interface InquiryPage {
  items: InquiryView[];
  /** Persona's cursor links as sent (relative); pass `next` to fetchPage(). */
  links: { next?: string; prev?: string };
}

export interface GetInquiryOptions {
  /**
   * Related objects to include: {@link DETAIL_INCLUDE} for the detail view, `[]` for none.
   * Required, so no call downloads verifications (personal data) it does not use.
   */
  include: string[];
  fields?: Record<string, string[]>;
}

export function inquiryReads(transport: Transport) {
  const { baseUrl } = transport;

  async function readPage(url: string): Promise<PersonaResult<InquiryPage>> {
    const spec: RequestSpec = { method: 'GET', url };
    const raw = await transport.send(spec);
    const document = transport.decode(inquiryListDocument, raw, spec);
    const links: InquiryPage['links'] = {};
    if (document.links.next) links.next = document.links.next;
    if (document.links.prev) links.prev = document.links.prev;
    const items = document.data.map((data) => toInquiryView({ data, included: [] }));
    return { data: { items, links }, meta: raw.meta };
  }

  function nextUrl(link: string): string {
    const url = pageUrl(baseUrl, link);
    if (url) return url;
    throw new DeskError({ kind: 'refused', message: t('pageLinkRefused') });
  }

  return {
    async getInquiry(id: string, options: GetInquiryOptions) {
      const query = detailQuery(options.include, options.fields);
      const spec: RequestSpec = {
        method: 'GET',
        url: apiUrl(baseUrl, itemPath('inquiries', id), query),
      };
      const raw = await transport.send(spec);
      const data = toInquiryView(transport.decode(inquiryDocument, raw, spec));
      return { data, meta: raw.meta } satisfies PersonaResult<InquiryView>;
    },

    /** One page of inquiries, newest first (`include` is not allowed on lists). */
    async listInquiries(params: InquiryListParams = {}) {
      return readPage(apiUrl(baseUrl, '/inquiries', listQuery(params)));
    },

    /** The page a `links.next` or `links.prev` value points to. */
    async fetchPage(link: string) {
      return readPage(nextUrl(link));
    },

    /** Every inquiry matching `params`, page after page, until `links.next` is null. */
    async *iterateInquiries(params: InquiryListParams = {}): AsyncGenerator<InquiryView> {
      let url: string | undefined = apiUrl(baseUrl, '/inquiries', listQuery(params));
      const visited = new Set<string>();
      while (url !== undefined && !visited.has(url)) {
        visited.add(url);
        const page = await readPage(url);
        yield* page.data.items;
        url = page.data.links.next === undefined ? undefined : nextUrl(page.data.links.next);
      }
    },

    /** `GET /verifications/{id}`: any verification type. */
    async getVerification(id: string): Promise<PersonaResult<VerificationView>> {
      const spec: RequestSpec = {
        method: 'GET',
        url: apiUrl(baseUrl, itemPath('verifications', id)),
      };
      const raw = await transport.send(spec);
      const document = transport.decode(resourceDocument, raw, spec);
      return { data: toVerificationView(parseVerification(document.data)), meta: raw.meta };
    },
  };
}

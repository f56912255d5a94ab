// Reading inquiries: one with its verifications and reports, lists with cursor pagination
// (https://docs.withpersona.com/pagination), and the evidence a reviewer opens section by section,
// one request each: a report with its matches (`GET /reports/{id}`) and the events of an inquiry
// (`GET /events?filter[object-id]=…`), from the OAS 2025-12-08 paths/reports_{report-id}.yaml and
// paths/events.yaml.
import { deskError } from '../errors.ts';
import { toEventView } from './normalise-evidence.ts';
import { toInquiryView } from './normalise-inquiry.ts';
import { toReportView } from './normalise-verification.ts';
import {
  apiUrl,
  detailQuery,
  type InquiryListParams,
  itemPath,
  listQuery,
  pageUrl,
} from './query.ts';
import type { PersonaResult } from './response-meta.ts';
import {
  eventListDocument,
  inquiryDocument,
  inquiryListDocument,
  resourceDocument,
} from './schemas.ts';
import type { Transport } from './transport.ts';
import type { EventView, InquiryView, ReportView } from './view-model.ts';

/** Persona's page maximum: an inquiry's whole history fits in one page for any usual inquiry. */
const EVENTS_PAGE_SIZE = 100;

/**
 * Since 2025-10-27 nothing is included unless asked for
 * (https://docs.withpersona.com/changelog/2025/10/27): the whole picture, device and network
 * included, in one request.
 */
export const DETAIL_INCLUDE = ['verifications', 'reports', 'sessions'];

export interface InquiryPage {
  items: InquiryView[];
  /**
   * Persona's link to the next page as sent (relative); pass it to fetchPage(). No caller goes
   * back a page, so `links.prev` is not kept.
   */
  links: { next?: string };
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
    const { document, meta } = await transport.readDocument(inquiryListDocument, {
      method: 'GET',
      url,
    });
    const links: InquiryPage['links'] = {};
    if (document.links.next) links.next = document.links.next;
    const items = document.data.map((data) => toInquiryView({ data, included: [] }));
    return { data: { items, links }, meta };
  }

  function nextUrl(link: string): string {
    const url = pageUrl(baseUrl, link);
    if (url) return url;
    throw deskError('refused', 'pageLinkRefused');
  }

  return {
    async getInquiry(id: string, options: GetInquiryOptions) {
      const query = detailQuery(options.include, options.fields);
      const { document, meta } = await transport.readDocument(inquiryDocument, {
        method: 'GET',
        url: apiUrl(baseUrl, itemPath('inquiries', id), query),
      });
      return { data: toInquiryView(document), meta } satisfies PersonaResult<InquiryView>;
    },

    /** One page of inquiries, newest first (`include` is not allowed on lists). */
    async listInquiries(params: InquiryListParams = {}) {
      return readPage(apiUrl(baseUrl, '/inquiries', listQuery(params)));
    },

    /** The page a `links.next` value points to. */
    async fetchPage(link: string) {
      return readPage(nextUrl(link));
    },

    async getReport(id: string): Promise<PersonaResult<ReportView>> {
      const { document, meta } = await transport.readDocument(resourceDocument, {
        method: 'GET',
        url: apiUrl(baseUrl, itemPath('reports', id)),
      });
      return { data: toReportView(document.data), meta };
    },

    /** The object's events, newest first, as Persona lists them. */
    async listEvents(objectId: string): Promise<PersonaResult<EventView[]>> {
      const query = new URLSearchParams({
        'filter[object-id]': objectId,
        'page[size]': String(EVENTS_PAGE_SIZE),
      });
      const { document, meta } = await transport.readDocument(eventListDocument, {
        method: 'GET',
        url: apiUrl(baseUrl, '/events', query),
      });
      return { data: document.data.map(toEventView), meta };
    },
  };
}

// URLs of Persona requests. Query parameters follow the OAS (2025-12-08/paths/inquiries.yaml):
// `filter[…]`, `page[…]`, `fields[type]` and `include` (not allowed on lists,
// https://docs.withpersona.com/response-body). Pagination links come back relative, e.g.
// `/api/v1/inquiries?page%5Bafter%5D=inq_…` (https://docs.withpersona.com/pagination).
import { deskError } from '../errors.ts';

export interface InquiryListParams {
  inquiryIds?: string[];
  /** `filter[account-id]`: the inquiries of these accounts (`act_…`). */
  accountIds?: string[];
  referenceId?: string;
  statuses?: string[];
  /** 1–100; Persona's default is 10. */
  pageSize?: number;
  /** Sparse fieldsets, e.g. `{ inquiry: ['status', 'updated-at'] }`. */
  fields?: Record<string, string[]>;
}

/** `/inquiries/inq_…[/action]`; a blank id would silently address the list instead. */
export function itemPath(collection: string, id: string, action?: string): string {
  const trimmed = id.trim();
  if (trimmed === '') {
    throw deskError('invalid', 'enterIdFirst');
  }
  return `/${collection}/${encodeURIComponent(trimmed)}${action ? `/${action}` : ''}`;
}

export function apiUrl(baseUrl: string, path: string, query?: URLSearchParams): string {
  const search = query?.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/**
 * A `links.next` value as a full URL. Relative links are resolved against the base
 * URL's origin; a link to any other origin is refused (`undefined`), since the key goes with it.
 */
export function pageUrl(baseUrl: string, link: string): string | undefined {
  const origin = new URL(baseUrl).origin;
  try {
    const url = new URL(link, origin);
    return url.origin === origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `include` always: an empty one asks for nothing included (inquiry-reads.ts GetInquiryOptions). */
export function detailQuery(include: string[], fields?: Record<string, string[]>) {
  const query = new URLSearchParams();
  query.set('include', include.join(','));
  addFields(query, fields);
  return query;
}

export function listQuery(params: InquiryListParams): URLSearchParams {
  const query = new URLSearchParams();
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') query.set(name, value);
  };
  set('filter[inquiry-id]', params.inquiryIds?.join(','));
  set('filter[account-id]', params.accountIds?.join(','));
  set('filter[reference-id]', params.referenceId);
  set('filter[status]', params.statuses?.join(','));
  if (params.pageSize !== undefined) {
    set('page[size]', String(Math.min(100, Math.max(1, Math.round(params.pageSize)))));
  }
  addFields(query, params.fields);
  return query;
}

function addFields(query: URLSearchParams, fields: Record<string, string[]> | undefined) {
  for (const [type, names] of Object.entries(fields ?? {})) {
    query.set(`fields[${type}]`, names.join(','));
  }
}

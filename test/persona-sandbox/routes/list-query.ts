import type { InquiryRecord } from '../core/types.ts';
import { badRequest } from '../http/errors.ts';

export const MAX_FILTER_IDS = 100;
const FILTERS = [
  'inquiry-id',
  'account-id',
  'note',
  'reference-id',
  'inquiry-template-id',
  'template-id',
  'status',
  'created-at-start',
  'created-at-end',
] as const;
type FilterName = (typeof FILTERS)[number];

export interface ListQuery {
  size: number;
  after: string | null;
  before: string | null;
  /** `filter[inquiry-id]`: look these up by id instead of scanning. */
  ids: string[] | null;
  matches: (inquiry: InquiryRecord) => boolean;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function timestamp(name: string, value: string): number {
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw badRequest(`filter[${name}] must be an ISO 8601 date-time`);
  return parsed;
}

function predicate(name: FilterName, value: string): ((inquiry: InquiryRecord) => boolean) | null {
  switch (name) {
    case 'inquiry-id':
      return null;
    case 'account-id': {
      const ids = new Set(list(value));
      return (inquiry) => inquiry.accountId !== null && ids.has(inquiry.accountId);
    }
    case 'note':
      return (inquiry) => inquiry.note === value;
    case 'reference-id':
      return (inquiry) => inquiry.referenceId === value;
    case 'inquiry-template-id': {
      const ids = new Set(list(value));
      return (inquiry) => inquiry.templateId !== null && ids.has(inquiry.templateId);
    }
    case 'template-id': {
      const ids = new Set(list(value));
      return (inquiry) => inquiry.legacyTemplateId !== null && ids.has(inquiry.legacyTemplateId);
    }
    case 'status': {
      const statuses = new Set(list(value));
      return (inquiry) => statuses.has(inquiry.status);
    }
    case 'created-at-start': {
      const start = timestamp(name, value);
      return (inquiry) => inquiry.createdAt >= start;
    }
    case 'created-at-end': {
      const end = timestamp(name, value);
      return (inquiry) => inquiry.createdAt <= end;
    }
  }
}

/** GET /inquiries query parameters, with Persona's limits; violations are 400s. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  if (params.has('include')) throw badRequest('include is not supported on list endpoints');
  const sizeText = params.get('page[size]');
  const size = sizeText === null ? 10 : Number(sizeText);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw badRequest('page[size] must be an integer between 1 and 100');
  }
  const after = params.get('page[after]');
  const before = params.get('page[before]');
  if (after && before) throw badRequest('Use only one of page[after] and page[before]');

  const filters = new Map<FilterName, string>();
  for (const [key, value] of params) {
    const name = /^filter\[(.+)\]$/.exec(key)?.[1];
    if (name === undefined) continue;
    if (!(FILTERS as readonly string[]).includes(name))
      throw badRequest(`filter[${name}] is not a supported filter`);
    filters.set(name as FilterName, value);
  }
  if (filters.has('note') && filters.size > 1)
    throw badRequest('filter[note] must be the only filter');

  let ids: string[] | null = null;
  const idFilter = filters.get('inquiry-id');
  if (idFilter !== undefined) {
    ids = [...new Set(list(idFilter))];
    if (ids.length > MAX_FILTER_IDS) {
      throw badRequest(
        `filter[inquiry-id] accepts at most ${MAX_FILTER_IDS} ids, got ${ids.length}`,
      );
    }
  }
  const predicates = [...filters].flatMap(([name, value]) => predicate(name, value) ?? []);
  return {
    size,
    after: after || null,
    before: before || null,
    ids,
    matches: (inquiry) => predicates.every((test) => test(inquiry)),
  };
}

import { Hono } from 'hono';
import { byCreation, lowerBound } from '../core/store.ts';
import type { InquiryRecord } from '../core/types.ts';
import type { SandboxEnv } from '../http/env.ts';
import { badRequest } from '../http/errors.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { inquiryListJson } from '../serialize/documents.ts';
import { type ListQuery, parseListQuery } from './list-query.ts';

interface Page {
  items: InquiryRecord[];
  hasNewer: boolean;
  hasOlder: boolean;
}

/** Walks `source` (oldest first) from `start` in `step` direction, collecting up to `limit` matches. */
function collect(
  source: readonly InquiryRecord[],
  start: number,
  step: 1 | -1,
  limit: number,
  query: ListQuery,
): InquiryRecord[] {
  const out: InquiryRecord[] = [];
  for (let i = start; i >= 0 && i < source.length && out.length < limit; i += step) {
    const inquiry = source[i] as InquiryRecord;
    if (query.matches(inquiry)) out.push(inquiry);
  }
  return out;
}

/**
 * Cursor pagination, newest first: page[after]=X gives the inquiries just older than X,
 * page[before]=X those just newer (still newest first). One extra match is looked at on each side
 * to know whether links.prev / links.next exist, so a page costs O(size) outside sparse filters.
 */
function paginate(
  source: readonly InquiryRecord[],
  query: ListQuery,
  cursor: InquiryRecord | null,
): Page {
  if (cursor && query.before) {
    const start = lowerBound(source, cursor);
    const first = source[start] === cursor ? start + 1 : start;
    const newer = collect(source, first, 1, query.size + 1, query);
    return {
      items: newer.slice(0, query.size).reverse(),
      hasNewer: newer.length > query.size,
      hasOlder: collect(source, first - 1, -1, 1, query).length > 0,
    };
  }
  const top = cursor ? lowerBound(source, cursor) - 1 : source.length - 1;
  const older = collect(source, top, -1, query.size + 1, query);
  return {
    items: older.slice(0, query.size),
    hasNewer: cursor ? collect(source, top + 1, 1, 1, query).length > 0 : false,
    hasOlder: older.length > query.size,
  };
}

function pageLink(url: URL, direction: 'after' | 'before', id: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    if (key !== 'page[after]' && key !== 'page[before]') params.append(key, value);
  }
  params.append(`page[${direction}]`, id);
  return `${url.pathname}?${params}`;
}

export function inquiryListRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  app.get('/inquiries', (c) => {
    const url = new URL(c.req.url);
    const query = parseListQuery(url.searchParams);
    const { store } = runtime;
    const cursorId = query.after ?? query.before;
    const cursor = cursorId ? store.inquiries.get(cursorId) : null;
    if (cursorId && !cursor) throw badRequest(`page cursor ${cursorId} is not a known inquiry`);
    const source = query.ids
      ? query.ids
          .map((id) => store.inquiries.get(id))
          .filter((inquiry): inquiry is InquiryRecord => inquiry !== undefined)
          .sort(byCreation)
      : store.ascending();
    const page = paginate(source, query, cursor ?? null);
    const first = page.items[0];
    const last = page.items.at(-1);
    const links = {
      prev: page.hasNewer && first ? pageLink(url, 'before', first.id) : null,
      next: page.hasOlder && last ? pageLink(url, 'after', last.id) : null,
    };
    return c.body(inquiryListJson(page.items, store, c.get('render'), links), 200, {
      'Content-Type': 'application/json',
    });
  });
  return app;
}

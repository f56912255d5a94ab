import { deskError, type ErrorKind, toErrorInfo } from '../../shared/errors.ts';
import type { Reply, RequestOf } from '../../shared/messages.ts';
import { classifyQuery } from '../../shared/persona/classify-query.ts';
import { DETAIL_INCLUDE } from '../../shared/persona/inquiry-reads.ts';
import { adoptInquiry, SUMMARY_FIELDS, summarise } from '../inquiries/adopt-inquiry.ts';
import { cachedInquiry } from '../inquiry-cache.ts';
import type { Handlers } from '../message-router.ts';
import { openPersona } from '../persona-access.ts';
import { rememberLookup } from '../recent-lookups.ts';
import { checkInquiryId } from './check-inquiry-id.ts';

/**
 * For what a reviewer is waiting on (open, refresh, search, a list): a rate-limit window of a few
 * seconds is waited out, a longer one is said at once, with its countdown, instead of a page that
 * reads "Checking with Persona…" for half a minute (retry-policy.ts waits up to 30 s by default).
 */
const INTERACTIVE = { retry: { maxRateLimitWaitMs: 5_000 } };
/**
 * For what nobody asked for (the create form's note of a reference ID in use): asked once. A 429
 * is not waited out and sent again, nor a 5xx or a lost connection, which would spend the rate
 * limit the team shares two to four times for a note.
 */
const UNASKED = { retry: { maxRetries: 0, maxRateLimitRetries: 0 } };

/** Kinds where Persona could not answer now but the cached copy is still worth showing. */
const transient: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'network',
  'timeout',
  'server',
  'rate_limited',
]);

export async function getInquiry(request: RequestOf<'getInquiry'>): Promise<Reply<'getInquiry'>> {
  checkInquiryId(request.id, 'query');
  const cached = request.refresh ? undefined : await cachedInquiry(request.id);
  // A cached copy younger than this answers at once; the popup asks again with refresh.
  if (cached && Date.now() - cached.fetchedAt < 5_000) return cached;
  try {
    const { client, keyInfo } = await openPersona(INTERACTIVE);
    const fetched = await client.getInquiry(request.id, { include: DETAIL_INCLUDE });
    return await adoptInquiry(fetched.data, keyInfo.masked);
  } catch (error) {
    const stale = cached ?? (await cachedInquiry(request.id));
    const info = toErrorInfo(error);
    if (stale && transient.has(info.kind)) return { ...stale, stale: info };
    throw error;
  }
}

export async function findInquiries(
  request: RequestOf<'findInquiries'>,
): Promise<Reply<'findInquiries'>> {
  const query = request.query.trim();
  if (query === '') {
    throw deskError('invalid', 'typeQuery');
  }
  const classified = classifyQuery(query);
  // Not an inquiry id (classifyQuery found that), so this throws.
  if (classified.kind === 'malformed') checkInquiryId(query, 'query');
  if (classified.kind === 'id') {
    await rememberLookup(classified.id, undefined);
    const found = await getInquiry({ type: 'getInquiry', id: classified.id, refresh: true });
    return { kind: 'inquiry', ...found };
  }
  const { client, keyInfo } = await openPersona(INTERACTIVE);
  const page = await client.listInquiries({
    referenceId: query,
    pageSize: 100,
    fields: SUMMARY_FIELDS,
  });
  // Only a reference id Persona knows is remembered: other text may be a name, not an id.
  if (page.data.items.length > 0) await rememberLookup(query, keyInfo.masked);
  const next = page.data.links.next ?? null;
  return { kind: 'matches', items: page.data.items.map(summarise), next };
}

export async function listInquiries(
  request: RequestOf<'listInquiries'>,
): Promise<Reply<'listInquiries'>> {
  const { client } = await openPersona(request.quiet ? UNASKED : INTERACTIVE);
  const page = request.next
    ? await client.fetchPage(request.next)
    : await client.listInquiries({
        statuses: request.statuses,
        referenceId: request.referenceId,
        pageSize: request.pageSize ?? 20,
        fields: SUMMARY_FIELDS,
      });
  return { items: page.data.items.map(summarise), next: page.data.links.next ?? null };
}

export const inquiryHandlers = {
  getInquiry,
  findInquiries,
  listInquiries,
} satisfies Partial<Handlers>;

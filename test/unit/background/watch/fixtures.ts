// Shared test data for the watcher: watch entries, summaries, and a fake Persona list endpoint
// behind the real client, so the cycle's requests are built and parsed the production way.
import type { InquirySummary } from '../../../../src/shared/messages.ts';
import {
  createPersonaClient,
  type PersonaClientOptions,
} from '../../../../src/shared/persona/client.ts';
import type { FetchLike } from '../../../../src/shared/persona/fetch-with-timeout.ts';
import type { WatchEntry } from '../../../../src/shared/storage-items.ts';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Every status Persona documents (docs/persona.md#statuses), plus one it may add some day. */
export const KNOWN_STATUSES = [
  'created',
  'pending',
  'completed',
  'failed',
  'expired',
  'needs_review',
  'approved',
  'declined',
] as const;
/** Only decisions end the watch: failed inquiries still move on (needs_review, approved, …). */
export const FINAL_STATUSES = ['approved', 'declined'];

export function inquiryId(n: number): string {
  return `inq_${String(n).padStart(20, '0')}`;
}

export function entry(n: number, status = 'pending', extra: Partial<WatchEntry> = {}): WatchEntry {
  return {
    id: inquiryId(n),
    status,
    updatedAt: '2026-01-05T09:00:00.000Z',
    addedAt: T0,
    changedAt: T0,
    seen: true,
    ...extra,
  };
}

export function entries(count: number, status = 'pending'): WatchEntry[] {
  return Array.from({ length: count }, (_, i) => entry(i + 1, status));
}

export function summary(
  n: number,
  status: string,
  updatedAt = '2026-01-05T09:05:00.000Z',
): InquirySummary {
  return { id: inquiryId(n), status, updatedAt };
}

interface FakeInquiry {
  status: string;
  updatedAt: string;
  redactedAt?: string;
}

function inquiryData(id: string, found: FakeInquiry) {
  return {
    type: 'inquiry',
    id,
    attributes: {
      status: found.status,
      'updated-at': found.updatedAt,
      ...(found.redactedAt ? { 'redacted-at': found.redactedAt } : {}),
    },
  };
}

/**
 * A fake `GET /inquiries?filter[inquiry-id]=…` and `GET /inquiries/{id}` that answer like Persona,
 * headers included; an id it does not have is left out of a list, and a 404 by id.
 */
export function fakePersona() {
  const inquiries = new Map<string, FakeInquiry>();
  /** Ids the list leaves out though it has them: a list that answers less than it was asked. */
  const leftOutOfLists = new Set<string>();
  const calls: URL[] = [];
  /** Answers to give before the normal ones: an HTTP status, a lost connection, or `null` (normal). */
  const faults: Array<number | 'network' | null> = [];
  const rateLimit = { limit: 300, remaining: 299, resetSeconds: 42 };

  const fetch: FetchLike = async (url) => {
    const parsed = new URL(url);
    calls.push(parsed);
    const fault = faults.shift() ?? undefined;
    if (fault === 'network') throw new TypeError('Failed to fetch');
    rateLimit.remaining = Math.max(0, rateLimit.remaining - 1);
    const headers = {
      'content-type': 'application/json',
      'request-id': `req_${calls.length}`,
      'ratelimit-limit': String(rateLimit.limit),
      'ratelimit-remaining': String(fault === 429 ? 0 : rateLimit.remaining),
      'ratelimit-reset': String(rateLimit.resetSeconds),
    };
    if (fault !== undefined) {
      const title = fault === 429 ? 'Rate limit exceeded' : 'Internal server error';
      return new Response(JSON.stringify({ errors: [{ title }] }), { status: fault, headers });
    }
    const byId = /^\/api\/v1\/inquiries\/([^/]+)$/.exec(parsed.pathname)?.[1];
    if (byId) {
      const found = inquiries.get(byId);
      return found
        ? new Response(JSON.stringify({ data: inquiryData(byId, found) }), { headers })
        : new Response(JSON.stringify({ errors: [{ title: 'Record not found' }] }), {
            status: 404,
            headers,
          });
    }
    const ids = (parsed.searchParams.get('filter[inquiry-id]') ?? '').split(',').filter(Boolean);
    const size = Number(parsed.searchParams.get('page[size]') ?? 10);
    const data = ids
      .filter((id) => inquiries.has(id) && !leftOutOfLists.has(id))
      .slice(0, size)
      .map((id) => inquiryData(id, inquiries.get(id) as FakeInquiry));
    return new Response(JSON.stringify({ data, links: { prev: null, next: null } }), {
      status: 200,
      headers,
    });
  };

  return {
    inquiries,
    leftOutOfLists,
    calls,
    faults,
    rateLimit,
    fetch,
    set(n: number, status: string, updatedAt = '2026-01-05T09:05:00.000Z') {
      inquiries.set(inquiryId(n), { status, updatedAt });
    },
    redact(n: number) {
      const found = inquiries.get(inquiryId(n));
      if (found) inquiries.set(inquiryId(n), { ...found, redactedAt: '2026-01-05T09:10:00.000Z' });
    },
    /** The client the poller uses, with the poller's retry manners and no real sleeping. */
    client(options: Pick<PersonaClientOptions, 'onResponse'> = {}) {
      return createPersonaClient({
        ...options,
        apiKey: 'persona_sandbox_00000000-0000-4000-8000-000000000000',
        baseUrl: 'https://api.withpersona.com/api/v1',
        fetch,
        retry: { maxRateLimitRetries: 0, maxRetries: 0 },
        sleep: async () => {},
      });
    },
  };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeTag, inquiryAction, newLink } from '../../../src/background/handlers/actions.ts';
import { findInquiries, listInquiries } from '../../../src/background/handlers/inquiries.ts';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { watch } from '../../../src/background/handlers/watch.ts';
import { DeskError } from '../../../src/shared/errors.ts';
import { defaultSettings, linkExpiryProblem } from '../../../src/shared/settings.ts';
import { readItem, writeItem } from '../../../src/shared/storage.ts';
import { watchlistItem } from '../../../src/shared/storage-items.ts';

const id = 'inq_AAAAAA111111';
const inquiry = (status: string) => ({
  data: {
    type: 'inquiry',
    id,
    attributes: { status, 'reference-id': 'user-1', 'expires-at': inquiryExpiresAt },
  },
  included: [],
});

let calls: string[];
let bodies: unknown[];
let status: string;
let inquiryExpiresAt: string | null;

beforeEach(async () => {
  await saveOptions({
    type: 'saveOptions',
    settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
    key: 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b',
  });
  calls = [];
  bodies = [];
  status = 'expired';
  inquiryExpiresAt = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string | URL, init?: RequestInit) => {
      const target = new URL(String(url));
      calls.push(`${init?.method ?? 'GET'} ${decodeURIComponent(target.pathname + target.search)}`);
      bodies.push(init?.body ? JSON.parse(String(init.body)) : undefined);
      if (target.pathname.endsWith('/resume')) status = 'pending';
      if (target.pathname.endsWith('/decline')) status = 'declined';
      const body = target.pathname.endsWith('/generate-one-time-link')
        ? { ...inquiry(status), meta: { 'one-time-link': 'http://127.0.0.1:4010/verify?code=x' } }
        : target.pathname.endsWith('/inquiries')
          ? { data: [inquiry(status).data], links: { next: null, prev: null } }
          : inquiry(status);
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('findInquiries', () => {
  it('refuses a malformed inquiry id before any request', async () => {
    await expect(findInquiries({ type: 'findInquiries', query: 'inq_12 34' })).rejects.toSatisfy(
      (e) => e instanceof DeskError && e.info.pointer === 'query',
    );
    expect(calls).toEqual([]);
  });

  it('opens the inquiry of an id or a pasted dashboard URL, and searches anything else', async () => {
    const url = `https://app.withpersona.com/dashboard/inquiries/${id}`;
    expect((await findInquiries({ type: 'findInquiries', query: url })).kind).toBe('inquiry');
    const matches = await findInquiries({ type: 'findInquiries', query: 'user-1' });
    expect(matches).toMatchObject({ kind: 'matches', items: [{ id, status: 'expired' }] });
    expect(calls.at(-1)).toContain('filter[reference-id]=user-1');
  });
});

// A list row is a summary: a page of a hundred full inquiries (fields, tags, behaviours) would
// carry what no row shows, and personal data besides.
const SUMMARY = 'fields[inquiry]=status,reference-id,created-at,updated-at,redacted-at';

describe('lists ask only for what a row shows', () => {
  it('a search by reference id', async () => {
    await findInquiries({ type: 'findInquiries', query: 'user-1' });
    expect(calls).toEqual([
      `GET /api/v1/inquiries?filter[reference-id]=user-1&page[size]=100&${SUMMARY}`,
    ]);
  });

  it("the Needs review queue; a next page is Persona's link as sent", async () => {
    const reply = await listInquiries({
      type: 'listInquiries',
      statuses: ['needs_review'],
      pageSize: 100,
    });
    expect(reply.items).toEqual([{ id, status: 'expired', referenceId: 'user-1' }]);
    await listInquiries({
      type: 'listInquiries',
      statuses: [],
      next: '/api/v1/inquiries?page%5Bafter%5D=inq_X',
    });
    expect(calls).toEqual([
      `GET /api/v1/inquiries?filter[status]=needs_review&page[size]=100&${SUMMARY}`,
      'GET /api/v1/inquiries?page[after]=inq_X',
    ]);
  });

  it('a list nobody asked for is sent once, whatever comes back; one asked for waits out a short window', async () => {
    const limited = () =>
      new Response(JSON.stringify({ errors: [{ title: 'Too many requests' }] }), {
        status: 429,
        headers: {
          'Content-Type': 'application/json',
          'RateLimit-Limit': '300',
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': '1',
        },
      });
    /** Persona answering `first()` to the first request, an empty list after; how many went. */
    const answering = (first: () => Response) => {
      let sent = 0;
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => {
          sent++;
          return sent === 1
            ? first()
            : new Response(JSON.stringify({ data: [], links: { next: null } }), {
                status: 200,
                headers: { 'Content-Type': 'application/json' },
              });
        }),
      );
      return () => sent;
    };
    const quietly = {
      type: 'listInquiries' as const,
      statuses: ['created', 'pending'],
      referenceId: 'chat-7',
      quiet: true,
    };
    let sent = answering(limited);
    await expect(listInquiries(quietly)).rejects.toMatchObject({ info: { kind: 'rate_limited' } });
    expect(sent()).toBe(1);
    // Nor a 5xx, which a read asked for is sent again after.
    sent = answering(() => new Response('{}', { status: 503 }));
    await expect(listInquiries(quietly)).rejects.toMatchObject({ info: { kind: 'server' } });
    expect(sent()).toBe(1);
    sent = answering(limited);
    await listInquiries({ type: 'listInquiries', statuses: ['needs_review'] });
    expect(sent()).toBe(2);
  });
});

describe('newLink', () => {
  it('reads only the status first, resumes an expired inquiry, then reads the detail once', async () => {
    const reply = await newLink({ type: 'newLink', id });
    expect(reply.link.url).toBe('http://127.0.0.1:4010/verify?code=x');
    expect(reply.inquiry.status).toBe('pending');
    expect(calls).toEqual([
      `GET /api/v1/inquiries/${id}?include=&fields[inquiry]=status`,
      `POST /api/v1/inquiries/${id}/resume`,
      `POST /api/v1/inquiries/${id}/generate-one-time-link`,
      `GET /api/v1/inquiries/${id}?include=verifications,reports,sessions`,
    ]);
  });
});

describe('link expiry', () => {
  it('asks for the lifetime set in the options, and shows the earlier of link and inquiry expiry', async () => {
    await saveOptions({
      type: 'saveOptions',
      settings: {
        ...defaultSettings(),
        baseUrl: 'http://127.0.0.1:4010/api/v1',
        linkExpiryHours: 2,
      },
    });
    const before = Date.now();
    const reply = await newLink({ type: 'newLink', id });
    const sentBody = bodies[calls.findIndex((c) => c.endsWith('/generate-one-time-link'))];
    expect(sentBody).toEqual({ meta: { 'expires-in-seconds': 7200 } });
    const linkEnd = Date.parse(reply.link.expiresAt ?? '');
    expect(linkEnd).toBeGreaterThanOrEqual(before + 7_200_000);
    expect(linkEnd).toBeLessThanOrEqual(Date.now() + 7_200_000);

    // An inquiry that expires sooner ends the link sooner.
    inquiryExpiresAt = new Date(before + 600_000).toISOString();
    const sooner = await newLink({ type: 'newLink', id });
    expect(sooner.link.expiresAt).toBe(inquiryExpiresAt);
  });

  it('refuses a lifetime outside 1 hour to 30 days with a clear message', () => {
    expect(linkExpiryProblem(24)).toBeUndefined();
    for (const bad of [0, -1, 1.5, 721, Number.NaN]) {
      expect(linkExpiryProblem(bad)).toMatch(/whole number of hours from 1 to 720/);
    }
  });
});

describe('watch', () => {
  it('downloads no personal data: include nothing, and only the fields the watchlist keeps', async () => {
    await watch({ type: 'watch', id });
    expect(calls).toEqual([
      `GET /api/v1/inquiries/${id}?include=&fields[inquiry]=status,reference-id,created-at,updated-at,redacted-at`,
    ]);
  });
});

describe('changeTag', () => {
  it('adds and removes one tag with add-tag and remove-tag, never set-tags', async () => {
    await changeTag({ type: 'changeTag', id, change: 'add', tag: ' vip ' });
    await changeTag({ type: 'changeTag', id, change: 'remove', tag: 'kyc' });
    const posts = calls
      .map((call, i) => ({ call, body: bodies[i] }))
      .filter(({ call }) => call.startsWith('POST'));
    expect(posts).toEqual([
      { call: `POST /api/v1/inquiries/${id}/add-tag`, body: { meta: { 'tag-name': 'vip' } } },
      { call: `POST /api/v1/inquiries/${id}/remove-tag`, body: { meta: { 'tag-name': 'kyc' } } },
    ]);
  });
});

describe("the reviewer's own change, in the watchlist", () => {
  const watched = (entryStatus: string, seen: boolean) =>
    writeItem(watchlistItem, [{ id, status: entryStatus, addedAt: 1, changedAt: 1, seen }]);

  it.each([
    ['the answer brings the decision', 'needs_review', true],
    ['the watcher found the decision first', 'declined', false],
    ['the change before it was not looked at yet', 'needs_review', false],
  ])('a decision made here is seen, not news: %s', async (_, before, seen) => {
    status = 'needs_review';
    await watched(before, seen);
    await inquiryAction({ type: 'inquiryAction', id, action: 'decline', comment: 'no' });
    expect(await readItem(watchlistItem)).toMatchObject([{ id, status: 'declined', seen: true }]);
  });

  it('so is a new link that resumed an expired inquiry', async () => {
    await watched('expired', true);
    await newLink({ type: 'newLink', id });
    expect(await readItem(watchlistItem)).toMatchObject([{ id, status: 'pending', seen: true }]);
  });

  it('a look at an inquiry that changed elsewhere is news still', async () => {
    status = 'approved';
    await watched('needs_review', true);
    await findInquiries({ type: 'findInquiries', query: id });
    expect(await readItem(watchlistItem)).toMatchObject([{ id, status: 'approved', seen: false }]);
  });
});

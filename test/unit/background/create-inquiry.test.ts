import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createInquiry,
  resumePendingCreates,
} from '../../../src/background/create/create-inquiry.ts';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { auditTrailItem } from '../../../src/shared/audit/trail-item.ts';
import type { RequestOf } from '../../../src/shared/messages.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';
import { readItem, writeItem } from '../../../src/shared/storage.ts';
import {
  keyInfoItem,
  pendingCreatesItem,
  pendingPrefillItem,
  watchlistItem,
} from '../../../src/shared/storage-items.ts';

const TEMPLATE = 'itmpl_DeskCreate0001';

interface Call {
  method: string;
  path: string;
  key: string | null;
  /** The API key the request went with. */
  bearer: string | undefined;
  body: unknown;
}

let calls: Call[];
/** Status codes for the next POST /inquiries answers; 201 once they run out. */
let createAnswers: number[];
/** Inquiries Persona holds: made by a 201, or by a create whose answer was a 500. */
let made: Array<{ id: string; ref?: string; createdAt: string }>;
/** Answers stored per Idempotency-Key, replayed like Persona does. */
let stored: Map<string, { status: number; body: unknown }>;
/** When set, the 500 answer still made the inquiry (Persona acted, then failed). */
let fiveHundredMadeIt: boolean;
/** How far Persona's clock is behind this computer's: its `created-at` and `Date` say so. */
let personaBehindMs: number;
const personaNow = () => new Date(Date.now() - personaBehindMs);

function inquiry(id: string, ref?: string, createdAt = personaNow().toISOString()) {
  return {
    type: 'inquiry',
    id,
    attributes: { status: 'created', 'reference-id': ref ?? null, 'created-at': createdAt },
    relationships: { 'inquiry-template': { data: { type: 'inquiry-template', id: TEMPLATE } } },
  };
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json',
      'Request-Id': `req_${calls.length}`,
      Date: personaNow().toUTCString(),
    },
  });
}

beforeEach(async () => {
  await saveOptions({
    type: 'saveOptions',
    settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
    key: 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b',
  });
  calls = [];
  createAnswers = [];
  made = [];
  stored = new Map();
  fiveHundredMadeIt = false;
  personaBehindMs = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string | URL, init?: RequestInit) => {
      const target = new URL(String(url));
      const key = new Headers(init?.headers).get('idempotency-key');
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      const path = decodeURIComponent(target.pathname + target.search);
      const bearer = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '');
      calls.push({ method: init?.method ?? 'GET', path, key, bearer, body });
      if (init?.method === 'POST' && target.pathname.endsWith('/api/v1/inquiries')) {
        const replay = key ? stored.get(key) : undefined;
        if (replay) return answer(replay.status, replay.body);
        const status = createAnswers.shift() ?? 201;
        const ref = body?.data?.attributes?.['reference-id'];
        const id = `inq_Made${String(made.length + 1).padStart(8, '0')}`;
        let reply: { status: number; body: unknown };
        if (status === 201 || fiveHundredMadeIt)
          made.unshift({ id, ref, createdAt: personaNow().toISOString() });
        if (status === 201) {
          reply = {
            status,
            body: {
              data: inquiry(id, ref),
              included: [],
              meta: { 'one-time-link': `http://127.0.0.1:4010/verify?code=${id}` },
            },
          };
        } else {
          reply = { status, body: { errors: [{ title: 'Internal server error' }] } };
        }
        // A 409 means the key's first request is still running: nothing is stored yet.
        if (key && status !== 409) stored.set(key, reply);
        return answer(reply.status, reply.body);
      }
      if (target.pathname.endsWith('/api/v1/inquiries')) {
        const ref = target.searchParams.get('filter[reference-id]');
        const data = made
          .filter((m) => m.ref === ref)
          .map((m) => inquiry(m.id, m.ref, m.createdAt));
        return answer(200, { data, links: { next: null, prev: null } });
      }
      const id = target.pathname.split('/')[4] ?? '';
      const found = made.find((m) => m.id === id);
      if (target.pathname.endsWith('/generate-one-time-link')) {
        return answer(200, {
          data: inquiry(id, found?.ref),
          meta: { 'one-time-link': `http://127.0.0.1:4010/verify?code=new-${id}` },
        });
      }
      return answer(200, { data: inquiry(id, found?.ref), included: [] });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const request = (
  key: string,
  extra: Partial<RequestOf<'createInquiry'>> = {},
): RequestOf<'createInquiry'> => ({
  type: 'createInquiry',
  idempotencyKey: key,
  templateId: TEMPLATE,
  ...extra,
});
/** Holds each create's POST until `release()` is called: a create under way. */
function holdCreates(): () => void {
  let release: () => void = () => {};
  const original = globalThis.fetch;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string | URL, init?: RequestInit) => {
      if (init?.method === 'POST' && String(url).endsWith('/inquiries')) {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }
      return original(url, init);
    }),
  );
  return () => release();
}
const creates = () => calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/inquiries');

/** The trail's entries since `at`, but for the setup's own save of the settings. */
async function loggedSince(at: number) {
  const { entries } = await readItem(auditTrailItem);
  return entries.filter((e) => e.at >= at && e.action !== 'settingsChanged');
}

describe('createInquiry', () => {
  it('sends the prefill under the template field keys, trimmed, leaving blanks out', async () => {
    await createInquiry(
      request('click-prefill', {
        prefill: { nameFirst: ' Ann ', nameLast: 'Lee', emailAddress: '', phoneNumber: '+47 1234' },
      }),
    );
    const sent = creates()[0]?.body as { data: { attributes: { fields: unknown } } } | undefined;
    expect(sent?.data.attributes.fields).toEqual({
      name_first: 'Ann',
      name_last: 'Lee',
      phone_number: '+47 1234',
    });
  });

  it('asks for the link expiry from the settings (24 h by default) and watches the inquiry', async () => {
    const reply = await createInquiry(request('click-0001', { referenceId: 'user-1' }));
    expect(creates()[0]?.body).toMatchObject({
      meta: { 'auto-create-one-time-link': true, 'one-time-link-expiration-seconds': 86_400 },
    });
    expect(reply.recovery).toBeUndefined();
    expect((await readItem(watchlistItem)).map((e) => e.id)).toEqual([reply.inquiry.id]);
    expect(await readItem(pendingCreatesItem)).toEqual({});
  });

  it('with the watchlist full of inquiries that can still change, makes it all the same and says it is not watched', async () => {
    const pending = Array.from({ length: 1000 }, (_, i) => ({
      id: `inq_${String(i).padStart(20, '0')}`,
      status: 'pending',
      addedAt: 1,
      changedAt: 1,
      seen: true,
    }));
    await writeItem(watchlistItem, pending);
    const reply = await createInquiry(request('click-full', { referenceId: 'user-full' }));
    expect(reply.inquiry.id).toBeTruthy();
    expect(reply.unwatched).toBe(true);
    expect(creates()).toHaveLength(1);
    // Nothing that can still change was dropped for it.
    expect(await readItem(watchlistItem)).toEqual(pending);
  });

  it('after a 5xx, adopts the inquiry found by reference ID instead of making another', async () => {
    createAnswers = [500];
    fiveHundredMadeIt = true;
    const reply = await createInquiry(request('click-0002', { referenceId: 'user-2' }));
    expect(reply.recovery).toBe('adopted');
    expect(creates()).toHaveLength(1);
    expect(made).toHaveLength(1);
    expect(reply.inquiry.id).toBe(made[0]?.id);
    const lookup = calls.find((c) => c.method === 'GET' && c.path.includes('filter[reference-id]'));
    expect(lookup?.path).toContain('filter[reference-id]=user-2');
    // By reference ID alone: a start time on this computer's clock could leave the inquiry out.
    expect(lookup?.path).not.toContain('filter[created-at-start]');
    expect(lookup?.path).toContain('fields[inquiry]=created-at,reference-id,inquiry-template');
    expect(reply.link?.url).toBe(`http://127.0.0.1:4010/verify?code=new-${made[0]?.id}`);
    expect((await readItem(watchlistItem)).map((e) => e.id)).toEqual([made[0]?.id]);
  });

  it.each([
    ['two minutes behind', 120_000],
    ['two minutes ahead', -120_000],
  ])(
    "after a 5xx, finds the inquiry made with Persona's clock %s this computer's",
    async (_, behind) => {
      personaBehindMs = behind;
      createAnswers = [500];
      fiveHundredMadeIt = true;
      const reply = await createInquiry(request('click-skew', { referenceId: 'user-skew' }));
      expect(reply.recovery).toBe('adopted');
      expect(made).toHaveLength(1);
      expect(reply.inquiry.id).toBe(made[0]?.id);
    },
  );

  it("after a 5xx, does not take one made before the click, by Persona's clock", async () => {
    personaBehindMs = -120_000;
    // A colleague's, made 90 s before the click on Persona's clock (which is 2 minutes ahead).
    made.push({
      id: 'inq_Earlier00000001',
      ref: 'user-before',
      createdAt: new Date(personaNow().getTime() - 90_000).toISOString(),
    });
    createAnswers = [500];
    const reply = await createInquiry(request('click-before', { referenceId: 'user-before' }));
    expect(reply.recovery).toBe('retried');
    expect(reply.inquiry.id).not.toBe('inq_Earlier00000001');
  });

  it('after a 5xx with nothing found, tries once more under a NEW key, never the stored 500', async () => {
    createAnswers = [500];
    const reply = await createInquiry(request('click-0003', { referenceId: 'user-3' }));
    expect(reply.recovery).toBe('retried');
    expect(creates().map((c) => c.key)).toEqual(['click-0003', expect.any(String)]);
    expect(creates()[1]?.key).not.toBe('click-0003');
    expect(made).toHaveLength(1);
  });

  it('after a 5xx without a reference ID, reports it: a second try could make a second inquiry', async () => {
    createAnswers = [502];
    await expect(createInquiry(request('click-0004'))).rejects.toMatchObject({
      info: { kind: 'server', status: 502 },
    });
    expect(creates().map((c) => c.key)).toEqual(['click-0004']);
    expect(await readItem(pendingCreatesItem)).toEqual({});
  });

  it('reports a second 5xx instead of trying forever', async () => {
    createAnswers = [500, 500];
    await expect(
      createInquiry(request('click-0005', { referenceId: 'user-5' })),
    ).rejects.toMatchObject({
      info: { kind: 'server' },
    });
    expect(creates()).toHaveLength(2);
    expect(await readItem(pendingCreatesItem)).toEqual({});
  });

  it('waits for a key whose first request is still running (409), with the same key', async () => {
    createAnswers = [409];
    const reply = await createInquiry(request('click-0010', { referenceId: 'user-10' }));
    expect(creates().map((c) => c.key)).toEqual(['click-0010', 'click-0010']);
    expect(made.map((m) => m.id)).toEqual([reply.inquiry.id]);
  });

  it('two submits of one form in the same task make one inquiry', async () => {
    const [a, b] = await Promise.all([
      createInquiry(request('click-0006', { referenceId: 'user-6' })),
      createInquiry(request('click-0007', { referenceId: 'user-6' })),
    ]);
    expect(b.inquiry.id).toBe(a.inquiry.id);
    expect(creates()).toHaveLength(1);
  });

  it('a worker restarted mid-create finishes it with the same key, adopted and watched once', async () => {
    // What the stopped worker left: the create was sent, and Persona made the inquiry.
    const first = await createInquiry(request('click-0008', { referenceId: 'user-8' }));
    await writeItem(pendingCreatesItem, {
      'click-0008': {
        key: 'click-0008',
        clickKey: 'click-0008',
        templateId: TEMPLATE,
        referenceId: 'user-8',
        startedAt: Date.now(),
      },
    });
    await resumePendingCreates();
    // The popup that lost its answer asks again with the same key and joins (or replays) it.
    const again = await createInquiry(request('click-0008', { referenceId: 'user-8' }));
    expect(again.inquiry.id).toBe(first.inquiry.id);
    expect(made).toHaveLength(1);
    expect(new Set(creates().map((c) => c.key))).toEqual(new Set(['click-0008']));
    expect((await readItem(watchlistItem)).filter((e) => e.id === first.inquiry.id)).toHaveLength(
      1,
    );
    await vi.waitFor(async () => expect(await readItem(pendingCreatesItem)).toEqual({}));
  });

  it("sends the click's link lifetime under its key, though the settings changed before it was asked again", async () => {
    const lifetimes = () =>
      creates().map(
        (c) =>
          (c.body as { meta: Record<string, unknown> }).meta['one-time-link-expiration-seconds'],
      );
    const settingsNow = (linkExpiryHours: number) =>
      saveOptions({
        type: 'saveOptions',
        settings: {
          ...defaultSettings(),
          baseUrl: 'http://127.0.0.1:4010/api/v1',
          linkExpiryHours,
        },
      });
    // Persona made it, and its answers were lost: the popup keeps the key and asks again under it.
    const persona = globalThis.fetch;
    let offline = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string | URL, init?: RequestInit) => {
        const response = await persona(url, init);
        if (offline && init?.method === 'POST') throw new TypeError('Failed to fetch');
        return response;
      }),
    );
    await settingsNow(24);
    const ask = request('click-life', { referenceId: 'user-life', linkSeconds: 86_400 });
    await expect(createInquiry(ask)).rejects.toMatchObject({ info: { kind: 'network' } });
    await settingsNow(48);
    offline = false;
    expect((await createInquiry(ask)).inquiry.id).toBe(made[0]?.id);
    expect(made).toHaveLength(1);
    expect(new Set(lifetimes())).toEqual(new Set([86_400]));
    // A restarted worker resumes it as it was sent.
    await writeItem(pendingCreatesItem, {
      'click-life2': {
        key: 'click-life2',
        clickKey: 'click-life2',
        templateId: TEMPLATE,
        referenceId: 'user-life2',
        startedAt: Date.now(),
        linkSeconds: 86_400,
      },
    });
    await resumePendingCreates();
    const sent = lifetimes().length;
    await vi.waitFor(() => expect(lifetimes()).toHaveLength(sent + 1));
    expect(lifetimes().at(-1)).toBe(86_400);
    // One sent without (a draft from before): the settings' lifetime now.
    await createInquiry(request('click-life3', { referenceId: 'user-life3' }));
    expect(lifetimes().at(-1)).toBe(172_800);
  });

  /**
   * What a worker stopped during a 5xx recovery leaves: Persona stored a 500 for the click key
   * and, for the second key, the inquiry it made; the record names the second key. Returns the ask
   * the next popup makes (under the click key), and the key each POST found in the record.
   */
  async function leftUnderSecondKey() {
    const clickedAt = Date.now() - 130_000;
    const id = 'inq_Made00000001';
    made = [{ id, ref: 'user-k2', createdAt: new Date(Date.now() - 125_000).toISOString() }];
    stored.set('click-k2', { status: 500, body: { errors: [{ title: 'Internal server error' }] } });
    stored.set('second-k2', {
      status: 201,
      body: {
        data: inquiry(id, 'user-k2'),
        included: [],
        meta: { 'one-time-link': `http://127.0.0.1:4010/verify?code=${id}` },
      },
    });
    await writeItem(pendingCreatesItem, {
      'click-k2': {
        key: 'second-k2',
        clickKey: 'click-k2',
        templateId: TEMPLATE,
        referenceId: 'user-k2',
        startedAt: clickedAt,
      },
    });
    const recorded: Array<string | undefined> = [];
    const persona = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string | URL, init?: RequestInit) => {
        if (init?.method === 'POST' && String(url).endsWith('/inquiries'))
          recorded.push((await readItem(pendingCreatesItem))['click-k2']?.key);
        return persona(url, init);
      }),
    );
    // Asked with another time than the record's (a draft's own note of the click): the record's
    // start is the one the create goes on from.
    const ask = () =>
      createInquiry(request('click-k2', { referenceId: 'user-k2', clickedAt: clickedAt + 5_000 }));
    return { id, clickedAt, ask, recorded };
  }

  it('a create asked again in a new worker after its 5xx moved it to a second key goes on under that key, which stays recorded, from the click', async () => {
    const { id, clickedAt, ask, recorded } = await leftUnderSecondKey();
    const reply = await ask();
    // Persona's replay of the second key, not the click key's 500 and a look-up by reference.
    expect(creates().map((c) => c.key)).toEqual(['second-k2']);
    expect(recorded).toEqual(['second-k2']);
    expect(calls.filter((c) => c.method === 'GET')).toEqual([]);
    expect(reply.inquiry.id).toBe(id);
    expect(reply.recovery).toBe('retried');
    expect(made).toHaveLength(1);
    const logged = (await readItem(auditTrailItem)).entries.filter((e) => e.action === 'create');
    expect(logged.map((e) => [e.outcome, e.inquiryId, e.at])).toEqual([['ok', id, clickedAt]]);
    expect(await readItem(pendingCreatesItem)).toEqual({});
  });

  it('at a worker start, two asks of that create in the same task and the resume send one request, under its second key', async () => {
    const { id, ask } = await leftUnderSecondKey();
    const resumed = resumePendingCreates();
    const [a, b] = await Promise.all([ask(), ask()]);
    await resumed;
    expect(creates().map((c) => c.key)).toEqual(['second-k2']);
    expect([a.inquiry.id, b.inquiry.id]).toEqual([id, id]);
    expect(made).toHaveLength(1);
    await vi.waitFor(async () => expect(await readItem(pendingCreatesItem)).toEqual({}));
  });

  it('a create asked again after its answer (the next popup asks for a closed one’s) gets Persona’s replay, and is logged once', async () => {
    const startedAt = Date.now();
    const first = await createInquiry(request('click-replay', { referenceId: 'user-replay' }));
    const again = await createInquiry(request('click-replay', { referenceId: 'user-replay' }));
    expect(again.inquiry.id).toBe(first.inquiry.id);
    expect(made).toHaveLength(1);
    const logged = await loggedSince(startedAt);
    expect(logged.map((e) => [e.action, e.outcome, e.inquiryId])).toEqual([
      ['create', 'ok', first.inquiry.id],
    ]);
    // A create that failed is logged each time: no inquiry names it.
    createAnswers = [422, 422];
    await expect(createInquiry(request('click-bad-1'))).rejects.toThrow();
    await expect(createInquiry(request('click-bad-2'))).rejects.toThrow();
    const failed = (await readItem(auditTrailItem)).entries.filter((e) => e.outcome === 'error');
    expect(failed).toHaveLength(2);
  });

  it('a 5xx’d create the background recovered, asked again minutes later by the next popup: the inquiry it made is adopted, none made twice, the click logged once', async () => {
    const clickedAt = Date.now() - 130_000;
    createAnswers = [500];
    const ask = () =>
      createInquiry(request('click-5xx-late', { referenceId: 'user-late', clickedAt }));
    // The popup was closed: the background's own recovery made the inquiry under a new key.
    const first = await ask();
    expect(first.recovery).toBe('retried');
    expect(made).toHaveLength(1);
    // Made two minutes before the next popup opens the form.
    const [inquiryMade] = made;
    if (inquiryMade) inquiryMade.createdAt = new Date(Date.now() - 125_000).toISOString();
    // That popup asks under the click's key: Persona replays the 500, and the look-up by
    // reference starts at the click, not at this ask.
    const again = await ask();
    expect(again.inquiry.id).toBe(first.inquiry.id);
    expect(again.recovery).toBe('adopted');
    expect(made).toHaveLength(1);
    const logged = (await readItem(auditTrailItem)).entries.filter((e) => e.action === 'create');
    expect(logged.map((e) => [e.outcome, e.inquiryId, e.at])).toEqual([
      ['ok', first.inquiry.id, clickedAt],
    ]);
  });

  it('a create that failed, asked again under its key, is logged once; another click’s failure is logged too', async () => {
    createAnswers = [500, 500];
    const clickedAt = Date.now() - 5_000;
    const ask = () => createInquiry(request('click-5xx-noref', { clickedAt }));
    await expect(ask()).rejects.toThrow();
    await expect(ask()).rejects.toThrow();
    await expect(createInquiry(request('click-5xx-other'))).rejects.toThrow();
    const logged = (await readItem(auditTrailItem)).entries.filter((e) => e.action === 'create');
    expect(logged.map((e) => [e.outcome, e.errorKind])).toEqual([
      ['error', 'server'],
      ['error', 'server'],
    ]);
    expect(logged[0]?.at).toBe(clickedAt);
  });

  it('after the browser closed mid-create (its prefill gone with the session), finds the inquiry by reference ID, watches it and logs it once, at the click, sending nothing again', async () => {
    // Pressed last evening; the browser starts again this morning.
    const startedAt = Date.now() - 14 * 3_600_000;
    // Persona made it; the browser closed before the answer came. What it left: the record on
    // disk, no prefill, nothing watched, nothing logged.
    const id = 'inq_Made00000010';
    made.unshift({ id, ref: 'user-10', createdAt: new Date().toISOString() });
    await writeItem(pendingCreatesItem, {
      'click-0010': {
        key: 'click-0010',
        clickKey: 'click-0010',
        templateId: TEMPLATE,
        referenceId: 'user-10',
        prefilled: true,
        startedAt,
      },
    });
    await resumePendingCreates();
    await vi.waitFor(async () => expect(await readItem(pendingCreatesItem)).toEqual({}));
    expect(creates()).toHaveLength(0);
    expect((await readItem(watchlistItem)).map((e) => e.id)).toEqual([id]);
    const logged = await loggedSince(startedAt);
    expect(logged.map((e) => [e.action, e.outcome, e.inquiryId, e.at])).toEqual([
      ['create', 'ok', id, startedAt],
    ]);
  });

  it('after the browser closed mid-create with no reference ID to look for, logs it as interrupted, at the click, and sends nothing again', async () => {
    const startedAt = Date.now() - 14 * 3_600_000;
    await writeItem(pendingCreatesItem, {
      'click-0011': {
        key: 'click-0011',
        clickKey: 'click-0011',
        templateId: TEMPLATE,
        prefilled: true,
        startedAt,
      },
    });
    await resumePendingCreates();
    await vi.waitFor(async () => expect(await readItem(pendingCreatesItem)).toEqual({}));
    expect(creates()).toHaveLength(0);
    const logged = await loggedSince(startedAt);
    expect(logged.map((e) => [e.action, e.outcome, e.errorKind, e.at])).toEqual([
      ['create', 'error', 'interrupted', startedAt],
    ]);
  });

  it('a create left for more than a day is not sent again under its key (Persona may have forgotten it): it is looked for by reference', async () => {
    const startedAt = Date.now() - 25 * 3_600_000;
    const id = 'inq_Made00000012';
    made.unshift({ id, ref: 'user-12', createdAt: new Date(startedAt).toISOString() });
    await writeItem(pendingCreatesItem, {
      'click-0012': {
        key: 'click-0012',
        clickKey: 'click-0012',
        templateId: TEMPLATE,
        referenceId: 'user-12',
        prefilled: false,
        startedAt,
      },
    });
    await resumePendingCreates();
    await vi.waitFor(async () => expect(await readItem(pendingCreatesItem)).toEqual({}));
    expect(creates()).toHaveLength(0);
    expect((await readItem(watchlistItem)).map((e) => e.id)).toEqual([id]);
  });

  it('two resumes at once (start-up, then an unlock) look for a lost create once, and leave a running create alone', async () => {
    const startedAt = Date.now();
    const release = holdCreates();
    // A create under way in this worker; a lock meanwhile took its prefill.
    const running = createInquiry(
      request('click-0013', { referenceId: 'user-13', prefill: { nameFirst: 'Ann' } }),
    );
    await vi.waitFor(async () =>
      expect(Object.keys(await readItem(pendingCreatesItem))).toEqual(['click-0013']),
    );
    await writeItem(pendingPrefillItem, {});
    // And one a closed browser left.
    made.unshift({ id: 'inq_Made00000014', ref: 'user-14', createdAt: new Date().toISOString() });
    await writeItem(pendingCreatesItem, {
      ...(await readItem(pendingCreatesItem)),
      'click-0014': {
        key: 'click-0014',
        clickKey: 'click-0014',
        templateId: TEMPLATE,
        referenceId: 'user-14',
        prefilled: true,
        startedAt,
      },
    });
    await Promise.all([resumePendingCreates(), resumePendingCreates()]);
    release();
    const done = await running;
    await vi.waitFor(async () => expect(await readItem(pendingCreatesItem)).toEqual({}));
    const logged = await loggedSince(startedAt);
    expect(logged.map((e) => [e.action, e.outcome, e.inquiryId]).sort()).toEqual(
      [
        ['create', 'ok', done.inquiry.id],
        ['create', 'ok', 'inq_Made00000014'],
      ].sort(),
    );
  });

  it('a key saved while the create is out: the log names the reviewer by the key the create went with', async () => {
    const release = holdCreates();
    const running = createInquiry(request('click-rekey', { referenceId: 'user-rekey' }));
    await vi.waitFor(async () =>
      expect(Object.keys(await readItem(pendingCreatesItem))).toEqual(['click-rekey']),
    );
    const sentWith = (await readItem(keyInfoItem))?.masked;
    await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
      key: 'persona_sandbox_0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
    });
    const savedNow = (await readItem(keyInfoItem))?.masked;
    expect(savedNow).not.toBe(sentWith);
    release();
    const created = await running;
    const logged = (await readItem(auditTrailItem)).entries.filter(
      (e) => e.inquiryId === created.inquiry.id,
    );
    expect(logged.map((e) => [e.action, e.reviewer])).toEqual([['create', sentWith]]);
  });

  it('a key saved just as the create starts: the log names the reviewer by the key the create went with', async () => {
    const newKey = 'persona_sandbox_0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
    // The key is saved while the create's pending mark is written: after the click, before the
    // create is sent.
    const local = fakeBrowser.storage.local;
    const set = local.set.bind(local);
    let saved = false;
    vi.spyOn(local, 'set').mockImplementation(async (items) => {
      if (!saved && pendingCreatesItem.key in items) {
        saved = true;
        await saveOptions({
          type: 'saveOptions',
          settings: { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' },
          key: newKey,
        });
      }
      return set(items);
    });
    const created = await createInquiry(request('click-rekey-start', { referenceId: 'user-rk2' }));
    expect(saved).toBe(true);
    const sentWith = creates()[0]?.bearer;
    expect(sentWith).toBe(newKey);
    const logged = (await readItem(auditTrailItem)).entries.filter(
      (e) => e.inquiryId === created.inquiry.id,
    );
    expect(logged.map((e) => [e.action, e.reviewer])).toEqual([
      ['create', (await readItem(keyInfoItem))?.masked],
    ]);
    expect(logged[0]?.reviewer.endsWith(newKey.slice(-4))).toBe(true);
  });

  it('keeps the pending create while the request is out: on disk without its prefill, the prefill in memory only', async () => {
    const release = holdCreates();
    const running = createInquiry(
      request('click-0009', { referenceId: 'user-9', prefill: { nameFirst: 'Ann' } }),
    );
    await vi.waitFor(async () =>
      expect(await readItem(pendingCreatesItem)).toMatchObject({
        'click-0009': { key: 'click-0009', referenceId: 'user-9', templateId: TEMPLATE },
      }),
    );
    expect(pendingCreatesItem.area).toBe('local');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Ann');
    expect(pendingPrefillItem.area).toBe('session');
    expect(await readItem(pendingPrefillItem)).toEqual({ 'click-0009': { nameFirst: 'Ann' } });
    release();
    await running;
    expect(await readItem(pendingCreatesItem)).toEqual({});
    expect(await readItem(pendingPrefillItem)).toEqual({});
  });
});

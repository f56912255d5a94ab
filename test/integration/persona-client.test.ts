// @vitest-environment node
// The Persona client against the local sandbox (test/persona-sandbox) over real HTTP on
// loopback: every error kind, retries, rate limits and pagination, checked through the
// sandbox's request log. Waits the client would sleep are turned into sandbox-clock advances,
// so a one-minute rate-limit window takes no real time.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../src/shared/errors.ts';
import { createPersonaClient, type PersonaClientOptions } from '../../src/shared/persona/client.ts';
import type { FetchLike } from '../../src/shared/persona/fetch-with-timeout.ts';
import { isMaskedField } from '../../src/shared/persona/fields.ts';
import { DETAIL_INCLUDE } from '../../src/shared/persona/inquiry-reads.ts';
import type { RateLimit } from '../../src/shared/persona/response-meta.ts';
import { allowedActions } from '../../src/shared/persona/status-actions.ts';
import { useSandbox } from './use-sandbox.ts';

const TEMPLATE = 'itmpl_DeskIntegration0001';
const env = useSandbox();

/** A client on the sandbox whose sleeps advance the sandbox clock instead of waiting. */
function client(options: Partial<PersonaClientOptions> = {}) {
  const waits: number[] = [];
  const keys: string[] = [];
  const recordingFetch: FetchLike = (url, init) => {
    const key = new Headers(init.headers).get('idempotency-key');
    if (key) keys.push(key);
    return fetch(url, init);
  };
  const persona = createPersonaClient({
    apiKey: env.sandbox.key,
    baseUrl: env.sandbox.baseUrl,
    fetch: recordingFetch,
    timeoutMs: 5_000,
    random: () => 0,
    sleep: async (ms) => {
      waits.push(ms);
      await env.controls.advanceClock(Math.ceil(ms / 1000));
    },
    ...options,
  });
  return { persona, waits, keys };
}

async function failure(promise: Promise<unknown>): Promise<DeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a DeskError');
}

async function routeCount(route: string): Promise<number> {
  return (await env.controls.requests()).counts[route] ?? 0;
}

function expectNoKey(error: DeskError, key: string) {
  for (const text of [error.message, error.stack, JSON.stringify(error.info), String(error)]) {
    expect(text).not.toContain(key);
  }
}

describe('a reviewer’s day against the sandbox', () => {
  it('creates, reads, finishes and approves an inquiry', async () => {
    const { persona } = client();
    const created = await persona.createInquiry({
      templateId: TEMPLATE,
      referenceId: 'desk-happy-1',
      fields: { name_first: 'Ann', birthdate: '1990-02-03' },
    });
    const { inquiry } = created.data;
    expect(inquiry).toMatchObject({
      status: 'created',
      referenceId: 'desk-happy-1',
      templateId: TEMPLATE,
    });
    expect(created.data.oneTimeLink).toMatch(/^http/);
    expect(created.meta).toMatchObject({ status: 201, requestId: expect.stringMatching(/^req_/) });
    expect(created.meta.environmentId).toMatch(/^env_/);
    expect(created.meta.rateLimit?.limit).toBeGreaterThan(0);

    await env.controls.finish(inquiry.id, 'passed');
    const done = await persona.getInquiry(inquiry.id, { include: DETAIL_INCLUDE });
    expect(done.data.status).toBe('completed');
    expect(allowedActions(done.data.status, done.data.redacted)).toMatchObject({
      approve: true,
      decline: true,
    });
    expect(done.data.verifications.length).toBeGreaterThan(0);
    for (const verification of done.data.verifications) {
      expect(verification).toMatchObject({ loaded: true, status: expect.any(String) });
    }
    const governmentId = done.data.verifications.find(
      (v) => v.type === 'verification/government-id',
    );
    expect(governmentId?.status).toEqual(expect.any(String));
    expect(governmentId?.checks.length).toBeGreaterThan(0);
    expect(isMaskedField(done.data.fields.find((f) => f.name === 'birthdate'))).toBe(true);

    const approved = await persona.approveInquiry(inquiry.id, 'Checked by the desk');
    expect(approved.data.status).toBe('approved');
    expect(
      Object.values(allowedActions(approved.data.status, approved.data.redacted)).some(Boolean),
    ).toBe(false);
  });

  it('renews the link of an expired inquiry after resuming it', async () => {
    const { persona } = client();
    const [id] = await env.controls.seed(1, { statuses: ['expired'] });
    if (!id) throw new Error('the sandbox seeded nothing');
    const inquiry = { id };
    const refused = await failure(persona.generateOneTimeLink(inquiry.id, 3600));
    expect(refused.info).toMatchObject({ kind: 'conflict', status: 409 });
    await persona.resumeInquiry(inquiry.id);
    expect((await persona.getInquiry(inquiry.id, { include: [] })).data.status).toBe('pending');
    const linked = await persona.generateOneTimeLink(inquiry.id, 3600);
    expect(linked.data.oneTimeLink).toMatch(/^http/);
    expect(linked.data.oneTimeLinkExpiresAt).toBeDefined();
  });

  it('adds and removes one tag at a time', async () => {
    const { persona } = client();
    const { inquiry } = (await persona.createInquiry({ templateId: TEMPLATE })).data;
    expect((await persona.addTag(inquiry.id, 'vip')).data.tags).toEqual(['vip']);
    expect((await persona.addTag(inquiry.id, 'a')).data.tags.sort()).toEqual(['a', 'vip']);
    expect((await persona.removeTag(inquiry.id, 'vip')).data.tags).toEqual(['a']);
  });

  it('answers the connection test: rate limits and key permissions', async () => {
    const { persona } = client();
    const limits = await persona.getRateLimits();
    expect(limits.data).toMatchObject({ limit: expect.any(Number), remaining: expect.any(Number) });
    const key = await persona.getKeyPermissions();
    expect(key.data.permissions).toContain('inquiry.read');
    expect(key.meta.organizationId).toMatch(/^org_/);
  });
});

describe('error kinds', () => {
  it('401: a wrong key', async () => {
    const wrongKey = 'persona_production_0000wrong0000';
    // A production key never goes to loopback; it is addressed to Persona and routed here.
    const { persona } = client({
      apiKey: wrongKey,
      baseUrl: 'https://api.withpersona.com/api/v1',
      fetch: (url, init) =>
        fetch(url.replace('https://api.withpersona.com/api/v1', env.sandbox.baseUrl), init),
    });
    const error = await failure(persona.getInquiry('inq_ABC1234567', { include: DETAIL_INCLUDE }));
    expect(error.info).toMatchObject({
      kind: 'unauthorized',
      status: 401,
      title: 'Token is invalid',
    });
    expect(error.info.requestId).toMatch(/^req_/);
    expect(error.message).toContain('Check the key in the options');
    expectNoKey(error, wrongKey);
  });

  it('403: a key without the permission', async () => {
    const readOnly = 'persona_sandbox_readonly_0f8e2c4a1b3d';
    const { persona } = client({ apiKey: readOnly });
    const error = await failure(persona.createInquiry({ templateId: TEMPLATE }));
    expect(error.info).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.info.details).toContain('inquiry.write');
    expect(error.message).toContain('permission');
    expectNoKey(error, readOnly);
  });

  it('404: no such inquiry', async () => {
    const { persona } = client();
    const error = await failure(
      persona.getInquiry('inq_NoSuchInquiry0000000000', { include: DETAIL_INCLUDE }),
    );
    expect(error.info).toMatchObject({ kind: 'not_found', status: 404, title: 'Record not found' });
    expect(error.message).toContain('inq_');
    expect(await routeCount('GET /inquiries/:id')).toBe(1);
  });

  it('409: a decision the status does not allow (switching approved to declined)', async () => {
    const { persona } = client();
    const { inquiry } = (await persona.createInquiry({ templateId: TEMPLATE })).data;
    // Deciding an undecided inquiry, even one still `created`, is allowed.
    await persona.approveInquiry(inquiry.id);
    const error = await failure(persona.declineInquiry(inquiry.id));
    expect(error.info).toMatchObject({ kind: 'conflict', status: 409 });
    expect(error.info.details).toContain('approved');
    expect(error.message).toContain(error.info.details ?? '');
  });

  it('422: a malformed template id', async () => {
    const { persona } = client();
    const error = await failure(persona.createInquiry({ templateId: 'itmpl_not valid!' }));
    expect(error.info).toMatchObject({
      kind: 'invalid',
      status: 422,
      pointer: '/data/attributes/inquiry-template-id',
    });
    expect(error.message).toContain('/data/attributes/inquiry-template-id');
    expect(await routeCount('POST /inquiries')).toBe(1);
  });

  it('500: retried a few times, then reported', async () => {
    await env.controls.setFaults({ errorRate: 1, errorStatuses: [500] });
    const { persona, waits } = client();
    const error = await failure(persona.listInquiries());
    expect(error.info).toMatchObject({ kind: 'server', status: 500 });
    expect(error.info.requestId).toMatch(/^req_/);
    expect(await routeCount('GET /inquiries')).toBe(4);
    expect(waits).toHaveLength(3);
  });

  it('a dropped connection: retried, and reported once retries run out', async () => {
    await env.controls.setFaults({ dropNext: 1 });
    const { persona } = client();
    const page = await persona.listInquiries();
    expect(page.data.items).toEqual([]);
    await env.controls.setFaults({ dropNext: 5 });
    const error = await failure(persona.listInquiries());
    expect(error.info.kind).toBe('network');
  });

  it('a timeout: a hung request is abandoned, not repeated', async () => {
    await env.controls.setFaults({ hangNext: 1 });
    const { persona } = client({ timeoutMs: 300 });
    const error = await failure(persona.listInquiries());
    expect(error.info).toEqual({
      kind: 'timeout',
      message: 'Persona did not answer within 300 ms. Try again in a moment.',
    });
    await env.controls.clearFaults();
    expect(
      (await env.controls.requests()).requests.filter((r) => r.outcome === 'hung'),
    ).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('429 with RateLimit-Reset: waits for the reset, then succeeds', async () => {
    await env.controls.setFaults({ next429: 1 });
    const seen: RateLimit[] = [];
    // The injected 429 reports the whole minute; the default cap (30 s) would not wait that long.
    const { persona, waits } = client({
      onResponse: ({ rateLimit }) => {
        if (rateLimit) seen.push(rateLimit);
      },
      retry: { maxRateLimitWaitMs: 60_000 },
    });
    const page = await persona.listInquiries();
    expect(page.meta.status).toBe(200);
    expect(waits).toHaveLength(1);
    expect(seen[0]).toMatchObject({ remaining: 0, resetSeconds: expect.any(Number) });
    expect(waits[0]).toBe((seen[0]?.resetSeconds ?? 0) * 1000);
    expect(await routeCount('GET /inquiries')).toBe(2);
  });

  it('a spent window: waits it out when allowed, otherwise says how long to wait', async () => {
    await env.controls.setRateLimit(2);
    const patient = client({ retry: { maxRateLimitWaitMs: 60_000 } });
    await patient.persona.listInquiries();
    await patient.persona.listInquiries();
    const third = await patient.persona.listInquiries();
    expect(third.meta.status).toBe(200);
    expect(patient.waits).toHaveLength(1);

    await env.controls.setRateLimit(1);
    const hurried = client({ retry: { maxRateLimitWaitMs: 1_000 } });
    await hurried.persona.listInquiries();
    const error = await failure(hurried.persona.listInquiries());
    expect(error.info).toMatchObject({ kind: 'rate_limited', status: 429 });
    expect(error.info.retryAfterSeconds).toBeGreaterThan(1);
    expect(error.message).toContain(`Wait ${error.info.retryAfterSeconds} s and try again`);
    expect(hurried.waits).toEqual([]);
  });
});

describe('quota', () => {
  it('a used-up inquiry quota is reported as a quota, with its reset, and not retried', async () => {
    await env.controls.setInquiryQuota(1);
    const { persona, waits } = client({ retry: { maxRateLimitWaitMs: 120_000 } });
    const first = await persona.createInquiry({ templateId: TEMPLATE });
    expect(first.meta.quota).toMatchObject({ limit: 1, remaining: 0 });
    const error = await failure(persona.createInquiry({ templateId: TEMPLATE }));
    expect(error.info).toMatchObject({ kind: 'quota_exceeded', status: 429 });
    expect(error.message).toMatch(
      /^Persona's quota for creating inquiries is used up; it resets in \d+ s/,
    );
    expect(waits).toEqual([]);
    expect(await routeCount('POST /inquiries')).toBe(2);
    await env.controls.setInquiryQuota(1_000);
  });
});

describe('idempotent creates', () => {
  async function inquiriesFor(referenceId: string) {
    const { persona } = client();
    return (await persona.listInquiries({ referenceId })).data.items;
  }

  it('a create whose first connection dropped makes exactly one inquiry', async () => {
    await env.controls.setFaults({ dropNext: 1 });
    const { persona, keys } = client();
    const created = await persona.createInquiry({ templateId: TEMPLATE, referenceId: 'desk-drop' });
    const log = await env.controls.requests();
    const creates = log.requests.filter((r) => r.route === 'POST /inquiries');
    expect(creates.map((r) => r.outcome)).toEqual(['dropped', 'answered']);
    // Both attempts under one key.
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect((await inquiriesFor('desk-drop')).map((i) => i.id)).toEqual([created.data.inquiry.id]);
  });

  it('a create that got a 500 answer is reported, never repeated with the same key', async () => {
    await env.controls.setFaults({ errorRate: 1, errorStatuses: [500] });
    const { persona, keys } = createClientClearingFaults();
    const error = await failure(
      persona.createInquiry({ templateId: TEMPLATE, referenceId: 'desk-500' }),
    );
    expect(error.info).toMatchObject({ kind: 'server', status: 500 });
    const statuses = (await env.controls.requests()).requests
      .filter((r) => r.route === 'POST /inquiries')
      .map((r) => r.status);
    expect(statuses).toEqual([500]);
    expect(keys).toHaveLength(1);
  });

  it('the caller’s own repeat with the same key gets the same inquiry back', async () => {
    const { persona } = client();
    const input = { templateId: TEMPLATE, referenceId: 'desk-click' };
    const first = await persona.createInquiry(input, { idempotencyKey: 'click-42' });
    const second = await persona.createInquiry(input, { idempotencyKey: 'click-42' });
    expect(second.data.inquiry.id).toBe(first.data.inquiry.id);
    expect(await inquiriesFor('desk-click')).toHaveLength(1);
  });

  /** The first attempt meets the injected 500; the backoff sleep then clears the fault. */
  function createClientClearingFaults() {
    return client({
      sleep: async () => {
        await env.controls.clearFaults();
      },
    });
  }
});

describe('pagination', () => {
  it('filters by ids and status with sparse fields, in one request', async () => {
    const ids = await env.controls.seed(6, { statuses: ['pending', 'approved'] });
    await env.controls.clearRequests();
    const { persona } = client();
    const page = await persona.listInquiries({
      inquiryIds: ids,
      statuses: ['pending'],
      fields: { inquiry: ['status', 'updated-at'] },
      pageSize: 100,
    });
    expect(page.data.items.length).toBe(3);
    expect(page.data.items.every((i) => i.status === 'pending')).toBe(true);
    expect(page.data.links.next).toBeUndefined();
    expect(await routeCount('GET /inquiries')).toBe(1);
  });
});

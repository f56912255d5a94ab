// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INQUIRY_STATUSES } from '../core/types.ts';
import { createInquiry, type Json, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ rateLimitPerMinute: 10_000 });
});
afterAll(() => t.sandbox.close());

describe('seed', () => {
  it('creates inquiries across every status, with verifications where the flow ran', async () => {
    await t.controls.reset();
    const ids = await t.controls.seed(16);
    expect(ids).toHaveLength(16);
    const list = await t.api.get(`/inquiries?filter[inquiry-id]=${ids.join(',')}&page[size]=100`);
    const statuses = list.body.data.map((inquiry: Json) => inquiry.attributes.status);
    expect(new Set(statuses)).toEqual(new Set(INQUIRY_STATUSES));
    for (const inquiry of list.body.data) {
      const verifications = inquiry.relationships.verifications.data.length;
      const ran = !['created', 'pending', 'expired'].includes(inquiry.attributes.status);
      expect(verifications).toBe(ran ? 3 : 0);
      expect(inquiry.attributes['reference-id']).toMatch(/^demo-\d+$/);
    }
    const failed = list.body.data.find((inquiry: Json) => inquiry.attributes.status === 'failed');
    const detail = await t.api.get(`/inquiries/${failed.id}?include=verifications`);
    expect(detail.body.included.some((v: Json) => v.attributes.status === 'failed')).toBe(true);
  });

  it('takes statuses and a reference prefix, and refuses bad input', async () => {
    const ids = await t.controls.seed(4, {
      statuses: ['needs_review', 'approved'],
      referenceIdPrefix: 'seeded-',
    });
    const list = await t.api.get(`/inquiries?filter[inquiry-id]=${ids.join(',')}`);
    expect(list.body.data.map((i: Json) => i.attributes.status).sort()).toEqual([
      'approved',
      'approved',
      'needs_review',
      'needs_review',
    ]);
    expect(list.body.data[0].attributes['reference-id']).toMatch(/^seeded-/);
    await expect(t.controls.seed(0)).rejects.toThrow(/400/);
    await expect(t.controls.seed(2, { statuses: ['sleeping' as never] })).rejects.toThrow(/400/);
  });

  it('seeds at start with startSandbox({seed})', async () => {
    const other = await startTestSandbox({ seed: 5 });
    try {
      expect((await other.api.get('/inquiries')).body.data).toHaveLength(5);
    } finally {
      await other.sandbox.close();
    }
  });
});

describe('request log', () => {
  it('records /api/v1 calls with route patterns and counts, filtered by since', async () => {
    await t.controls.clearRequests();
    const start = (await t.controls.requests()).lastSeq;
    const { data } = await createInquiry(t.api);
    await t.api.get(`/inquiries/${data.id}?include=verifications`);
    await t.api.get(`/inquiries/${data.id}`);
    await t.api.post(`/inquiries/${data.id}/approve`);
    await t.api.get('/inquiries?filter[status]=created');
    const log = await t.controls.requests(start);
    expect(log.counts).toEqual({
      'POST /inquiries': 1,
      'GET /inquiries/:id': 2,
      'POST /inquiries/:id/approve': 1,
      'GET /inquiries': 1,
    });
    expect(log.requests[1]).toMatchObject({
      method: 'GET',
      path: `/api/v1/inquiries/${data.id}`,
      route: 'GET /inquiries/:id',
      query: { include: 'verifications' },
      status: 200,
      outcome: 'answered',
      requestId: expect.stringMatching(/^req_/),
    });
    expect(log.requests[3]?.status).toBe(200);
    expect(Date.parse(log.requests[0]?.time ?? '')).not.toBeNaN();
    const later = await t.controls.requests(log.requests[3]?.seq);
    expect(later.requests.map((r) => r.route)).toEqual(['GET /inquiries']);
  });

  it('logs 401s and unknown routes, but not controls, pages or files', async () => {
    await t.controls.clearRequests();
    await fetch(`${t.sandbox.baseUrl}/inquiries`);
    await t.api.get('/no-such-thing');
    await fetch(`${t.sandbox.origin}/dashboard`);
    await t.controls.clock();
    const log = await t.controls.requests();
    expect(log.requests.map((r) => [r.route, r.status])).toEqual([
      ['GET /inquiries', 401],
      ['GET /no-such-thing', 404],
    ]);
    await t.controls.clearRequests();
    expect((await t.controls.requests()).requests).toEqual([]);
    expect((await t.controls.requests()).lastSeq).toBe(log.lastSeq);
  });
});

describe('clock, faults and limits over HTTP', () => {
  it('validates bodies and keeps Persona-shaped errors', async () => {
    const bad = await fetch(`${t.sandbox.origin}/__sandbox/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ when: 'later' }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].title).toBe('Bad Request');
    await expect(t.controls.setRateLimit(0)).rejects.toThrow(/400/);
    const unknown = await fetch(`${t.sandbox.origin}/__sandbox/nothing`);
    expect(unknown.status).toBe(404);
  });

  it('reset clears data, clock, faults, log and limit', async () => {
    await createInquiry(t.api);
    await t.controls.advanceClock(3600);
    await t.controls.setFaults({ latencyMs: 5 });
    await t.controls.setRateLimit(7);
    await t.controls.reset();
    expect((await t.controls.clock()).offsetSeconds).toBe(0);
    const response = await t.api.get('/inquiries');
    expect(response.body.data).toEqual([]);
    expect(response.headers.get('RateLimit-Limit')).toBe('10000');
    const faults = await (await fetch(`${t.sandbox.origin}/__sandbox/faults`)).json();
    expect(faults.latencyMs).toBe(0);
  });
});

describe('override', () => {
  it('writes odd attributes and a type of another name over what the sandbox makes', async () => {
    const [id] = await t.controls.seed(1, { statuses: ['needs_review'] });
    const before = await t.api.get(`/inquiries/${id}?include=verifications,reports`);
    const [first] = before.body.data.relationships.verifications.data as Json[];
    await t.controls.override(id as string, {
      attributes: { decisionedAt: null, 'risk-level': 7, status: 'on_hold' },
      verifications: [
        { id: first.id, type: 'verification/quantum', attributes: { status: null, nameFirst: 42 } },
      ],
    });
    const after = await t.api.get(`/inquiries/${id}?include=verifications,reports`);
    expect(after.body.data.attributes).toMatchObject({ status: 'on_hold', 'risk-level': 7 });
    expect(after.body.data.attributes['decisioned-at']).toBeNull();
    const refs = after.body.data.relationships.verifications.data as Json[];
    expect(refs[0]).toEqual({ type: 'verification/quantum', id: first.id });
    const included = after.body.included.find((r: Json) => r.id === first.id);
    expect(included).toMatchObject({ type: 'verification/quantum' });
    expect(included.attributes).toMatchObject({ status: null, 'name-first': 42 });
    // Reports are named by their own kind in the relationship, as in `included`.
    for (const ref of after.body.data.relationships.reports.data as Json[]) {
      const report = after.body.included.find((r: Json) => r.id === ref.id);
      expect(ref.type).toBe(report.type);
    }
  });

  it("refuses an unknown inquiry, another inquiry's verification, and a type that is no verification", async () => {
    const [a, b] = await t.controls.seed(2, { statuses: ['completed'] });
    const other = await t.api.get(`/inquiries/${b}`);
    const [foreign] = other.body.data.relationships.verifications.data as Json[];
    await expect(t.controls.override('inq_Missing0000001', { attributes: {} })).rejects.toThrow(
      /404/,
    );
    await expect(
      t.controls.override(a as string, { verifications: [{ id: foreign.id }] }),
    ).rejects.toThrow(/404/);
    await expect(
      t.controls.override(a as string, { verifications: [{ id: foreign.id, type: 'report/x' }] }),
    ).rejects.toThrow(/400/);
  });
});

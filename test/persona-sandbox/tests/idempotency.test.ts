// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  createBody,
  createInquiry,
  startTestSandbox,
  type TestSandbox,
} from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterEach(() => t.controls.reset());
afterAll(() => t.sandbox.close());

const key = (name: string) => ({ 'Idempotency-Key': `${name}-${Math.random()}` });

describe('Idempotency-Key', () => {
  it('replays the first create: same status and body, fresh Request-Id, one inquiry', async () => {
    const headers = key('create');
    const first = await t.api.post('/inquiries', createBody({ 'reference-id': 'idem' }), headers);
    // Same JSON with another key order and spacing is the same request.
    const again = await t.api.request(
      'POST',
      '/inquiries',
      ` { "meta": {}, "data": { "attributes": { "reference-id": "idem", "inquiry-template-id": "itmpl_TestTemplate123" } } }`,
      headers,
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Request-Id')).not.toBe(first.headers.get('Request-Id'));
    expect(again.headers.get('RateLimit-Remaining')).not.toBeNull();
    const list = await t.api.get('/inquiries?filter[reference-id]=idem');
    expect(list.body.data).toHaveLength(1);
  });

  it('refuses the same key with a different body or path with Persona’s 400 Idempotency error', async () => {
    const headers = key('mismatch');
    await t.api.post('/inquiries', createBody({ note: 'a' }), headers);
    const other = await t.api.post('/inquiries', createBody({ note: 'b' }), headers);
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([
      {
        title: 'Idempotency error',
        details: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${headers['Idempotency-Key']}' if you meant to execute a different request.`,
      },
    ]);
    const { data } = await createInquiry(t.api);
    expect((await t.api.post(`/inquiries/${data.id}/expire`, {}, headers)).status).toBe(400);
  });

  it('replays failures too (a 422 stays a 422)', async () => {
    const headers = key('failure');
    const first = await t.api.post('/inquiries', { data: { attributes: {} } }, headers);
    const again = await t.api.post('/inquiries', { data: { attributes: {} } }, headers);
    expect(first.status).toBe(422);
    expect(again.status).toBe(422);
    expect(again.body).toEqual(first.body);
  });

  it('replays actions: a repeated approve is the stored answer, not a new decision', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.finish(data.id, 'passed');
    const headers = key('approve');
    const first = await t.api.post(`/inquiries/${data.id}/approve`, {}, headers);
    expect((await t.api.post(`/inquiries/${data.id}/mark-for-review`)).status).toBe(409);
    const again = await t.api.post(`/inquiries/${data.id}/approve`, {}, headers);
    expect(again.body).toEqual(first.body);
  });

  it('stores an injected 5xx that happened before the create and replays it, never creating', async () => {
    const headers = key('5xx-before');
    await t.controls.setFaults({
      errorNext: 1,
      errorStatuses: [503],
      errorRoute: 'POST /inquiries',
    });
    const body = createBody({ 'reference-id': 'idem-5xx-before' });
    const first = await t.api.post('/inquiries', body, headers);
    expect(first.status).toBe(503);
    await t.controls.clearFaults();
    const again = await t.api.post('/inquiries', body, headers);
    expect(again.status).toBe(503);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Request-Id')).not.toBe(first.headers.get('Request-Id'));
    const list = await t.api.get('/inquiries?filter[reference-id]=idem-5xx-before');
    expect(list.body.data).toEqual([]);
    // Persona's advice after a 5xx: a new request with a new key.
    const fresh = await t.api.post('/inquiries', body, key('5xx-before-new'));
    expect(fresh.status).toBe(201);
  });

  it('stores an injected 5xx that happened after the create: the inquiry exists, the key replays the 500', async () => {
    const headers = key('5xx-after');
    await t.controls.setFaults({
      errorNext: 1,
      errorStatuses: [500],
      errorTiming: 'after',
      errorRoute: 'POST /inquiries',
    });
    const body = createBody({ 'reference-id': 'idem-5xx-after' });
    const first = await t.api.post('/inquiries', body, headers);
    expect(first.status).toBe(500);
    const again = await t.api.post('/inquiries', body, headers);
    expect(again.status).toBe(500);
    expect(again.body).toEqual(first.body);
    const list = await t.api.get('/inquiries?filter[reference-id]=idem-5xx-after');
    expect(list.body.data).toHaveLength(1);
  });

  it('replays a 5xx from errorRate too, after the faults are gone', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.finish(data.id, 'passed');
    const headers = key('5xx-rate');
    await t.controls.setFaults({ errorRate: 1, errorStatuses: [502] });
    expect((await t.api.post(`/inquiries/${data.id}/approve`, {}, headers)).status).toBe(502);
    await t.controls.clearFaults();
    expect((await t.api.post(`/inquiries/${data.id}/approve`, {}, headers)).status).toBe(502);
    expect((await t.api.get(`/inquiries/${data.id}`)).body.data.attributes.status).toBe(
      'completed',
    );
    expect((await t.api.post(`/inquiries/${data.id}/approve`, {}, key('new'))).status).toBe(200);
  });

  it('does not store 401 or 429 answers', async () => {
    const headers = key('unstored');
    const anonymous = apiClient(t.sandbox, null);
    expect((await anonymous.post('/inquiries', createBody(), headers)).status).toBe(401);
    await t.controls.setFaults({ next429: 1 });
    expect((await t.api.post('/inquiries', createBody(), headers)).status).toBe(429);
    const created = await t.api.post('/inquiries', createBody(), headers);
    expect(created.status).toBe(201);
    expect((await t.api.post('/inquiries', createBody(), headers)).body).toEqual(created.body);
  });

  it('has no effect on GET or DELETE and is scoped to the API key', async () => {
    const headers = key('get');
    const { data } = await createInquiry(t.api);
    await t.api.get(`/inquiries/${data.id}`, headers);
    expect((await t.api.get('/inquiries', headers)).status).toBe(200);
    const other = apiClient(t.sandbox, 'persona_sandbox_second_key');
    const mine = await t.api.post('/inquiries', createBody(), key('shared-a'));
    const sharedHeaders = key('shared');
    await t.api.post('/inquiries', createBody({ note: 'mine' }), sharedHeaders);
    const theirs = await other.post('/inquiries', createBody({ note: 'theirs' }), sharedHeaders);
    expect(theirs.status).toBe(201);
    expect(mine.status).toBe(201);
  });
});

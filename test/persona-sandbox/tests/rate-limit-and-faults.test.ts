// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBody, createInquiry, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterEach(() => t.controls.reset());
afterAll(() => t.sandbox.close());

describe('rate limit', () => {
  it('answers 429 with Persona’s body once the minute’s budget is spent', async () => {
    await t.controls.setRateLimit(3);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.api.get('/inquiries')).status);
    const limited = await t.api.get('/inquiries');
    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      errors: [
        {
          title: 'Rate limit exceeded',
          details:
            'You have hit your rate limit of 3 requests / min. Please reach out to support@withpersona.com if you need this changed.',
        },
      ],
    });
    expect(limited.headers.get('RateLimit-Limit')).toBe('3');
    expect(limited.headers.get('RateLimit-Remaining')).toBe('0');
    expect(Number(limited.headers.get('RateLimit-Reset'))).toBeGreaterThan(0);
    expect(limited.headers.get('Request-Id')).toMatch(/^req_/);
  });

  it('opens a new window a minute later (sandbox clock)', async () => {
    await t.controls.setRateLimit(1);
    await t.api.get('/inquiries');
    expect((await t.api.get('/inquiries')).status).toBe(429);
    await t.controls.advanceClock(61);
    const fresh = await t.api.get('/inquiries');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('RateLimit-Remaining')).toBe('0');
  });

  it('defaults to 300 a minute and can be configured at start', async () => {
    expect((await t.api.get('/rate-limits')).body.data[0].attributes.limit).toBe(300);
    const other = await startTestSandbox({ rateLimitPerMinute: 42 });
    try {
      expect((await other.api.get('/inquiries')).headers.get('RateLimit-Limit')).toBe('42');
    } finally {
      await other.sandbox.close();
    }
  });

  it('does not count 401s', async () => {
    await t.controls.setRateLimit(1);
    await fetch(`${t.sandbox.baseUrl}/inquiries`);
    expect((await t.api.get('/inquiries')).status).toBe(200);
  });
});

describe('faults (only on /api/v1)', () => {
  it('adds latency', async () => {
    await t.controls.setFaults({ latencyMs: 150 });
    const started = performance.now();
    await t.api.get('/inquiries');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const control = performance.now();
    await t.controls.clock();
    expect(performance.now() - control).toBeLessThan(140);
  });

  it('lets a slowed request go on, and answers it, once the faults are cleared', async () => {
    await t.controls.setFaults({ latencyMs: 60_000 });
    const started = performance.now();
    const slowed = t.api.get('/inquiries');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.controls.clearFaults();
    expect((await slowed).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts the slowed requests, and lets them go keeping the error set for them', async () => {
    await t.controls.setFaults({
      latencyMs: 60_000,
      latencyRoute: 'GET /inquiries',
      errorNext: 1,
      errorStatuses: [503],
      errorRoute: 'GET /inquiries',
    });
    const started = performance.now();
    const slowed = [t.api.get('/inquiries'), t.api.get('/inquiries')];
    await expect.poll(() => t.controls.heldRequests()).toBe(2);
    expect((await t.controls.requests()).requests).toEqual([]);
    await t.controls.releaseSlowed();
    const statuses = (await Promise.all(slowed)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 503]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await t.controls.heldRequests()).toBe(0);
    // Later requests are not slowed; the other settings stay as they were.
    const later = performance.now();
    expect((await t.api.get('/inquiries')).status).toBe(200);
    expect(performance.now() - later).toBeLessThan(5_000);
    const settings = await (await fetch(`${t.sandbox.origin}/__sandbox/faults`)).json();
    expect(settings).toMatchObject({
      latencyMs: 0,
      errorStatuses: [503],
      errorRoute: 'GET /inquiries',
    });
  });

  it('says what it holds: each request’s route, path and query, in the order they came', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.setFaults({ latencyMs: 60_000 });
    const read = t.api.get(`/inquiries/${data.id}?include=&fields%5Binquiry%5D=status`);
    await expect.poll(() => t.controls.heldRequests()).toBe(1);
    const search = t.api.get('/inquiries?filter%5Breference-id%5D=ref-1&page%5Bsize%5D=100');
    const approve = t.api.post(`/inquiries/${data.id}/approve`);
    await expect.poll(() => t.controls.heldRequests()).toBe(3);
    const held = await t.controls.heldRequestList();
    expect(held[0]).toEqual({
      method: 'GET',
      route: 'GET /inquiries/:id',
      path: `/api/v1/inquiries/${data.id}`,
      query: { include: '', 'fields[inquiry]': 'status' },
    });
    // The other two were sent together, so either may come first.
    expect(held.slice(1).sort((a, b) => a.route.localeCompare(b.route))).toEqual([
      {
        method: 'GET',
        route: 'GET /inquiries',
        path: '/api/v1/inquiries',
        query: { 'filter[reference-id]': 'ref-1', 'page[size]': '100' },
      },
      {
        method: 'POST',
        route: 'POST /inquiries/:id/approve',
        path: `/api/v1/inquiries/${data.id}/approve`,
        query: {},
      },
    ]);
    // Once let go, they are answered and no longer listed.
    await t.controls.releaseSlowed();
    expect((await Promise.all([read, search, approve])).map((r) => r.status)).toEqual([
      200, 200, 200,
    ]);
    expect(await t.controls.heldRequestList()).toEqual([]);
  });

  it('adds latency to one route only, when told which', async () => {
    await t.controls.setFaults({ latencyMs: 150, latencyRoute: 'POST /inquiries' });
    const read = performance.now();
    await t.api.get('/inquiries');
    expect(performance.now() - read).toBeLessThan(140);
    const create = performance.now();
    await createInquiry(t.api);
    expect(performance.now() - create).toBeGreaterThanOrEqual(140);
  });

  it('answers a share of requests with the given error statuses', async () => {
    await t.controls.setFaults({ errorRate: 1, errorStatuses: [503] });
    const response = await t.api.get('/inquiries');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ errors: [{ title: 'Service unavailable' }] });
    expect(response.headers.get('Request-Id')).toMatch(/^req_/);
    await t.controls.setFaults({ errorRate: 1, errorStatuses: [500, 502] });
    expect([500, 502]).toContain((await t.api.get('/inquiries')).status);
    await t.controls.setFaults({ errorRate: 0 });
    expect((await t.api.get('/inquiries')).status).toBe(200);
  });

  it('sends the next N requests a 429', async () => {
    await t.controls.setFaults({ next429: 2 });
    expect((await t.api.get('/inquiries')).status).toBe(429);
    const second = await t.api.get('/inquiries');
    expect(second.status).toBe(429);
    expect(second.headers.get('RateLimit-Remaining')).toBe('0');
    expect((await t.api.get('/inquiries')).status).toBe(200);
  });

  it('drops connections without an answer', async () => {
    await t.controls.setFaults({ dropNext: 1 });
    await expect(
      fetch(`${t.sandbox.baseUrl}/inquiries`, {
        headers: { Authorization: `Bearer ${t.sandbox.key}` },
      }),
    ).rejects.toThrow();
    expect((await t.api.get('/inquiries')).status).toBe(200);
    const log = await t.controls.requests();
    expect(log.requests[0]).toMatchObject({
      route: 'GET /inquiries',
      status: null,
      outcome: 'dropped',
    });
  });

  it('hangs connections until the client gives up or the faults are cleared', async () => {
    await t.controls.setFaults({ hangNext: 2 });
    const url = `${t.sandbox.baseUrl}/inquiries`;
    const timedOut = fetch(url, { signal: AbortSignal.timeout(200) });
    await expect(timedOut).rejects.toThrow();
    const hanging = fetch(url).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.controls.clearFaults();
    expect(await hanging).toBeInstanceOf(Error);
    expect((await t.api.get('/inquiries')).status).toBe(200);
  });

  it('leaves the controls, hosted pages and preflights alone', async () => {
    await t.controls.setFaults({ errorRate: 1, errorStatuses: [500] });
    expect((await t.controls.clock()).now).toEqual(expect.any(String));
    expect((await fetch(`${t.sandbox.origin}/dashboard`)).status).toBe(200);
    await t.controls.clearFaults();
  });

  it('answers the next N requests of one route with an error, the others normally', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.setFaults({
      errorNext: 2,
      errorStatuses: [502],
      errorRoute: 'POST /inquiries/:id/approve',
    });
    expect((await t.api.get(`/inquiries/${data.id}`)).status).toBe(200);
    expect((await t.api.post(`/inquiries/${data.id}/decline`)).status).toBe(200);
    const other = await createInquiry(t.api);
    expect((await t.api.post(`/inquiries/${other.data.id}/approve`)).status).toBe(502);
    expect((await t.api.post(`/inquiries/${other.data.id}/approve`)).status).toBe(502);
    expect((await t.api.post(`/inquiries/${other.data.id}/approve`)).status).toBe(200);
    expect((await t.controls.setFaults({})).errorNext).toBe(0);
    await t.controls.clearFaults();
  });

  it('gives the next N requests of one route a 429, the others their answers', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.setFaults({ next429: 1, next429Route: 'POST /inquiries/:id/mark-for-review' });
    expect((await t.api.get(`/inquiries/${data.id}`)).status).toBe(200);
    expect((await t.api.get('/inquiries')).status).toBe(200);
    const refused = await t.api.post(`/inquiries/${data.id}/mark-for-review`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('RateLimit-Remaining')).toBe('0');
    expect((await t.api.post(`/inquiries/${data.id}/mark-for-review`)).status).not.toBe(429);
    await expect(t.controls.setFaults({ next429Route: 'mark-for-review' })).rejects.toThrow(/400/);
    await t.controls.clearFaults();
    // Written by hand in snake case, as the README allows any casing.
    const snake = await fetch(`${t.sandbox.origin}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ next_429: 1, next_429_route: 'GET /inquiries/:id' }),
    });
    expect(((await snake.json()) as { next429Route: string }).next429Route).toBe(
      'GET /inquiries/:id',
    );
    await t.controls.clearFaults();
    expect((await t.controls.setFaults({})).next429Route).toBeNull();
  });

  it('before: the failed request changed nothing; after: it ran, then answered the error', async () => {
    await t.controls.setFaults({
      errorNext: 1,
      errorStatuses: [500],
      errorRoute: 'POST /inquiries',
    });
    const before = await t.api.post('/inquiries', createBody({ 'reference-id': 'fault-before' }));
    expect(before.status).toBe(500);
    expect(before.body).toEqual({ errors: [{ title: 'Internal server error' }] });
    expect((await t.api.get('/inquiries?filter[reference-id]=fault-before')).body.data).toEqual([]);

    await t.controls.setFaults({ errorNext: 1, errorTiming: 'after' });
    const after = await t.api.post('/inquiries', createBody({ 'reference-id': 'fault-after' }));
    expect(after.status).toBe(500);
    expect(after.body).toEqual({ errors: [{ title: 'Internal server error' }] });
    expect(after.headers.get('RateLimit-Limit')).not.toBeNull();
    expect(after.headers.get('Request-Id')).toMatch(/^req_/);
    const found = await t.api.get('/inquiries?filter[reference-id]=fault-after');
    expect(found.body.data).toHaveLength(1);
    expect(found.body.data[0].attributes.status).toBe('created');
    await t.controls.clearFaults();
  });

  it('refuses bad fault settings with 400', async () => {
    await expect(t.controls.setFaults({ errorRate: 2 })).rejects.toThrow(/400/);
    await expect(t.controls.setFaults({ errorStatuses: [200] })).rejects.toThrow(/400/);
    await expect(t.controls.setFaults({ errorNext: -1 })).rejects.toThrow(/400/);
    await expect(
      t.controls.setFaults({ errorTiming: 'during' as unknown as 'after' }),
    ).rejects.toThrow(/400/);
    await expect(t.controls.setFaults({ errorRoute: '/inquiries' })).rejects.toThrow(/400/);
  });
});

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

const quotaHeaders = (headers: Headers) => ({
  limit: headers.get('Quota-Limit'),
  remaining: headers.get('Quota-Remaining'),
  reset: headers.get('Quota-Reset'),
});

describe('inquiry creation quota', () => {
  it('sends Quota-* headers besides RateLimit-* on creates, and only there', async () => {
    const created = await t.api.post('/inquiries', createBody());
    expect(created.status).toBe(201);
    expect(quotaHeaders(created.headers)).toEqual({ limit: '1000', remaining: '999', reset: '60' });
    expect(created.headers.get('RateLimit-Limit')).toBe('300');
    const invalid = await t.api.post('/inquiries', { data: { attributes: {} } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('Quota-Remaining')).toBe('998');
    const read = await t.api.get(`/inquiries/${created.body.data.id}`);
    expect(read.headers.get('Quota-Limit')).toBeNull();
    const approve = await t.api.post(`/inquiries/${created.body.data.id}/approve`);
    expect(approve.headers.get('Quota-Limit')).toBeNull();
  });

  it('answers 429 "Quota exceeded", not "Rate limit exceeded", once the minute’s quota is spent', async () => {
    await t.controls.setInquiryQuota(2);
    await createInquiry(t.api);
    const second = await t.api.post('/inquiries', createBody());
    expect(quotaHeaders(second.headers).remaining).toBe('0');
    const over = await t.api.post('/inquiries', createBody());
    expect(over.status).toBe(429);
    expect(over.body).toEqual({
      errors: [
        {
          title: 'Quota exceeded',
          details:
            'You have hit your create_inquiry quota limit of 2 requests. Please reach out to support@withpersona.com if you need this changed.',
        },
      ],
    });
    expect(quotaHeaders(over.headers)).toMatchObject({ limit: '2', remaining: '0' });
    // The request rate limit is untouched: other calls go on.
    expect(Number(over.headers.get('RateLimit-Remaining'))).toBeGreaterThan(0);
    expect((await t.api.get('/inquiries')).status).toBe(200);
    // A new window a minute later on the sandbox clock.
    await t.controls.advanceClock(60);
    expect((await t.api.post('/inquiries', createBody())).status).toBe(201);
  });

  it('nextQuota429 forces quota refusals; they are not stored under an Idempotency-Key', async () => {
    await t.controls.setFaults({ nextQuota429: 1 });
    const headers = { 'Idempotency-Key': 'quota-burst' };
    const refused = await t.api.post('/inquiries', createBody(), headers);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].title).toBe('Quota exceeded');
    expect(refused.headers.get('Quota-Remaining')).toBe('0');
    expect((await t.api.get('/inquiries')).status).toBe(200);
    const retried = await t.api.post('/inquiries', createBody(), headers);
    expect(retried.status).toBe(201);
  });

  it('does not count creates the key may not make', async () => {
    await t.controls.setInquiryQuota(1);
    const readonly = apiClient(t.sandbox, 'persona_sandbox_readonly_quota');
    expect((await readonly.post('/inquiries', createBody())).status).toBe(403);
    expect((await t.api.post('/inquiries', createBody())).status).toBe(201);
  });

  it('is configurable at start and reset to it', async () => {
    const other = await startTestSandbox({ inquiryQuotaPerMinute: 5 });
    try {
      const created = await other.api.post('/inquiries', createBody());
      expect(created.headers.get('Quota-Limit')).toBe('5');
      await other.controls.setInquiryQuota(9);
      expect((await other.api.post('/inquiries', createBody())).headers.get('Quota-Limit')).toBe(
        '9',
      );
      await other.controls.reset();
      expect((await other.api.post('/inquiries', createBody())).headers.get('Quota-Limit')).toBe(
        '5',
      );
      await expect(other.controls.setInquiryQuota(0)).rejects.toThrow(/400/);
    } finally {
      await other.sandbox.close();
    }
  });

  it('exposes the Quota-* headers to extension origins', async () => {
    const response = await fetch(`${t.sandbox.baseUrl}/inquiries`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${t.sandbox.key}`,
        'Content-Type': 'application/json',
        Origin: 'chrome-extension://abcdefghijklmnop',
      },
      body: JSON.stringify(createBody()),
    });
    expect(response.headers.get('Access-Control-Expose-Headers')).toMatch(
      /Quota-Limit,Quota-Remaining,Quota-Reset/,
    );
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  apiUrl,
  detailQuery,
  itemPath,
  listQuery,
  pageUrl,
} from '../../../../src/shared/persona/query.ts';
import { isRateLimitLow, readResponseMeta } from '../../../../src/shared/persona/response-meta.ts';
import {
  backoffDelay,
  defaultRetryPolicy,
  rateLimitDelay,
} from '../../../../src/shared/persona/retry-policy.ts';

describe('response meta', () => {
  it('reads the ids and the rate-limit window from the headers', () => {
    const headers = new Headers({
      'Request-Id': 'req_1',
      'Persona-Environment-Id': 'env_1',
      'Persona-Organization-Id': 'org_1',
      'RateLimit-Limit': '300',
      'RateLimit-Remaining': '12',
      'RateLimit-Reset': '41',
    });
    const meta = readResponseMeta(200, headers);
    expect(meta).toEqual({
      status: 200,
      requestId: 'req_1',
      environmentId: 'env_1',
      organizationId: 'org_1',
      rateLimit: { limit: 300, remaining: 12, resetSeconds: 41 },
    });
    expect(isRateLimitLow(meta.rateLimit)).toBe(true);
    expect(isRateLimitLow({ limit: 300, remaining: 45 })).toBe(false);
    expect(isRateLimitLow(undefined)).toBe(false);
    expect(readResponseMeta(500, new Headers({ 'RateLimit-Reset': 'soon' }))).toEqual({
      status: 500,
    });
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, up to a ceiling', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, low, defaultRetryPolicy))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, high, defaultRetryPolicy))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect(backoffDelay(10, high, defaultRetryPolicy)).toBe(8000);
  });

  it('waits for the rate-limit reset, but not longer than the cap', () => {
    const none = () => 0;
    expect(rateLimitDelay(3, 1, none, defaultRetryPolicy)).toBe(3000);
    expect(rateLimitDelay(0, 1, () => 1, defaultRetryPolicy)).toBe(250);
    expect(rateLimitDelay(undefined, 1, none, defaultRetryPolicy)).toBe(5000);
    expect(rateLimitDelay(undefined, 2, none, defaultRetryPolicy)).toBe(10000);
    expect(rateLimitDelay(30, 1, () => 1, defaultRetryPolicy)).toBe(30000);
    expect(rateLimitDelay(61, 1, none, defaultRetryPolicy)).toBeUndefined();
  });
});

describe('query', () => {
  const base = 'https://api.withpersona.com/api/v1';

  it('builds list filters, pages and sparse fieldsets', () => {
    const query = listQuery({
      inquiryIds: ['inq_a', 'inq_b'],
      referenceId: 'user 1+2',
      statuses: ['completed', 'needs_review'],
      pageSize: 500,
      fields: { inquiry: ['status', 'updated-at'] },
    });
    expect(Object.fromEntries(query)).toEqual({
      'filter[inquiry-id]': 'inq_a,inq_b',
      'filter[reference-id]': 'user 1+2',
      'filter[status]': 'completed,needs_review',
      'page[size]': '100',
      'fields[inquiry]': 'status,updated-at',
    });
    expect(apiUrl(base, '/inquiries', listQuery({ referenceId: 'a+b' }))).toBe(
      `${base}/inquiries?filter%5Breference-id%5D=a%2Bb`,
    );
    expect(Object.fromEntries(listQuery({ pageSize: 0 }))).toEqual({ 'page[size]': '1' });
    expect(apiUrl(base, '/inquiries', listQuery({}))).toBe(`${base}/inquiries`);
  });

  it('builds include and item paths', () => {
    expect(detailQuery(['verifications', 'reports']).toString()).toBe(
      'include=verifications%2Creports',
    );
    expect(detailQuery([]).toString()).toBe('include=');
    expect(itemPath('inquiries', ' inq_1 ', 'approve')).toBe('/inquiries/inq_1/approve');
    expect(itemPath('inquiries', '../api-keys')).toBe('/inquiries/..%2Fapi-keys');
    expect(() => itemPath('inquiries', ' ')).toThrow('Enter an id');
  });

  it('resolves page links against the origin and refuses other hosts', () => {
    expect(pageUrl(base, '/api/v1/inquiries?page%5Bafter%5D=inq_x')).toBe(
      'https://api.withpersona.com/api/v1/inquiries?page%5Bafter%5D=inq_x',
    );
    expect(pageUrl('http://127.0.0.1:4010/api/v1', '/api/v1/inquiries?x=1')).toBe(
      'http://127.0.0.1:4010/api/v1/inquiries?x=1',
    );
    expect(pageUrl(base, 'https://api.withpersona.com/api/v1/inquiries')).toBeDefined();
    expect(pageUrl(base, 'https://evil.example/api/v1/inquiries')).toBeUndefined();
    expect(pageUrl(base, '//evil.example/x')).toBeUndefined();
  });
});

// @vitest-environment node
// The client's transport: headers, timeouts, error mapping, retries, rate limits, pagination.
import { describe, expect, it, vi } from 'vitest';
import { DeskError, type ErrorInfo } from '../../../../src/shared/errors.ts';
import {
  createPersonaClient,
  type PersonaClientOptions,
} from '../../../../src/shared/persona/client.ts';
import { DETAIL_INCLUDE } from '../../../../src/shared/persona/inquiry-reads.ts';
import { fakeFetch, fakeTime, json, type Step } from './fake-fetch.ts';
import { fixture } from './fixtures.ts';

const KEY = 'persona_sandbox_5ecret-5ecret-5ecret-0001';
const ID = 'inq_zEx4jL84ShbUyuwX6AzPSqt6';
const headers = {
  'Request-Id': 'req_abc',
  'Persona-Environment-Id': 'env_sand',
  'Persona-Organization-Id': 'org_desk',
  'RateLimit-Limit': '300',
  'RateLimit-Remaining': '299',
  'RateLimit-Reset': '42',
};
const ok = (body: unknown = fixture('inquiry-retrieve-200')) => json(200, body, headers);

function setup(steps: Step[], options: Partial<PersonaClientOptions> = {}) {
  const { fetch, calls } = fakeFetch(...steps);
  const time = fakeTime();
  const client = createPersonaClient({
    apiKey: KEY,
    fetch,
    sleep: time.sleep,
    random: time.random,
    createIdempotencyKey: () => 'generated-key',
    ...options,
  });
  return { client, calls, waits: time.waits };
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

function expectNoKey(error: DeskError) {
  const everything = [
    error.message,
    error.stack,
    JSON.stringify(error),
    JSON.stringify(error.info),
    String(error),
  ];
  for (const text of everything) expect(text).not.toContain(KEY);
}

describe('requests', () => {
  it('sends the key only in Authorization, with the pinned version and kebab inflection', async () => {
    const { client, calls } = setup([ok()]);
    const result = await client.getInquiry(ID, { include: DETAIL_INCLUDE });
    const [call] = calls;
    expect(call?.url).toBe(
      `https://api.withpersona.com/api/v1/inquiries/${ID}?include=verifications%2Creports%2Csessions`,
    );
    expect(call?.method).toBe('GET');
    expect(call?.headers).toEqual({
      accept: 'application/json',
      authorization: `Bearer ${KEY}`,
      'persona-version': '2025-12-08',
      'key-inflection': 'kebab',
    });
    const elsewhere = JSON.stringify({ ...call, headers: { ...call?.headers, authorization: '' } });
    expect(elsewhere).not.toContain(KEY);
    expect(result.data.status).toBe('pending');
    expect(result.meta).toEqual({
      status: 200,
      requestId: 'req_abc',
      environmentId: 'env_sand',
      organizationId: 'org_desk',
      rateLimit: { limit: 300, remaining: 299, resetSeconds: 42 },
    });
  });

  it('sends JSON bodies with an Idempotency-Key on every POST', async () => {
    const { client, calls } = setup([ok()]);
    await client.approveInquiry(ID, 'Looks right');
    await client.declineInquiry(ID);
    expect(calls[0]?.headers).toMatchObject({
      'idempotency-key': 'generated-key',
      'content-type': 'application/json',
    });
    expect(calls[0]?.body).toEqual({ meta: { comment: 'Looks right' } });
    expect(calls[1]?.headers['idempotency-key']).toBe('generated-key');
    expect(calls[1]?.body).toBeUndefined();
    expect(calls[1]?.headers['content-type']).toBeUndefined();
  });

  it('uses crypto.randomUUID when no key maker is given', async () => {
    const { fetch, calls } = fakeFetch(ok());
    await createPersonaClient({ apiKey: KEY, fetch }).markInquiryForReview(ID);
    expect(calls[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses unusable keys and base URLs before sending anything', () => {
    const { fetch, calls } = fakeFetch(ok());
    const kind = (options: PersonaClientOptions) => {
      try {
        createPersonaClient(options);
      } catch (error) {
        return error instanceof DeskError ? error.info.kind : 'other';
      }
      return 'created';
    };
    expect(kind({ apiKey: '  ', fetch })).toBe('no_key');
    expect(kind({ apiKey: 'persona_sandbox_a b', fetch })).toBe('unauthorized');
    expect(kind({ apiKey: KEY, fetch, baseUrl: 'https://persona.evil.example/api/v1' })).toBe(
      'refused',
    );
    expect(kind({ apiKey: KEY, fetch, baseUrl: 'http://127.0.0.1:4010/api/v1/' })).toBe('created');
    expect(calls).toHaveLength(0);
  });

  it('reports every answer to onResponse, and survives a throwing listener', async () => {
    const onResponse = vi.fn(() => {
      throw new Error('listener bug');
    });
    const { client } = setup([json(500, {}), ok()], { onResponse });
    await client.getInquiry(ID, { include: DETAIL_INCLUDE });
    expect(onResponse).toHaveBeenCalledTimes(2);
    expect(onResponse).toHaveBeenLastCalledWith(
      expect.objectContaining({
        status: 200,
        requestId: 'req_abc',
        rateLimit: { limit: 300, remaining: 299, resetSeconds: 42 },
      }),
    );
  });
});

describe('timeouts', () => {
  it('gives up on a request that hangs, and does not repeat it', async () => {
    const { client, calls } = setup(['hang'], { timeoutMs: 20 });
    const error = await failure(client.getInquiry(ID, { include: DETAIL_INCLUDE }));
    expect(error.info).toEqual({
      kind: 'timeout',
      message: 'Persona did not answer within 20 ms. Try again in a moment.',
    });
    expect(calls).toHaveLength(1);
  });

  it('times out even when fetch ignores the abort signal', async () => {
    const { client } = setup([() => new Promise<never>(() => {}) as never], { timeoutMs: 20 });
    expect((await failure(client.getInquiry(ID, { include: DETAIL_INCLUDE }))).info.kind).toBe(
      'timeout',
    );
  });
});

describe('error mapping', () => {
  const cases: [number, unknown, Partial<ErrorInfo>, string][] = [
    [
      401,
      { errors: [{ title: 'Token is invalid' }] },
      { kind: 'unauthorized', title: 'Token is invalid' },
      'Check the key in the options',
    ],
    [
      403,
      {
        errors: [
          {
            title: 'Forbidden',
            details: 'IP address is not permitted access to current environment',
          },
        ],
      },
      { kind: 'forbidden', details: 'IP address is not permitted access to current environment' },
      'allow-list',
    ],
    [
      404,
      { errors: [{ title: 'Record not found' }] },
      { kind: 'not_found', title: 'Record not found' },
      'Check the inq_… id',
    ],
    [
      409,
      { errors: [{ title: 'Conflict', details: 'Inquiry already redacted' }] },
      { kind: 'conflict' },
      'Inquiry already redacted',
    ],
    [
      422,
      {
        errors: [
          {
            title: 'Record invalid',
            details: 'Inquiry template not found',
            source: { pointer: '/data/attributes/inquiry-template-id' },
          },
        ],
      },
      { kind: 'invalid', pointer: '/data/attributes/inquiry-template-id' },
      'Inquiry template not found',
    ],
    [
      400,
      { errors: [{ title: 'Bad Request', details: 'data.type must be filled' }] },
      { kind: 'invalid' },
      'data.type must be filled',
    ],
    [
      429,
      { errors: [{ title: 'Rate limit exceeded' }] },
      { kind: 'rate_limited', retryAfterSeconds: 42 },
      'Wait 42 s and try again',
    ],
    [500, 'Internal Server Error', { kind: 'server' }, 'Try again'],
    [503, undefined, { kind: 'server' }, 'Try again'],
  ];

  it.each(cases)('maps %i to a DeskError with Request-Id', async (status, body, info, words) => {
    const answer = () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { ...headers, 'RateLimit-Reset': '42' },
      });
    const { client } = setup([answer], { retry: { maxRetries: 0, maxRateLimitWaitMs: 1000 } });
    const error = await failure(client.getInquiry(ID, { include: DETAIL_INCLUDE }));
    expect(error.info).toMatchObject({ ...info, status, requestId: 'req_abc' });
    expect(error.message).toContain(words);
    expect(error.message).toBe(error.info.message);
    expectNoKey(error);
  });

  it('explains a 409 on an action with Persona’s own detail', async () => {
    const body = { errors: [{ title: 'Conflict', details: 'Inquiry is not pending or expired' }] };
    const { client } = setup([json(409, body, headers)]);
    const error = await failure(client.resumeInquiry(ID));
    expect(error.message).toBe(
      'Persona refused because of the inquiry\'s current state. Persona says: "Conflict: Inquiry is not pending or expired". Check the status it has now, then try again if it still makes sense.',
    );
  });

  it('leads a 403 with Persona’s reason where it names one, and guesses only where it does not', async () => {
    const said = {
      errors: [
        { title: 'Forbidden', details: 'API key does not have the inquiry.write permission' },
      ],
    };
    const named = await failure(setup([json(403, said, headers)]).client.approveInquiry(ID));
    expect(named.message).toBe(
      'Persona refused this request. Persona says: "Forbidden: API key does not have the inquiry.write permission". Check the key\'s permissions and allow-list in the Persona dashboard.',
    );
    const unnamed = await failure(setup([json(403, {}, headers)]).client.approveInquiry(ID));
    expect(unnamed.message).toContain('the API key lacks a permission, a quota is used up');
    // A bare title names no reason: the likely ones are still said.
    const titled = { errors: [{ title: 'Forbidden' }] };
    const bare = await failure(setup([json(403, titled, headers)]).client.approveInquiry(ID));
    expect(bare.message).toContain('the API key lacks a permission, a quota is used up');
    expect(bare.message).toContain('Persona says: "Forbidden"');
  });

  it('says a local address that does not answer is the local sandbox, not the internet', async () => {
    const error = await failure(
      setup(['drop'], {
        retry: { maxRetries: 0 },
        baseUrl: 'http://127.0.0.1:4032/api/v1',
      }).client.getInquiry(ID, { include: DETAIL_INCLUDE }),
    );
    expect(error.info.kind).toBe('network');
    expect(error.message).toBe(
      'Nothing answers at http://127.0.0.1:4032, a local address: is the local Persona sandbox running (npm run sandbox, or npm start)?',
    );
  });

  it('maps a lost connection to network and an unreadable 200 to bad_response', async () => {
    const network = await failure(
      setup(['drop'], { retry: { maxRetries: 0 } }).client.getInquiry(ID, {
        include: DETAIL_INCLUDE,
      }),
    );
    expect(network.info).toEqual({
      kind: 'network',
      message: 'Inquiry Desk could not reach Persona. Check the internet connection and try again.',
    });
    const html = new Response('<html>proxy</html>', { status: 200, headers });
    const unreadable = await failure(
      setup([html]).client.getInquiry(ID, { include: DETAIL_INCLUDE }),
    );
    expect(unreadable.info).toMatchObject({
      kind: 'bad_response',
      status: 200,
      requestId: 'req_abc',
    });
    const wrongShape = await failure(
      setup([ok({ data: [] })]).client.getInquiry(ID, { include: DETAIL_INCLUDE }),
    );
    expect(wrongShape.info.kind).toBe('bad_response');
  });

  it('never lets the key into an error, even when Persona echoes it', async () => {
    const body = { errors: [{ title: `Token ${KEY} is invalid`, details: `key=${KEY}` }] };
    const { client } = setup([json(401, body, headers)]);
    const error = await failure(client.getInquiry(ID, { include: DETAIL_INCLUDE }));
    expectNoKey(error);
    expect(error.info.title).toBe('Token persona_sandbox_…0001 is invalid');
    const dropped = await failure(
      setup(['drop'], { retry: { maxRetries: 0 } }).client.getInquiry(ID, {
        include: DETAIL_INCLUDE,
      }),
    );
    expectNoKey(dropped);
  });

  it('says a POST that met a server error may or may not have happened', async () => {
    const { client } = setup([json(502, {}, headers)], { retry: { maxRetries: 0 } });
    const error = await failure(client.approveInquiry(ID));
    expect(error.message).toContain('may or may not have happened');
  });
});

describe('retries', () => {
  it('repeats a GET after lost connections and 5xx with growing, jittered waits', async () => {
    const { client, calls, waits } = setup(['drop', json(500, {}), json(503, {}), ok()]);
    const result = await client.getInquiry(ID, { include: DETAIL_INCLUDE });
    expect(result.data.id).toBe(ID);
    expect(calls).toHaveLength(4);
    // random() = 0.5: half the step plus a quarter of it.
    expect(waits).toEqual([375, 750, 1500]);
  });

  it('stops after a few attempts', async () => {
    const { client, calls, waits } = setup([json(500, { errors: [{ title: 'Oops' }] }, headers)]);
    const error = await failure(client.getInquiry(ID, { include: DETAIL_INCLUDE }));
    expect(error.info).toMatchObject({ kind: 'server', status: 500, title: 'Oops' });
    expect(calls).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('does not repeat a 4xx', async () => {
    const { client, calls } = setup([json(404, {}, headers)]);
    await failure(client.getInquiry(ID, { include: DETAIL_INCLUDE }));
    expect(calls).toHaveLength(1);
  });

  it('repeats a POST after a lost connection, with the same Idempotency-Key', async () => {
    const { client, calls } = setup(['drop', 'drop', json(201, fixture('inquiry-create-201'))]);
    const created = await client.createInquiry({ templateId: 'itmpl_p8ANAJy9iqadm2buF2xcVgqH' });
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).toEqual(
      new Set(['generated-key']),
    );
    expect(created.data.inquiry.id).toBe(ID);
    expect(calls.map((c) => c.body)).toEqual([calls[0]?.body, calls[0]?.body, calls[0]?.body]);
  });

  it('never repeats a POST that got a 5xx answer: Persona replays it for that key', async () => {
    const { client, calls } = setup([
      'drop',
      json(500, {}),
      json(201, fixture('inquiry-create-201')),
    ]);
    const error = await failure(
      client.createInquiry({ templateId: 'itmpl_p8ANAJy9iqadm2buF2xcVgqH' }),
    );
    expect(error.info).toMatchObject({ kind: 'server', status: 500 });
    expect(calls).toHaveLength(2);
    const approve = setup([json(503, {}), ok()]);
    await failure(approve.client.approveInquiry(ID));
    expect(approve.calls).toHaveLength(1);
  });

  it('waits for RateLimit-Reset after a 429, then tries again', async () => {
    const limited = json(
      429,
      { errors: [{ title: 'Rate limit exceeded' }] },
      { ...headers, 'RateLimit-Remaining': '0', 'RateLimit-Reset': '7' },
    );
    const onResponse = vi.fn();
    const { client, calls, waits } = setup([limited, ok()], { random: () => 0, onResponse });
    const result = await client.getInquiry(ID, { include: DETAIL_INCLUDE });
    expect(result.data.id).toBe(ID);
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([7000]);
    expect(onResponse).toHaveBeenNthCalledWith(
      1,
      expect.objectContaining({ rateLimit: { limit: 300, remaining: 0, resetSeconds: 7 } }),
    );
  });

  it('retries a 429 at most twice, with the same Idempotency-Key on a POST', async () => {
    const limited = json(429, {}, { ...headers, 'RateLimit-Reset': '1' });
    const { client, calls, waits } = setup([limited], { random: () => 0 });
    const error = await failure(client.addTag(ID, 'vip'));
    expect(error.info).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 1 });
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
  });

  it('does not wait out a rate-limit window longer than the cap', async () => {
    const limited = json(
      429,
      { errors: [{ title: 'Rate limit exceeded' }] },
      { ...headers, 'RateLimit-Reset': '3600' },
    );
    const { client, calls, waits } = setup([limited]);
    const error = await failure(client.getInquiry(ID, { include: DETAIL_INCLUDE }));
    expect(error.info).toMatchObject({
      kind: 'rate_limited',
      retryAfterSeconds: 3600,
      title: 'Rate limit exceeded',
    });
    // Numbers in messages go through Intl in the browser's language (English in unit tests).
    expect(error.message).toContain('Wait 3,600 s and try again');
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('pagination', () => {
  it('returns items and links from listInquiries and fetchPage, refusing foreign links', async () => {
    const { client, calls } = setup([json(200, fixture('inquiry-list-200'), headers)]);
    const first = await client.listInquiries({ referenceId: 'abc-123' });
    expect(first.data.items.map((i) => [i.id, i.status])).toEqual([[ID, 'pending']]);
    expect(first.data.links).toEqual({
      next: '/api/v1/inquiries?page%5Bafter%5D=inq_ByBdXDqUrguLAHjGZMuDZLCx',
    });
    if (!first.data.links.next) throw new Error('no next link');
    await client.fetchPage(first.data.links.next);
    expect(calls[1]?.url).toBe(
      'https://api.withpersona.com/api/v1/inquiries?page%5Bafter%5D=inq_ByBdXDqUrguLAHjGZMuDZLCx',
    );
    const foreign = await failure(client.fetchPage('https://evil.example/api/v1/inquiries'));
    expect(foreign.info.kind).toBe('refused');
    expect(calls).toHaveLength(2);
  });
});

describe('quota limits', () => {
  const quotaHeaders = {
    ...headers,
    'Quota-Limit': '150',
    'Quota-Remaining': '0',
    'Quota-Reset': '37',
  };

  it('tells a used-up quota from a rate limit, and does not spin retrying it', async () => {
    const exceeded = json(429, { errors: [{ title: 'Quota exceeded' }] }, quotaHeaders);
    const { client, calls, waits } = setup([exceeded, exceeded, exceeded]);
    const error = await failure(
      client.createInquiry({ templateId: 'itmpl_p8ANAJy9iqadm2buF2xcVgqH' }),
    );
    expect(error.info).toMatchObject({
      kind: 'quota_exceeded',
      status: 429,
      retryAfterSeconds: 37,
    });
    expect(error.message).toContain(
      "Persona's quota for creating inquiries is used up; it resets in 37 s",
    );
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('reads a quota 429 from the headers alone, and a plain 429 stays a rate limit', async () => {
    const byHeaders = setup([json(429, {}, quotaHeaders)]);
    expect((await failure(byHeaders.client.addTag(ID, 'vip'))).info.kind).toBe('quota_exceeded');
    const rate = json(
      429,
      { errors: [{ title: 'Rate limit exceeded' }] },
      {
        ...headers,
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': '1',
        'Quota-Remaining': '12',
      },
    );
    const limited = setup([rate], { retry: { maxRateLimitRetries: 0 } });
    expect((await failure(limited.client.getInquiry(ID, { include: [] }))).info.kind).toBe(
      'rate_limited',
    );
  });

  it('reads Quota-* beside RateLimit-* on every answer', async () => {
    const { client } = setup([
      json(200, fixture('inquiry-retrieve-200'), { ...quotaHeaders, 'Quota-Remaining': '149' }),
    ]);
    const result = await client.getInquiry(ID, { include: [] });
    expect(result.meta.quota).toEqual({ limit: 150, remaining: 149, resetSeconds: 37 });
    expect(result.meta.rateLimit).toEqual({ limit: 300, remaining: 299, resetSeconds: 42 });
  });
});

// @vitest-environment node
// Each client method: the request it sends and what it makes of the answer.
import { describe, expect, it } from 'vitest';
import { createPersonaClient } from '../../../../src/shared/persona/client.ts';
import { DETAIL_INCLUDE } from '../../../../src/shared/persona/inquiry-reads.ts';
import { fakeFetch, json, type Step } from './fake-fetch.ts';
import { fixture } from './fixtures.ts';

const KEY = 'persona_sandbox_0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b';
const ID = 'inq_zEx4jL84ShbUyuwX6AzPSqt6';
const BASE = 'http://127.0.0.1:4010/api/v1';
const NOW = Date.parse('2023-03-31T00:00:00.000Z');
const headers = {
  'Request-Id': 'req_1',
  'Persona-Environment-Id': 'env_1',
  'Persona-Organization-Id': 'org_1',
};

function setup(...steps: Step[]) {
  const { fetch, calls } = fakeFetch(
    ...(steps.length > 0 ? steps : [json(200, fixture('inquiry-retrieve-200'), headers)]),
  );
  const client = createPersonaClient({
    apiKey: KEY,
    baseUrl: BASE,
    fetch,
    now: () => NOW,
    createIdempotencyKey: () => 'idem-1',
    sleep: async () => {},
  });
  return { client, calls };
}

describe('inquiry methods', () => {
  it('creates an inquiry with a one-time link by default', async () => {
    const { client, calls } = setup(json(201, fixture('inquiry-create-201'), headers));
    const created = await client.createInquiry(
      {
        templateId: 'itmpl_p8ANAJy9iqadm2buF2xcVgqH',
        referenceId: 'user-7',
        fields: { name_first: 'Ann' },
      },
      { idempotencyKey: 'click-1' },
    );
    expect(calls[0]).toMatchObject({ url: `${BASE}/inquiries`, method: 'POST' });
    expect(calls[0]?.headers['idempotency-key']).toBe('click-1');
    expect(calls[0]?.body).toEqual({
      data: {
        attributes: {
          'inquiry-template-id': 'itmpl_p8ANAJy9iqadm2buF2xcVgqH',
          'reference-id': 'user-7',
          fields: { name_first: 'Ann' },
        },
      },
      meta: { 'auto-create-one-time-link': true },
    });
    expect(created.data).toMatchObject({
      oneTimeLink: 'https://withpersona.com/verify?code=ABC123',
      oneTimeLinkShort: 'https://go.perso.na/ABC123',
      oneTimeLinkExpiresAt: '2023-03-31T19:07:01.000Z',
    });
    expect(created.data.inquiry.id).toBe(ID);
    // The session token Persona also returned is not passed on.
    expect(JSON.stringify(created.data)).not.toContain('eyJhbGci');
    expect(created.meta.requestId).toBe('req_1');
  });

  it('sends legacy and version template ids under their own attribute', async () => {
    const { client, calls } = setup(json(201, fixture('inquiry-create-201')));
    await client.createInquiry({ templateId: 'tmpl_old123' });
    await client.createInquiry({ templateId: 'itmplv_v123' }, { oneTimeLinkExpiresInSeconds: 600 });
    expect(calls[0]?.body).toEqual({
      data: { attributes: { 'template-id': 'tmpl_old123' } },
      meta: { 'auto-create-one-time-link': true },
    });
    expect(calls[1]?.body).toEqual({
      data: { attributes: { 'inquiry-template-version-id': 'itmplv_v123' } },
      meta: { 'auto-create-one-time-link': true, 'one-time-link-expiration-seconds': 600 },
    });
    expect(calls[0]?.headers['idempotency-key']).toBe('idem-1');
  });

  it('gets an inquiry with chosen includes and sparse fields', async () => {
    const { client, calls } = setup();
    await client.getInquiry(ID, { include: [], fields: { inquiry: ['status', 'updated-at'] } });
    expect(calls[0]?.url).toBe(
      `${BASE}/inquiries/${ID}?include=&fields%5Binquiry%5D=status%2Cupdated-at`,
    );
  });

  it('decides and tags', async () => {
    const { client, calls } = setup();
    const approved = await client.approveInquiry(ID);
    await client.declineInquiry(ID, 'Fake ID');
    await client.markInquiryForReview(ID);
    await client.addTag(ID, 'vip');
    await client.removeTag(ID, 'vip');
    expect(
      calls.map((c) => [c.method, c.url.replace(`${BASE}/inquiries/${ID}`, ''), c.body]),
    ).toEqual([
      ['POST', '/approve', undefined],
      ['POST', '/decline', { meta: { comment: 'Fake ID' } }],
      ['POST', '/mark-for-review', undefined],
      ['POST', '/add-tag', { meta: { 'tag-name': 'vip' } }],
      ['POST', '/remove-tag', { meta: { 'tag-name': 'vip' } }],
    ]);
    expect(approved.data.id).toBe(ID);
  });

  it('resumes an inquiry, and does not pass on its session token', async () => {
    const body = fixture('inquiry-retrieve-200');
    body.meta = { 'session-token': 'eyJ.session.token' };
    const { client, calls } = setup(json(200, body));
    // Nothing of the answer comes back: its caller reads the inquiry afresh (actions.ts newLink).
    expect(await client.resumeInquiry(ID)).toBeUndefined();
    expect(calls[0]?.url).toBe(`${BASE}/inquiries/${ID}/resume`);
  });

  it('generates a one-time link and derives its expiry', async () => {
    const { client, calls } = setup(json(200, fixture('inquiry-generate-one-time-link-200')));
    const linked = await client.generateOneTimeLink(ID, 3600);
    expect(calls[0]?.body).toEqual({ meta: { 'expires-in-seconds': 3600 } });
    expect(linked.data).toMatchObject({
      oneTimeLink: 'https://withpersona.com/verify?code=us1-asdf',
      oneTimeLinkShort: 'https://perso.na/verify?code=ABC123',
      oneTimeLinkExpiresAt: '2023-03-31T01:00:00.000Z',
    });
    // Asked for longer than the inquiry lives, the link ends with it.
    const longer = await client.generateOneTimeLink(ID, 86_400);
    expect(calls[1]?.body).toEqual({ meta: { 'expires-in-seconds': 86_400 } });
    expect(longer.data.oneTimeLinkExpiresAt).toBe('2023-03-31T19:07:01.000Z');
  });

  it('refuses a blank id without calling Persona', async () => {
    const { client, calls } = setup();
    await expect(client.approveInquiry('  ')).rejects.toMatchObject({ info: { kind: 'invalid' } });
    await expect(client.getInquiry('', { include: DETAIL_INCLUDE })).rejects.toMatchObject({
      info: { kind: 'invalid' },
    });
    expect(calls).toHaveLength(0);
  });
});

describe('verification and key methods', () => {
  it('reads the rate limits from the body, else from the headers', async () => {
    const body = {
      data: [
        {
          type: 'rate-limit/api',
          attributes: { limit: 3003, remaining: 250, 'seconds-to-reset': 60 },
        },
      ],
    };
    const fromBody = await setup(json(200, body, headers)).client.getRateLimits();
    expect(fromBody.data).toEqual({ limit: 3003, remaining: 250, resetSeconds: 60 });
    expect(fromBody.meta.environmentId).toBe('env_1');
    const limitHeaders = {
      'RateLimit-Limit': '300',
      'RateLimit-Remaining': '3',
      'RateLimit-Reset': '9',
    };
    const fromHeaders = await setup(json(200, { data: [] }, limitHeaders)).client.getRateLimits();
    expect(fromHeaders.data).toEqual({ limit: 300, remaining: 3, resetSeconds: 9 });
    expect((await setup(json(200, { data: [] })).client.getRateLimits()).data).toBeUndefined();
  });

  it('reads the key permissions in snake or kebab form', async () => {
    const snake = {
      data: {
        type: 'api-key',
        id: 'api_1',
        attributes: {
          name: 'Desk',
          permissions: ['inquiry.read', 'inquiry.write'],
          expires_at: '2030-01-01T00:00:00.000Z',
        },
      },
    };
    const { client, calls } = setup(json(200, snake, headers));
    const key = await client.getKeyPermissions();
    expect(calls[0]?.url).toBe(`${BASE}/api-keys/permissions`);
    expect(key.data).toEqual({
      name: 'Desk',
      permissions: ['inquiry.read', 'inquiry.write'],
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    expect(key.meta).toMatchObject({ environmentId: 'env_1', organizationId: 'org_1' });
    const bare = await setup(json(200, { data: { type: 'api-key' } })).client.getKeyPermissions();
    expect(bare.data).toEqual({ permissions: [] });
  });
});

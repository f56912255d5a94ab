// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  createInquiry,
  startTestSandbox,
  TEMPLATE_ID,
  type TestSandbox,
} from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

describe('POST /inquiries', () => {
  it('creates a `created` inquiry (201) with the given attributes and null meta links', async () => {
    const response = await t.api.post(
      '/inquiries',
      createBody({
        'reference-id': 'user-42',
        note: 'VIP',
        tags: ['kyc', 'kyc', 'priority'],
        fields: {
          'name-first': 'Ada',
          name_last: 'Lovelace',
          birthdate: '1815-12-10',
          plan: 'gold',
        },
      }),
    );
    expect(response.status).toBe(201);
    const { data, meta, included } = response.body;
    expect(data.id).toMatch(/^inq_[A-Za-z0-9]{28}$/);
    expect(data.type).toBe('inquiry');
    expect(data.attributes).toMatchObject({
      status: 'created',
      'reference-id': 'user-42',
      note: 'VIP',
      tags: ['kyc', 'priority'],
      creator: 'API',
      'started-at': null,
      'completed-at': null,
      'redacted-at': null,
    });
    expect(data.attributes.fields['name-first']).toEqual({ type: 'string', value: 'Ada' });
    expect(data.attributes.fields['name-last']).toEqual({ type: 'string', value: 'Lovelace' });
    expect(data.attributes.fields.birthdate).toEqual({ type: 'date', value: '1815-12-10' });
    expect(data.attributes.fields.plan).toEqual({ type: 'string', value: 'gold' });
    expect(data.attributes.fields['email-address']).toEqual({ type: 'string', value: null });
    const created = Date.parse(data.attributes['created-at']);
    expect(Date.parse(data.attributes['expires-at']) - created).toBe(24 * 3600 * 1000);
    expect(data.relationships['inquiry-template'].data).toEqual({
      type: 'inquiry-template',
      id: TEMPLATE_ID,
    });
    expect(data.relationships.account.data.id).toMatch(/^act_/);
    expect(meta).toEqual({
      'session-token': null,
      'one-time-link': null,
      'one-time-link-short': null,
    });
    expect(included).toEqual([]);
  });

  it('returns a one-time link and a session token when asked', async () => {
    const body = await createInquiry(
      t.api,
      {},
      {
        'auto-create-one-time-link': true,
        'auto-create-inquiry-session': true,
      },
    );
    expect(body.meta['one-time-link']).toMatch(
      new RegExp(`^${t.sandbox.origin}/verify\\?code=\\w+$`),
    );
    expect(body.meta['one-time-link-short']).toMatch(new RegExp(`^${t.sandbox.origin}/l/\\w+$`));
    expect(body.meta['session-token'].split('.')).toHaveLength(3);
    expect(body.data.relationships.sessions.data).toHaveLength(2);
  });

  it('honours the expiry and one-time-link lifetimes in meta', async () => {
    const body = await createInquiry(
      t.api,
      {},
      { 'expiration-after-create-interval-seconds': 600 },
    );
    const attributes = body.data.attributes;
    expect(Date.parse(attributes['expires-at']) - Date.parse(attributes['created-at'])).toBe(
      600_000,
    );
  });

  it('accepts template version ids and legacy template ids', async () => {
    const version = await t.api.post('/inquiries', {
      data: { attributes: { 'inquiry-template-version-id': 'itmplv_Version1' } },
    });
    expect(version.status).toBe(201);
    expect(version.body.data.relationships['inquiry-template-version'].data.id).toBe(
      'itmplv_Version1',
    );
    const legacy = await t.api.post('/inquiries', {
      data: { attributes: { 'template-id': 'tmpl_Old1' } },
    });
    expect(legacy.status).toBe(201);
    expect(legacy.body.data.relationships.template.data).toEqual({
      type: 'template',
      id: 'tmpl_Old1',
    });
    expect(legacy.body.data.relationships['inquiry-template'].data).toBeNull();
  });

  it('reuses the account of a reference id', async () => {
    const a = await createInquiry(t.api, {}, { 'auto-create-account-reference-id': 'acct-ref-1' });
    const b = await createInquiry(t.api, {}, { 'auto-create-account-reference-id': 'acct-ref-1' });
    expect(b.data.relationships.account.data.id).toBe(a.data.relationships.account.data.id);
    expect(a.data.attributes['reference-id']).toBe('acct-ref-1');
  });

  it.each([
    ['missing', {}, '/data/attributes/inquiry-template-id'],
    ['malformed', { 'inquiry-template-id': 'tmpl-nope' }, '/data/attributes/inquiry-template-id'],
    [
      'with a bad character',
      { 'inquiry-template-id': 'itmpl_abc-123' },
      '/data/attributes/inquiry-template-id',
    ],
    [
      'given twice',
      { 'inquiry-template-id': 'itmpl_A', 'template-id': 'tmpl_B' },
      '/data/attributes/template-id',
    ],
  ])(
    'refuses a template id that is %s with 422 and a source pointer',
    async (_label, attributes, pointer) => {
      const response = await t.api.post('/inquiries', { data: { attributes } });
      expect(response.status).toBe(422);
      expect(response.body.errors[0]).toMatchObject({
        title: 'Unprocessable entity',
        source: { pointer },
      });
    },
  );

  it('refuses an empty body with 422 (no template)', async () => {
    const response = await t.api.request('POST', '/inquiries', '');
    expect(response.status).toBe(422);
  });

  it('refuses a birthdate that is not a date with 422', async () => {
    const response = await t.api.post(
      '/inquiries',
      createBody({ fields: { birthdate: '10/12/1990' } }),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors[0].source.pointer).toBe('/data/attributes/fields/birthdate');
  });

  it('answers 400 for a body of the wrong shape or not JSON', async () => {
    const tags = await t.api.post('/inquiries', createBody({ tags: 'vip' }));
    expect(tags.status).toBe(400);
    expect(tags.body).toEqual({
      errors: [{ title: 'Bad Request', details: 'data.attributes.tags must be an array' }],
    });
    const broken = await t.api.request('POST', '/inquiries', '{"data":');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].details).toBe('Request body is not valid JSON');
    const array = await t.api.request('POST', '/inquiries', '[]');
    expect(array.status).toBe(400);
  });

  it('answers 404 for an unknown account id', async () => {
    const response = await t.api.post('/inquiries', createBody({ 'account-id': 'act_missing' }));
    expect(response.status).toBe(404);
    expect(response.body.errors[0].details).toBe('data.attributes.account-id is not found');
  });

  it('refuses an invalid include before creating anything', async () => {
    const before = (await t.api.get('/inquiries?page[size]=100')).body.data.length;
    const response = await t.api.post('/inquiries?include=nonsense', createBody());
    expect(response.status).toBe(400);
    expect((await t.api.get('/inquiries?page[size]=100')).body.data.length).toBe(before);
  });
});

describe('GET /inquiries/{id}', () => {
  it('includes nothing unless asked, and what is asked for when it is', async () => {
    const { data } = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
    await t.controls.finish(data.id, 'passed');
    const plain = await t.api.get(`/inquiries/${data.id}`);
    expect(plain.status).toBe(200);
    expect(plain.body.included).toEqual([]);
    const full = await t.api.get(
      `/inquiries/${data.id}?include=verifications,reports,sessions,account,inquiry-template`,
    );
    const types = full.body.included.map((resource: { type: string }) => resource.type);
    expect(types).toEqual([
      'verification/government-id',
      'verification/selfie',
      'verification/database',
      'report/watchlist',
      'inquiry-session',
      'account',
      'inquiry-template',
    ]);
    const empty = await t.api.get(`/inquiries/${data.id}?include=`);
    expect(empty.body.included).toEqual([]);
  });

  it('answers 400 for an unknown include and 404 for an unknown id', async () => {
    const { data } = await createInquiry(t.api);
    const include = await t.api.get(`/inquiries/${data.id}?include=friends`);
    expect(include.status).toBe(400);
    expect(include.body.errors[0].details).toContain('friends');
    const missing = await t.api.get('/inquiries/inq_doesNotExist');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: [{ title: 'Record not found' }] });
  });

  it('supports sparse fieldsets, in any casing, including single fields', async () => {
    const { data } = await createInquiry(t.api, { fields: { 'name-first': 'Ada' } });
    const response = await t.api.get(
      `/inquiries/${data.id}?fields[inquiry]=status,updatedAt,fields.name-first`,
    );
    expect(response.body.data.attributes).toEqual({
      status: 'created',
      'updated-at': data.attributes['updated-at'],
      fields: { 'name-first': { type: 'string', value: 'Ada' } },
    });
    expect(response.body.data.relationships).toEqual({});
  });
});

describe('PATCH /inquiries/{id}', () => {
  it('updates fields, note and tags and bumps updated-at', async () => {
    const { data } = await createInquiry(t.api, { note: 'old' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await t.api.patch(`/inquiries/${data.id}`, {
      data: { attributes: { note: 'new', tags: ['a'], fields: { nameFirst: 'Grace' } } },
    });
    expect(response.status).toBe(200);
    const attributes = response.body.data.attributes;
    expect(attributes.note).toBe('new');
    expect(attributes.tags).toEqual(['a']);
    expect(attributes.fields['name-first'].value).toBe('Grace');
    expect(Date.parse(attributes['updated-at'])).toBeGreaterThan(
      Date.parse(data.attributes['updated-at']),
    );
  });

  it('answers 404, 400 and 422 like create', async () => {
    expect((await t.api.patch('/inquiries/inq_missing', {})).status).toBe(404);
    const { data } = await createInquiry(t.api);
    expect(
      (await t.api.patch(`/inquiries/${data.id}`, { data: { attributes: { note: 5 } } })).status,
    ).toBe(400);
    const bad = await t.api.patch(`/inquiries/${data.id}`, {
      data: { attributes: { fields: { birthdate: 'soon' } } },
    });
    expect(bad.status).toBe(422);
  });
});

describe('DELETE /inquiries/{id} (redact)', () => {
  it('removes personal data, sets redacted-at, and refuses a second time with 409', async () => {
    const { data } = await createInquiry(t.api, {
      fields: { 'name-first': 'Ada' },
      note: 'secret',
    });
    await t.controls.finish(data.id, 'passed');
    const response = await t.api.delete(`/inquiries/${data.id}?include=verifications`);
    expect(response.status).toBe(200);
    const attributes = response.body.data.attributes;
    expect(attributes['redacted-at']).not.toBeNull();
    expect(attributes.status).toBe('completed');
    expect(
      Object.values(attributes.fields).every(
        (field) => (field as { value: unknown }).value === null,
      ),
    ).toBe(true);
    expect(attributes.note).toBeNull();
    for (const verification of response.body.included) {
      expect(verification.attributes['redacted-at']).not.toBeNull();
      expect(verification.attributes.birthdate ?? null).toBeNull();
    }
    const again = await t.api.delete(`/inquiries/${data.id}`);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      errors: [{ title: 'Conflict', details: 'Inquiry already redacted' }],
    });
    const update = await t.api.patch(`/inquiries/${data.id}`, {
      data: { attributes: { note: 'x' } },
    });
    expect(update.status).toBe(409);
  });

  it('answers 404 for an unknown inquiry', async () => {
    expect((await t.api.delete('/inquiries/inq_missing')).status).toBe(404);
  });
});

// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInquiry, type Json, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let finishedId: string;
beforeAll(async () => {
  t = await startTestSandbox();
  const { data } = await createInquiry(
    t.api,
    {
      'reference-id': 'shape-1',
      fields: { 'name-first': 'Ada', 'favourite-colour': 'green' },
    },
    { 'auto-create-one-time-link': true },
  );
  finishedId = data.id;
  await t.controls.finish(finishedId, 'passed');
});
afterAll(() => t.sandbox.close());

const LEGACY = { 'Persona-Version': '2023-01-05' };

function keysDeep(value: Json, out: string[] = [], skipFields = false): string[] {
  if (Array.isArray(value)) for (const item of value) keysDeep(item, out, skipFields);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.push(key);
      if (!(skipFields && key === 'fields')) keysDeep(child, out, skipFields);
    }
  }
  return out;
}

describe('Persona-Version 2023-01-05', () => {
  it('adds top-level copies of the personal data', async () => {
    const response = await t.api.get(`/inquiries/${finishedId}`, LEGACY);
    const attributes = response.body.data.attributes;
    const fields = attributes.fields;
    expect(attributes['name-first']).toBe('Ada');
    expect(attributes['name-last']).toBe(fields['name-last'].value);
    expect(attributes.birthdate).toBe(fields.birthdate.value);
    expect(attributes['address-city']).toBe(fields['address-city'].value);
    expect(attributes['address-subdivision-abbr']).toMatch(/^[A-Z]{2}$/);
    expect(attributes['address-postal-code-abbr']).toBe(fields['address-postal-code'].value);
    expect(attributes['identification-number']).toBe(fields['identification-number'].value);
    expect(attributes['social-security-number']).toBeNull();
    expect(attributes).toHaveProperty('email-address');
  });

  it('includes reports, verifications, sessions and the template by default', async () => {
    const response = await t.api.get(`/inquiries/${finishedId}`, LEGACY);
    const types = new Set(response.body.included.map((r: Json) => r.type));
    expect(types).toEqual(
      new Set([
        'report/watchlist',
        'verification/government-id',
        'verification/selfie',
        'verification/database',
        'inquiry-session',
        'inquiry-template',
      ]),
    );
    const explicit = await t.api.get(`/inquiries/${finishedId}?include=account`, LEGACY);
    expect(explicit.body.included.map((r: Json) => r.type)).toEqual(['account']);
  });

  it('the 2025-12-08 default has no top-level copies', async () => {
    const current = await t.api.get(`/inquiries/${finishedId}`, {
      'Persona-Version': '2025-12-08',
    });
    expect(current.body.data.attributes).not.toHaveProperty('name-first');
    const byDefault = await t.api.get(`/inquiries/${finishedId}`);
    expect(byDefault.body).toEqual(current.body);
  });

  it('lists in the legacy shape too', async () => {
    const list = await t.api.get('/inquiries?filter[reference-id]=shape-1', LEGACY);
    expect(list.body.data[0].attributes['name-first']).toBe('Ada');
  });
});

describe('Key-Inflection', () => {
  it('snake: attribute, relationship and meta keys in snake case; type values and field keys untouched', async () => {
    const response = await t.api.get(`/inquiries/${finishedId}?include=verifications`, {
      'Key-Inflection': 'snake',
    });
    const { data, included } = response.body;
    expect(data.attributes).toHaveProperty('reference_id', 'shape-1');
    expect(data.attributes).toHaveProperty('created_at');
    expect(data.relationships).toHaveProperty('inquiry_template');
    expect(data.attributes.fields).toHaveProperty('name-first');
    expect(data.attributes.fields).toHaveProperty('favourite-colour');
    expect(included[0].type).toBe('verification/government-id');
    expect(included[0].attributes).toHaveProperty('front_photo_url');
    expect(included[0].attributes).toHaveProperty('created_at_ts');
    expect(included[0].relationships).toHaveProperty('verification_template');
    expect(included[0].relationships.verification_template.data.type).toBe(
      'verification-template/government-id',
    );
    const outsideFields = keysDeep(response.body, [], true);
    expect(outsideFields.filter((key) => key.includes('-'))).toEqual([]);
  });

  it('camel: camelCase keys, including address-street-1 → addressStreet1', async () => {
    const response = await t.api.get(`/inquiries/${finishedId}?include=verifications`, {
      'Key-Inflection': 'camel',
    });
    const { data, included } = response.body;
    expect(data.attributes).toHaveProperty('referenceId');
    expect(data.attributes).toHaveProperty('markedForReviewAt');
    expect(data.relationships).toHaveProperty('inquiryTemplateVersion');
    expect(data.attributes.fields).toHaveProperty('address-street-1');
    expect(included[0].attributes).toHaveProperty('addressStreet1');
    expect(included[0].attributes.checks[0]).toHaveProperty('requirement');
  });

  it('inflects meta, list and rate-limit keys too', async () => {
    const created = await t.api.post(
      '/inquiries',
      {
        data: { attributes: { inquiryTemplateId: 'itmpl_Camel1' } },
        meta: { autoCreateOneTimeLink: true },
      },
      { 'Key-Inflection': 'camel' },
    );
    expect(created.status).toBe(201);
    expect(created.body.meta.oneTimeLink).toContain('/verify?code=');
    expect(created.body.meta).toHaveProperty('oneTimeLinkShort');
    const limits = await t.api.get('/rate-limits', { 'Key-Inflection': 'snake' });
    expect(limits.body.data[0].attributes).toHaveProperty('seconds_to_reset');
  });

  it('legacy versions inflect field keys as well', async () => {
    const response = await t.api.get(`/inquiries/${finishedId}`, {
      ...LEGACY,
      'Key-Inflection': 'snake',
    });
    expect(response.body.data.attributes.fields).toHaveProperty('name_first');
    expect(response.body.data.attributes).toHaveProperty('name_first', 'Ada');
  });

  it('accepts request bodies in snake and camel case', async () => {
    const snake = await t.api.post('/inquiries', {
      data: { attributes: { inquiry_template_id: 'itmpl_Snake1', reference_id: 'snake-ref' } },
      meta: { auto_create_inquiry_session: true },
    });
    expect(snake.status).toBe(201);
    expect(snake.body.data.attributes['reference-id']).toBe('snake-ref');
    expect(snake.body.meta['session-token']).not.toBeNull();
  });
});

// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInquiry, type Json, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

async function finished(outcome: 'passed' | 'failed' | 'needs_review', attributes = {}) {
  const { data } = await createInquiry(t.api, attributes);
  await t.controls.finish(data.id, outcome);
  return (await t.api.get(`/inquiries/${data.id}?include=verifications,reports`)).body;
}

const byType = (included: Json[], type: string) => included.find((r) => r.type === type);
const check = (verification: Json, name: string) =>
  verification.attributes.checks.find((c: Json) => c.name === name);

describe('verifications of a finished inquiry', () => {
  it('passed: three passed verifications with realistic checks and extracted data', async () => {
    const body = await finished('passed', { fields: { 'name-first': 'Ada' } });
    expect(body.data.attributes.status).toBe('completed');
    const governmentId = byType(body.included, 'verification/government-id');
    const selfie = byType(body.included, 'verification/selfie');
    const database = byType(body.included, 'verification/database');
    for (const verification of [governmentId, selfie, database]) {
      expect(verification.attributes.status).toBe('passed');
      expect(verification.id).toMatch(/^ver_/);
      expect(verification.relationships.inquiry.data).toEqual({
        type: 'inquiry',
        id: body.data.id,
      });
      for (const c of verification.attributes.checks) {
        expect(['passed', 'failed', 'not_applicable']).toContain(c.status);
        expect(['required', 'not_required']).toContain(c.requirement);
        expect(Array.isArray(c.reasons)).toBe(true);
      }
    }
    expect(check(governmentId, 'id_type_detection')).toMatchObject({
      status: 'passed',
      requirement: 'required',
    });
    expect(check(governmentId, 'id_expired_detection').status).toBe('passed');
    expect(check(governmentId, 'id_barcode_detection').status).toBe('passed');
    expect(check(selfie, 'selfie_liveness_detection').status).toBe('passed');
    expect(check(selfie, 'selfie_id_comparison').status).toBe('passed');
    expect(check(database, 'database_name_comparison').status).toBe('passed');
    expect(check(database, 'database_birthdate_comparison').status).toBe('passed');
    expect(governmentId.attributes).toMatchObject({
      'name-first': 'ADA',
      'id-class': 'dl',
      birthdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      'identification-number': expect.stringMatching(/^[A-Z]\d{7}$/),
      'document-number': expect.stringMatching(/^\d{9}$/),
      'address-street-1': expect.any(String),
    });
    expect(database.attributes['name-first']).toBe('Ada');
    expect(body.data.attributes.fields['name-first'].value).toBe('Ada');
    expect(body.data.attributes.fields['identification-number'].value).toBe(
      governmentId.attributes['identification-number'],
    );
    const report = byType(body.included, 'report/watchlist');
    expect(report.attributes).toMatchObject({
      status: 'ready',
      'has-match': false,
      'matched-lists': [],
    });
  });

  it('failed: failed required checks with reasons, and a failed inquiry', async () => {
    const body = await finished('failed');
    expect(body.data.attributes.status).toBe('failed');
    expect(body.data.attributes['failed-at']).not.toBeNull();
    const governmentId = byType(body.included, 'verification/government-id');
    expect(governmentId.attributes.status).toBe('failed');
    expect(check(governmentId, 'id_expired_detection')).toMatchObject({
      status: 'failed',
      reasons: ['expired'],
      requirement: 'required',
    });
    expect(Date.parse(governmentId.attributes['expiration-date'])).toBeLessThan(Date.now());
    expect(byType(body.included, 'verification/selfie').attributes.status).toBe('failed');
  });

  it('needs review: verifications pass, a watchlist hit marks the completed inquiry for review', async () => {
    const body = await finished('needs_review');
    expect(body.data.attributes.status).toBe('needs_review');
    expect(body.data.attributes['completed-at']).not.toBeNull();
    expect(body.data.attributes['marked-for-review-at']).not.toBeNull();
    const selfie = byType(body.included, 'verification/selfie');
    expect(selfie.attributes.status).toBe('passed');
    expect(check(selfie, 'selfie_public_figure_detection')).toMatchObject({
      status: 'failed',
      requirement: 'not_required',
    });
    const report = byType(body.included, 'report/watchlist');
    expect(report.attributes['has-match']).toBe(true);
    expect(report.attributes['matched-lists'][0]).toMatchObject({ 'list-type': 'sanction' });
  });

  it('generates the same identity for the same inquiry', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.finish(data.id, 'passed');
    const first = (await t.api.get(`/inquiries/${data.id}`)).body.data.attributes.fields;
    const again = await t.api.get(`/inquiries/${data.id}`);
    expect(again.body.data.attributes.fields).toEqual(first);
    expect(first['name-last'].value).toEqual(expect.any(String));
    expect(first['email-address'].value).toMatch(/@example\.com$/);
  });
});

describe('GET /verifications/{id} and typed paths', () => {
  it('serves every verification generically and on its typed path only', async () => {
    const body = await finished('passed');
    const paths: Record<string, string> = {
      'verification/government-id': 'government-ids',
      'verification/selfie': 'selfies',
      'verification/database': 'databases',
    };
    for (const verification of body.included.filter((r: Json) =>
      r.type.startsWith('verification/'),
    )) {
      const generic = await t.api.get(`/verifications/${verification.id}`);
      expect(generic.status).toBe(200);
      expect(generic.body.data.id).toBe(verification.id);
      expect(generic.body.included).toEqual([]);
      const typed = await t.api.get(`/verification/${paths[verification.type]}/${verification.id}`);
      expect(typed.status).toBe(200);
      expect(typed.body.data.type).toBe(verification.type);
      expect('included' in typed.body).toBe(false);
      const wrong = verification.type === 'verification/selfie' ? 'databases' : 'selfies';
      expect((await t.api.get(`/verification/${wrong}/${verification.id}`)).status).toBe(404);
    }
  });

  it('includes the inquiry when asked and answers 404 / 400 otherwise', async () => {
    const body = await finished('passed');
    const id = body.data.relationships.verifications.data[0].id;
    const withInquiry = await t.api.get(`/verifications/${id}?include=inquiry`);
    expect(withInquiry.body.included.map((r: Json) => r.type)).toEqual(['inquiry']);
    expect((await t.api.get('/verifications/ver_missing')).status).toBe(404);
    expect((await t.api.get('/verification/government-ids/ver_missing')).body).toEqual({
      errors: [{ title: 'Record not found' }],
    });
    expect((await t.api.get(`/verifications/${id}?include=everything`)).status).toBe(400);
  });
});

describe('image files', () => {
  it('serves small PNGs at signed URLs and refuses tampered or expired tokens', async () => {
    const body = await finished('passed');
    const governmentId = byType(body.included, 'verification/government-id');
    const front = governmentId.attributes['front-photo-url'] as string;
    expect(front).toMatch(
      new RegExp(`^${t.sandbox.origin}/files/${governmentId.id}/front\\.png\\?access_token=`),
    );
    expect(governmentId.attributes['photo-urls']).toHaveLength(2);
    const image = await fetch(front);
    expect(image.status).toBe(200);
    expect(image.headers.get('Content-Type')).toBe('image/png');
    const bytes = new Uint8Array(await image.arrayBuffer());
    expect([...bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(bytes.length).toBe(governmentId.attributes['photo-urls'][0]['byte-size']);
    const tampered = front.slice(0, -1) + (front.endsWith('A') ? 'B' : 'A');
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(front.replace('front.png', 'back.png'))).status).toBe(403);
    const selfie = byType(body.included, 'verification/selfie');
    expect((await fetch(selfie.attributes['center-photo-url'])).status).toBe(200);
    await t.controls.advanceClock(7 * 3600);
    expect((await fetch(front)).status).toBe(403);
    await t.controls.advanceClock(-7 * 3600);
  });
});

// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInquiry, page, simulate, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterEach(() => t.controls.reset());
afterAll(() => t.sandbox.close());

const HOUR = 3600;

describe('expiry on the sandbox clock', () => {
  it('expires a created inquiry 24 h after creation, dated at its deadline', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.advanceClock(23 * HOUR);
    expect((await t.api.get(`/inquiries/${data.id}`)).body.data.attributes.status).toBe('created');
    await t.controls.advanceClock(2 * HOUR);
    const attributes = (await t.api.get(`/inquiries/${data.id}`)).body.data.attributes;
    expect(attributes.status).toBe('expired');
    expect(attributes['expired-at']).toBe(data.attributes['expires-at']);
    expect(attributes['updated-at']).toBe(data.attributes['expires-at']);
  });

  it('expires pending inquiries too and shows them in filtered lists', async () => {
    const pending = (await createInquiry(t.api)).data.id;
    await simulate(t.api, pending, 'start_inquiry');
    const completed = (await createInquiry(t.api)).data.id;
    await t.controls.finish(completed, 'passed');
    await t.controls.advanceClock(25 * HOUR);
    const list = await t.api.get('/inquiries?filter[status]=expired');
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([pending]);
    expect((await t.api.get(`/inquiries/${completed}`)).body.data.attributes.status).toBe(
      'completed',
    );
  });

  it('uses expiration-after-start-interval-seconds once started', async () => {
    const { data } = await createInquiry(
      t.api,
      {},
      { 'expiration-after-start-interval-seconds': 60 },
    );
    const started = await simulate(t.api, data.id, 'start_inquiry');
    const attributes = started.body.data.attributes;
    expect(Date.parse(attributes['expires-at']) - Date.parse(attributes['started-at'])).toBe(
      60_000,
    );
    await t.controls.advanceClock(61);
    expect((await t.api.get(`/inquiries/${data.id}`)).body.data.attributes.status).toBe('expired');
  });

  it('resume gives an expired inquiry another 24 h', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.advanceClock(25 * HOUR);
    const resumed = await t.api.post(`/inquiries/${data.id}/resume`);
    expect(resumed.body.data.attributes.status).toBe('pending');
    await t.controls.advanceClock(23 * HOUR);
    expect((await t.api.get(`/inquiries/${data.id}`)).body.data.attributes.status).toBe('pending');
    await t.controls.advanceClock(2 * HOUR);
    expect((await t.api.get(`/inquiries/${data.id}`)).body.data.attributes.status).toBe('expired');
  });

  it('the clock can be set and read', async () => {
    const target = '2031-01-02T03:04:05.000Z';
    const state = await t.controls.setClock(target);
    expect(Math.abs(Date.parse(state.now) - Date.parse(target))).toBeLessThan(1000);
    expect((await t.controls.clock()).offsetSeconds).toBeGreaterThan(0);
  });
});

describe('one-time links', () => {
  it('the first open spends the link; any reopen within 5 minutes still works', async () => {
    const { data, meta } = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
    const first = await page(meta['one-time-link'], { headers: { 'User-Agent': 'First/1.0' } });
    expect(first.status).toBe(200);
    expect(first.html).toContain('Start</button>');
    await t.controls.advanceClock(4 * 60 + 50);
    // Another browser (no cookie) within the grace period: still the flow.
    const second = await page(meta['one-time-link'], { headers: { 'User-Agent': 'Other/2.0' } });
    expect(second.status).toBe(200);
    expect(second.html).toContain('Start</button>');
    const sessions = await t.api.get(`/inquiries/${data.id}?include=sessions`);
    expect(sessions.body.included[0].attributes).toMatchObject({
      status: 'active',
      'user-agent': 'First/1.0',
    });
  });

  it('after the 5-minute grace period the link is refused with a clear page', async () => {
    const { meta } = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
    expect((await page(meta['one-time-link'])).status).toBe(200);
    await t.controls.advanceClock(5 * 60);
    const late = await page(meta['one-time-link']);
    expect(late.status).toBe(410);
    expect(late.html).toContain('Link already used');
    expect(late.html).toContain('already used more than 5 minutes ago');
    expect(late.html).not.toContain('<button');
    // The short form is the same link.
    const short = await page(meta['one-time-link-short']);
    expect((await page(`${t.sandbox.origin}${short.headers.get('location')}`)).status).toBe(410);
  });

  it('an unused link keeps working until it expires: the grace period starts at first use', async () => {
    const { meta } = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
    await t.controls.advanceClock(3 * HOUR);
    expect((await page(meta['one-time-link'])).status).toBe(200);
    await t.controls.advanceClock(60);
    expect((await page(meta['one-time-link'])).status).toBe(200);
  });

  it('the short link redirects to the long one', async () => {
    const { meta } = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
    const short = await page(meta['one-time-link-short']);
    expect(short.status).toBe(302);
    expect(`${t.sandbox.origin}${short.headers.get('location')}`).toBe(meta['one-time-link']);
  });

  it('expires after its lifetime, or with its inquiry', async () => {
    const { data } = await createInquiry(t.api, {}, { 'one-time-link-expiration-seconds': 300 });
    const generated = await t.api.post(`/inquiries/${data.id}/generate-one-time-link`);
    const custom = await t.api.post(`/inquiries/${data.id}/generate-one-time-link`, {
      meta: { 'expires-in-seconds': 3 * HOUR },
    });
    await t.controls.advanceClock(301);
    const expired = await page(generated.body.meta['one-time-link']);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('Link expired');
    expect((await page(custom.body.meta['one-time-link'])).status).toBe(200);

    const other = await createInquiry(t.api, {}, { 'auto-create-one-time-link': true });
    await t.controls.advanceClock(25 * HOUR);
    expect((await page(other.meta['one-time-link'])).status).toBe(410);
  });

  it('unknown codes are a 404 page', async () => {
    const missing = await page(`${t.sandbox.origin}/verify?code=nope`);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Link not found');
  });
});

describe('inquiry-id links', () => {
  it('open only while the inquiry is created, unless a session token comes along', async () => {
    const { data } = await createInquiry(t.api);
    const url = `${t.sandbox.origin}/verify?inquiry-id=${data.id}`;
    expect((await page(url)).status).toBe(200);
    await simulate(t.api, data.id, 'start_inquiry');
    const refused = await page(url);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('can no longer be opened');
    const token = (await t.api.post(`/inquiries/${data.id}/resume`)).body.meta['session-token'];
    const resumed = await page(`${url}&session-token=${token}`);
    expect(resumed.status).toBe(200);
    expect(resumed.html).toContain('Finish as passed');
    expect((await page(`${url}&session-token=${token}x`)).status).toBe(403);
    expect((await page(`${t.sandbox.origin}/verify?inquiry-id=inq_nope`)).status).toBe(404);
    expect((await page(`${t.sandbox.origin}/verify`)).status).toBe(400);
  });
});

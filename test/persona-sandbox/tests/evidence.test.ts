// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  createInquiry,
  type Json,
  startTestSandbox,
  type TestSandbox,
} from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ rateLimitPerMinute: 100_000 });
});
afterAll(() => t.sandbox.close());

const sessionsOf = (body: Json) =>
  (body.included as Json[]).filter((item) => item.type === 'inquiry-session');

describe('device and network of sessions', () => {
  it('demo sessions include VPN, Tor and datacenter ones, with place, device and browser', async () => {
    const ids = await t.controls.seed(6, { statuses: ['needs_review'] });
    const sessions: Json[] = [];
    for (const id of ids) {
      sessions.push(...sessionsOf((await t.api.get(`/inquiries/${id}?include=sessions`)).body));
    }
    const flagged = (flag: string) => sessions.filter((s) => s.attributes[flag] === true).length;
    expect(flagged('is-vpn')).toBeGreaterThan(0);
    expect(flagged('is-tor')).toBeGreaterThan(0);
    expect(flagged('is-datacenter')).toBeGreaterThan(0);
    expect(flagged('is-vpn')).toBeLessThan(sessions.length);
    for (const { attributes } of sessions) {
      expect(attributes['ip-address']).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(attributes['country-code']).toMatch(/^[A-Z]{2}$/);
      expect(attributes['region-name']).toEqual(expect.any(String));
      expect(attributes['browser-name']).toEqual(expect.any(String));
      expect(attributes['threat-level']).toEqual(expect.any(String));
    }
  });

  it('a seed can ask for one network for every session', async () => {
    const [id] = await t.controls.seed(1, { statuses: ['approved'], network: 'vpn' });
    const [session] = sessionsOf((await t.api.get(`/inquiries/${id}?include=sessions`)).body);
    expect(session.attributes['is-vpn']).toBe(true);
    expect(session.attributes['is-tor']).toBe(false);
  });
});

describe('accounts with several inquiries', () => {
  it('demo inquiries come three to an account, listed newest first by filter[account-id]', async () => {
    const ids = await t.controls.seed(6, { referenceIdPrefix: 'acct-demo-' });
    const first = await t.api.get(`/inquiries/${ids[0]}`);
    const account = first.body.data.relationships.account.data.id as string;
    const listed = await t.api.get(`/inquiries?filter[account-id]=${account}`);
    expect(listed.body.data.map((item: Json) => item.id)).toEqual([ids[2], ids[1], ids[0]]);
    const fourth = await t.api.get(`/inquiries/${ids[3]}`);
    expect(fourth.body.data.relationships.account.data.id).not.toBe(account);
  });

  it('a seed can put every inquiry on one account', async () => {
    const ids = await t.controls.seed(4, { accountReferenceId: 'same-person' });
    const accounts = new Set<string>();
    for (const id of ids) {
      accounts.add((await t.api.get(`/inquiries/${id}`)).body.data.relationships.account.data.id);
    }
    expect(accounts.size).toBe(1);
  });

  it('seeded under one reference ID, they share its account, which a new inquiry with it joins', async () => {
    const [seeded] = await t.controls.seed(2, { referenceId: 'cust-777', statuses: ['declined'] });
    const account = (await t.api.get(`/inquiries/${seeded}`)).body.data.relationships.account.data
      .id as string;
    const created = await t.api.post('/inquiries', createBody({ 'reference-id': 'cust-777' }));
    expect(created.body.data.relationships.account.data.id).toBe(account);
    const listed = await t.api.get(`/inquiries?filter[account-id]=${account}`);
    expect(listed.body.data).toHaveLength(3);
  });
});

describe('photos', () => {
  it('serves each photo to an extension origin with CORS, and logs the download', async () => {
    const [id] = await t.controls.seed(1, { statuses: ['needs_review'] });
    const detail = (await t.api.get(`/inquiries/${id}?include=verifications`)).body;
    const gov = detail.included.find((v: Json) => v.type === 'verification/government-id');
    const { lastSeq } = await t.controls.requests();
    const response = await fetch(gov.attributes['front-photo-url'], {
      headers: { Origin: 'chrome-extension://abcdefghijklmnop' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnop',
    );
    const { counts } = await t.controls.requests(lastSeq);
    expect(counts).toEqual({ 'GET /files/:verificationId/:file': 1 });
  });
});

describe('reports, events and the printed inquiry', () => {
  it('a needs-review report names its matches; a passed one has none', async () => {
    const [review, passed] = await t.controls.seed(2, { statuses: ['needs_review', 'completed'] });
    const reportOf = async (id: string) => {
      const detail = await t.api.get(`/inquiries/${id}`);
      return (await t.api.get(`/reports/${detail.body.data.relationships.reports.data[0].id}`))
        .body;
    };
    const matched = await reportOf(review as string);
    expect(matched.data.attributes['has-match']).toBe(true);
    expect(matched.data.attributes['matched-lists'][0]).toMatchObject({
      name: expect.any(String),
      'list-type': 'sanction',
      entities: [{ name: expect.any(String) }],
    });
    expect((await reportOf(passed as string)).data.attributes['matched-lists']).toEqual([]);
    expect((await t.api.get('/reports/rep_nope')).status).toBe(404);
  });

  it('events of an inquiry decided through the API, newest first', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.finish(data.id, 'needs_review');
    await t.controls.advanceClock(1); // the decision comes strictly after the review mark
    await t.api.post(`/inquiries/${data.id}/approve`, { meta: { comment: 'Looks right' } });
    const detail = (await t.api.get(`/inquiries/${data.id}`)).body.data;
    expect(detail.attributes['reviewer-comment']).toBe('Looks right');
    expect(detail.attributes['decisioned-at']).toEqual(expect.any(String));
    const events = (await t.api.get(`/events?filter[object-id]=${data.id}&page[size]=100`)).body;
    const names = events.data.map((e: Json) => e.attributes.name);
    expect(names[0]).toBe('inquiry.approved');
    expect(names).toEqual(
      expect.arrayContaining(['inquiry.created', 'inquiry.started', 'inquiry.marked-for-review']),
    );
    for (const e of events.data) expect(e.attributes.payload.data.id).toBe(data.id);
    const times = events.data.map((e: Json) => Date.parse(e.attributes['created-at']));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const paged = (await t.api.get(`/events?filter[object-id]=${data.id}&page[size]=2`)).body;
    expect(paged.data).toHaveLength(2);
    const next = (await t.api.get(`${t.sandbox.origin}${paged.links.next}`)).body;
    expect(next.data[0].id).toBe(events.data[2].id);
  });

  it('prints a real PDF whose cross-reference table points at its objects', async () => {
    const [id] = await t.controls.seed(1, { statuses: ['needs_review'] });
    const response = await fetch(`${t.sandbox.baseUrl}/inquiries/${id}/print`, {
      headers: { Authorization: `Bearer ${t.sandbox.key}` },
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    for (const [i, offset] of offsets.entries()) {
      expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true);
    }
    expect(pdf).toContain(`(Inquiry ${id}) Tj`);
  });

  it('refuses to print a redacted inquiry', async () => {
    const [id] = await t.controls.seed(1, { statuses: ['completed'] });
    await t.api.delete(`/inquiries/${id}`);
    expect((await t.api.get(`/inquiries/${id}/print`)).status).toBe(409);
  });
});

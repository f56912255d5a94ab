// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInquiry,
  type Json,
  simulate,
  startTestSandbox,
  type TestSandbox,
} from './helpers.ts';

let t: TestSandbox;
/** Ids of the 250 inquiries, newest first. */
let ids: string[];

beforeAll(async () => {
  t = await startTestSandbox({ rateLimitPerMinute: 100_000 });
  ids = (await t.controls.seed(250, { referenceIdPrefix: 'page-' })).reverse();
});
afterAll(() => t.sandbox.close());

const idsOf = (body: Json): string[] => body.data.map((inquiry: Json) => inquiry.id);
const absolute = (link: string) => `${t.sandbox.origin}${link}`;

describe('pagination', () => {
  it('lists newest first, 10 by default, with prev null on the first page', async () => {
    const response = await t.api.get('/inquiries');
    expect(response.status).toBe(200);
    expect(idsOf(response.body)).toEqual(ids.slice(0, 10));
    expect(response.body.links.prev).toBeNull();
    expect(response.body.links.next).toBe(`/api/v1/inquiries?page%5Bafter%5D=${ids[9]}`);
  });

  it('follows links.next to the end and links.prev back to the start over 250 inquiries', async () => {
    const seen: string[] = [];
    const pages: string[] = [];
    let link: string | null = '/api/v1/inquiries?page[size]=30&fields[inquiry]=status';
    while (link) {
      const response = await t.api.get(absolute(link));
      expect(response.status).toBe(200);
      seen.push(...idsOf(response.body));
      pages.push(link);
      link = response.body.links.next;
      if (link) expect(link).toContain('fields%5Binquiry%5D=status');
    }
    expect(seen).toEqual(ids);
    expect(pages).toHaveLength(9);

    const back: string[][] = [];
    let lastPage = await t.api.get(absolute(pages.at(-1) as string));
    back.push(idsOf(lastPage.body));
    let prev: string | null = lastPage.body.links.prev;
    while (prev) {
      expect(prev).toContain('page%5Bbefore%5D=');
      lastPage = await t.api.get(absolute(prev));
      back.unshift(idsOf(lastPage.body));
      prev = lastPage.body.links.prev;
    }
    expect(back.flat()).toEqual(ids);
    expect(back[0]).toEqual(ids.slice(0, 30));
  });

  it('a page[before] page links onward to the next page', async () => {
    const response = await t.api.get(`/inquiries?page[size]=5&page[before]=${ids[10]}`);
    expect(idsOf(response.body)).toEqual(ids.slice(5, 10));
    expect(response.body.links.next).toContain(`page%5Bafter%5D=${ids[9]}`);
    expect(response.body.links.prev).toContain(`page%5Bbefore%5D=${ids[5]}`);
  });

  it.each(['0', '101', 'ten', '2.5'])('refuses page[size]=%s with 400', async (size) => {
    const response = await t.api.get(`/inquiries?page[size]=${size}`);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].details).toBe('page[size] must be an integer between 1 and 100');
  });

  it('refuses both cursors, an unknown cursor, and include on lists with 400', async () => {
    expect(
      (await t.api.get(`/inquiries?page[after]=${ids[1]}&page[before]=${ids[2]}`)).status,
    ).toBe(400);
    expect((await t.api.get('/inquiries?page[after]=inq_nope')).status).toBe(400);
    const include = await t.api.get('/inquiries?include=verifications');
    expect(include.status).toBe(400);
    expect(include.body.errors[0].details).toBe('include is not supported on list endpoints');
  });
});

describe('filters', () => {
  it('filter[inquiry-id] returns exactly those, newest first, up to 100', async () => {
    const wanted = [ids[40], ids[3], ids[200], 'inq_unknown'] as string[];
    const response = await t.api.get(
      `/inquiries?filter[inquiry-id]=${wanted.join(',')}&page[size]=100`,
    );
    expect(idsOf(response.body)).toEqual([ids[3], ids[40], ids[200]]);
    const hundred = await t.api.get(
      `/inquiries?filter[inquiry-id]=${ids.slice(0, 100).join(',')}&page[size]=100`,
    );
    expect(idsOf(hundred.body)).toEqual(ids.slice(0, 100));
    expect(hundred.body.links.next).toBeNull();
  });

  it('filter[inquiry-id] pages too', async () => {
    const list = ids.slice(0, 25).join(',');
    const first = await t.api.get(`/inquiries?filter[inquiry-id]=${list}&page[size]=20`);
    expect(idsOf(first.body)).toEqual(ids.slice(0, 20));
    const second = await t.api.get(absolute(first.body.links.next));
    expect(idsOf(second.body)).toEqual(ids.slice(20, 25));
    expect(second.body.links.next).toBeNull();
  });

  it('refuses more than 100 ids with 400', async () => {
    const response = await t.api.get(
      `/inquiries?filter[inquiry-id]=${ids.slice(0, 101).join(',')}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0].details).toBe(
      'filter[inquiry-id] accepts at most 100 ids, got 101',
    );
  });

  it('filter[status] takes a comma list', async () => {
    const response = await t.api.get('/inquiries?filter[status]=approved,declined&page[size]=100');
    const statuses = new Set(response.body.data.map((inquiry: Json) => inquiry.attributes.status));
    expect(statuses).toEqual(new Set(['approved', 'declined']));
    expect(response.body.data.length).toBe(62);
  });

  it('filter[reference-id], filter[inquiry-template-id] and filter[account-id]', async () => {
    const { data } = await createInquiry(t.api, { 'reference-id': 'unique-ref' });
    const byRef = await t.api.get('/inquiries?filter[reference-id]=unique-ref');
    expect(idsOf(byRef.body)).toEqual([data.id]);
    const byTemplate = await t.api.get(
      '/inquiries?filter[inquiry-template-id]=itmpl_TestTemplate123,itmpl_x',
    );
    expect(idsOf(byTemplate.body)).toEqual([data.id]);
    const account = data.relationships.account.data.id;
    expect(idsOf((await t.api.get(`/inquiries?filter[account-id]=${account}`)).body)).toEqual([
      data.id,
    ]);
  });

  it('filter[created-at-start] and filter[created-at-end] are inclusive', async () => {
    const createdAt = async (id: string | undefined) =>
      (await t.api.get(`/inquiries/${id}`)).body.data.attributes['created-at'];
    const start = await createdAt(ids[100]);
    const end = await createdAt(ids[98]);
    const range = await t.api.get(
      `/inquiries?filter[created-at-start]=${start}&filter[created-at-end]=${end}`,
    );
    expect(idsOf(range.body)).toEqual(ids.slice(98, 101));
    const upTo = await t.api.get(`/inquiries?filter[created-at-end]=${start}&page[size]=1`);
    expect(idsOf(upTo.body)).toEqual([ids[100]]);
    expect((await t.api.get('/inquiries?filter[created-at-start]=yesterday')).status).toBe(400);
  });

  it('filter[note] must stand alone; unknown filters are refused', async () => {
    const { data } = await createInquiry(t.api, { note: 'needle' });
    expect(idsOf((await t.api.get('/inquiries?filter[note]=needle')).body)).toEqual([data.id]);
    expect((await t.api.get('/inquiries?filter[note]=needle&filter[status]=created')).status).toBe(
      400,
    );
    expect((await t.api.get('/inquiries?filter[colour]=blue')).status).toBe(400);
  });

  it('sees status changes made since the last list', async () => {
    const { data } = await createInquiry(t.api, { 'reference-id': 'moving' });
    await simulate(t.api, data.id, 'start_inquiry');
    const response = await t.api.get(
      '/inquiries?filter[reference-id]=moving&fields[inquiry]=status',
    );
    expect(response.body.data).toEqual([
      { type: 'inquiry', id: data.id, attributes: { status: 'pending' }, relationships: {} },
    ]);
  });

  it('never serves a stale inquiry after a change (lists reuse each inquiry’s JSON)', async () => {
    const { data } = await createInquiry(t.api, { 'reference-id': 'cached' });
    const list = async (query = '') =>
      (await t.api.get(`/inquiries?filter[reference-id]=cached${query}`)).body.data[0];
    expect((await list()).attributes.tags).toEqual([]);
    expect((await list('&fields[inquiry]=tags')).attributes.tags).toEqual([]);
    await t.api.post(`/inquiries/${data.id}/add-tag`, { meta: { 'tag-name': 'fresh' } });
    expect((await list()).attributes.tags).toEqual(['fresh']);
    expect((await list('&fields[inquiry]=tags')).attributes.tags).toEqual(['fresh']);
    await t.api.patch(`/inquiries/${data.id}`, {
      data: { attributes: { fields: { 'name-first': 'Ada' } } },
    });
    expect((await list()).attributes.fields['name-first'].value).toBe('Ada');
    await fetch(`${t.sandbox.origin}/verify?inquiry-id=${data.id}`);
    expect((await list()).relationships.sessions.data).toHaveLength(1);
    await t.controls.finish(data.id, 'passed');
    const finished = await list();
    expect(finished.attributes.status).toBe('completed');
    expect(finished.relationships.verifications.data).toHaveLength(3);
    const snake = await t.api.get('/inquiries?filter[reference-id]=cached', {
      'Key-Inflection': 'snake',
    });
    expect(snake.body.data[0].attributes.reference_id).toBe('cached');
  });
});

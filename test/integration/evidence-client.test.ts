// @vitest-environment node
// The client's evidence reads against the local sandbox over real HTTP: one detail request with
// verifications, reports and sessions; a report's matches; an inquiry's events; the printed PDF;
// photos from the sandbox's own origin, and never from anywhere else. Counted in the request log.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../src/shared/errors.ts';
import { createPersonaClient } from '../../src/shared/persona/client.ts';
import type { FetchLike } from '../../src/shared/persona/fetch-with-timeout.ts';
import { DETAIL_INCLUDE } from '../../src/shared/persona/inquiry-reads.ts';
import { photoFetcher } from '../../src/shared/persona/photo-fetch.ts';
import { useSandbox } from './use-sandbox.ts';

/** What the English catalogue says when a photo's host is not Persona's. */
const WITHHELD_MESSAGE = 'Photo withheld: unexpected host';

const env = useSandbox();

const client = () => createPersonaClient({ apiKey: env.sandbox.key, baseUrl: env.sandbox.baseUrl });

async function countSince(run: () => Promise<unknown>) {
  const { lastSeq } = await env.controls.requests();
  await run();
  return (await env.controls.requests(lastSeq)).counts;
}

describe('the detail in one request', () => {
  it('brings verifications with photos and scores, reports and sessions with their network', async () => {
    const [id] = await env.controls.seed(1, { statuses: ['needs_review'], network: 'vpn' });
    let view: Awaited<ReturnType<ReturnType<typeof client>['getInquiry']>>['data'] | undefined;
    const counts = await countSince(async () => {
      view = (await client().getInquiry(id as string, { include: DETAIL_INCLUDE })).data;
    });
    expect(counts).toEqual({ 'GET /inquiries/:id': 1 });
    const gov = view?.verifications.find((v) => v.type === 'verification/government-id');
    const selfie = view?.verifications.find((v) => v.type === 'verification/selfie');
    expect(gov?.photos?.map((p) => p.name)).toEqual(['front-photo-url', 'back-photo-url']);
    expect(selfie?.photos?.map((p) => p.name)).toEqual([
      'center-photo-url',
      'left-photo-url',
      'right-photo-url',
    ]);
    expect(selfie?.scores?.[0]?.name).toBe('document-similarity-score');
    expect(view?.sessions?.[0]).toMatchObject({ isVpn: true, countryCode: 'NL' });
    expect(view?.reports[0]?.hasMatch).toBe(true);
  });
});

describe('evidence opened on demand', () => {
  it('reads a report with its matches, the events, and the PDF: one request each', async () => {
    const [id] = await env.controls.seed(1, { statuses: ['declined'] });
    const c = client();
    const detail = (await c.getInquiry(id as string, { include: DETAIL_INCLUDE })).data;
    const reportId = detail.reports[0]?.id as string;
    const [needsReview] = await env.controls.seed(1, { statuses: ['needs_review'] });
    const matched = (await c.getInquiry(needsReview as string, { include: ['reports'] })).data;
    const counts = await countSince(async () => {
      const report = (await c.getReport(matched.reports[0]?.id as string)).data;
      expect(report.matches?.[0]).toMatchObject({ list: expect.stringContaining('Sanctions') });
      expect((await c.getReport(reportId)).data.matches).toEqual([]);
      const events = (await c.listEvents(id as string)).data;
      expect(events[0]?.name).toBe('inquiry.declined');
      expect(events.map((e) => e.name)).toContain('inquiry.created');
      const printed = await c.printInquiry(id as string);
      expect(printed.filename).toBe(`${id}.pdf`);
      expect(new TextDecoder().decode(printed.bytes.slice(0, 5))).toBe('%PDF-');
    });
    expect(counts).toEqual({
      'GET /reports/:id': 2,
      'GET /events': 1,
      'GET /inquiries/:id/print': 1,
    });
  });

  it('reports the print’s rate-limit headers like any other answer', async () => {
    const [id] = await env.controls.seed(1, { statuses: ['completed'] });
    const seen: number[] = [];
    const c = createPersonaClient({
      apiKey: env.sandbox.key,
      baseUrl: env.sandbox.baseUrl,
      onResponse: ({ rateLimit }) => {
        if (rateLimit) seen.push(rateLimit.limit ?? 0);
      },
    });
    await c.printInquiry(id as string);
    expect(seen).toHaveLength(1);
  });

  it('asks for the PDF again after a 503, as for any read', async () => {
    const [id] = await env.controls.seed(1, { statuses: ['completed'] });
    await env.controls.setFaults({
      errorNext: 1,
      errorRoute: 'GET /inquiries/:id/print',
      errorStatuses: [503],
    });
    const c = createPersonaClient({
      apiKey: env.sandbox.key,
      baseUrl: env.sandbox.baseUrl,
      sleep: async () => undefined,
    });
    const counts = await countSince(async () => {
      const printed = await c.printInquiry(id as string);
      expect(new TextDecoder().decode(printed.bytes.slice(0, 5))).toBe('%PDF-');
    });
    expect(counts).toEqual({ 'GET /inquiries/:id/print': 2 });
  });

  it('refuses an answer to the print that is not a PDF', async () => {
    const c = createPersonaClient({
      apiKey: env.sandbox.key,
      baseUrl: env.sandbox.baseUrl,
      fetch: async () => new Response('<html>sign in</html>', { status: 200 }),
    });
    await expect(c.printInquiry('inq_AAAAAA111111')).rejects.toMatchObject({
      info: { kind: 'bad_response' },
    });
  });

  it('maps a missing inquiry’s print to not_found', async () => {
    await expect(client().printInquiry('inq_missing')).rejects.toMatchObject({
      info: { kind: 'not_found' },
    });
  });
});

describe('photos', () => {
  it('downloads each photo from the sandbox origin with cache: no-store, one request each', async () => {
    const [id] = await env.controls.seed(1, { statuses: ['needs_review'] });
    const view = (await client().getInquiry(id as string, { include: DETAIL_INCLUDE })).data;
    const photos = view.verifications.flatMap((v) => v.photos ?? []);
    const inits: RequestInit[] = [];
    const recording: FetchLike = (url, init) => {
      inits.push(init);
      return fetch(url, init);
    };
    const fetchPhoto = photoFetcher({ baseUrl: env.sandbox.baseUrl, fetch: recording });
    const counts = await countSince(async () => {
      for (const photo of photos) {
        const image = await fetchPhoto(photo.url);
        expect(image.type).toBe('image/png');
        expect([...image.bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
      }
    });
    expect(counts).toEqual({ 'GET /files/:verificationId/:file': photos.length });
    // No cookies, nothing on disk, and a redirect is never followed.
    expect(
      inits.every(
        (init) =>
          init.cache === 'no-store' && init.redirect === 'manual' && init.credentials === 'omit',
      ),
    ).toBe(true);
  });

  it('says a photo host’s 5xx is a server problem, not an unreadable answer', async () => {
    const fetchPhoto = photoFetcher({
      baseUrl: 'https://api.withpersona.com/api/v1',
      fetch: async () => new Response('busy', { status: 503 }),
    });
    await expect(fetchPhoto('https://files.withpersona.com/abc/front.jpg')).rejects.toMatchObject({
      info: { kind: 'server', status: 503 },
    });
  });

  it('refuses a photo answer that redirects, without following it', async () => {
    const calls: string[] = [];
    const fetchPhoto = photoFetcher({
      baseUrl: 'https://api.withpersona.com/api/v1',
      fetch: async (url) => {
        calls.push(url);
        return new Response(null, { status: 302, headers: { location: 'https://evil.example/' } });
      },
    });
    await expect(fetchPhoto('https://files.withpersona.com/abc/front.jpg')).rejects.toMatchObject({
      info: { kind: 'network' },
    });
    expect(calls).toEqual(['https://files.withpersona.com/abc/front.jpg']);
  });

  it('withholds a photo on any other host without fetching it', async () => {
    const calls: string[] = [];
    const fetchPhoto = photoFetcher({
      baseUrl: env.sandbox.baseUrl,
      fetch: async (url) => {
        calls.push(url);
        return new Response('');
      },
    });
    for (const url of [
      'https://evil.example/front.png',
      'http://files.withpersona.com/x.png',
      'https://files.withpersona.com.evil.example/x.png',
      'http://127.0.0.1:1/files/x.png',
      'not a url',
    ]) {
      const error = await fetchPhoto(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeskError);
      expect((error as DeskError).info.message).toBe(WITHHELD_MESSAGE);
    }
    expect(calls).toEqual([]);
    // With Persona's API configured, the loopback sandbox is no longer a photo host.
    const production = photoFetcher({
      baseUrl: 'https://api.withpersona.com/api/v1',
      fetch: async (url) => {
        calls.push(url);
        return new Response('', { headers: { 'content-type': 'image/jpeg' } });
      },
    });
    await expect(production(`${env.sandbox.origin}/files/a/front.png`)).rejects.toThrow(
      WITHHELD_MESSAGE,
    );
    await production('https://files.withpersona.com/abc/front.jpg?access_token=t');
    expect(calls).toEqual(['https://files.withpersona.com/abc/front.jpg?access_token=t']);
  });
});

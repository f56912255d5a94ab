// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInquiry, page, pressButton, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());

/** Accessible names of the page's buttons (their text content; the page uses no aria-label). */
function buttons(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1] as string);
}

async function openLink() {
  const created = await createInquiry(
    t.api,
    { 'redirect-uri': 'https://example.com/done' },
    {
      'auto-create-one-time-link': true,
    },
  );
  const opened = await page(created.meta['one-time-link'], {
    headers: { 'User-Agent': 'FlowTest/1.0' },
  });
  return { id: created.data.id as string, opened };
}

/** What a browser does after a form post: follow the 303 to the page it names. */
async function follow(response: { status: number; headers: Headers }) {
  expect(response.status).toBe(303);
  return page(`${t.sandbox.origin}${response.headers.get('location')}`);
}

describe('hosted flow page', () => {
  it('is a self-contained page with a sandbox banner and a Start button', async () => {
    const { opened } = await openLink();
    expect(opened.status).toBe(200);
    expect(opened.headers.get('Content-Type')).toContain('text/html');
    expect(opened.html).toContain('role="note">Sandbox');
    expect(opened.html).not.toMatch(/<(script|link)\b|src="http/);
    expect(opened.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(buttons(opened.html)).toEqual(['Start']);
    expect(opened.html).toContain('Status: <strong>created</strong>');
  });

  it.each([
    ['Finish as passed', 'completed', 'finish_passed'],
    ['Finish as failed', 'failed', 'finish_failed'],
    ['Finish as needs review', 'needs_review', 'finish_needs_review'],
  ])('Start, then "%s", moves the inquiry to %s', async (label, status, action) => {
    const { id, opened } = await openLink();
    const started = await follow(await pressButton(t.sandbox.origin, opened.html, 'start'));
    expect(started.status).toBe(200);
    expect(buttons(started.html)).toEqual([
      'Finish as passed',
      'Finish as failed',
      'Finish as needs review',
    ]);
    expect(started.html).toMatch(new RegExp(`value="${action}"[^>]*>${label}</button>`));
    const pending = (await t.api.get(`/inquiries/${id}?include=sessions`)).body;
    expect(pending.data.attributes.status).toBe('pending');
    expect(pending.data.attributes['started-at']).not.toBeNull();
    const session = pending.included.find((r: { type: string }) => r.type === 'inquiry-session');
    expect(session.attributes).toMatchObject({ status: 'active', 'user-agent': 'FlowTest/1.0' });

    const done = await follow(await pressButton(t.sandbox.origin, started.html, action));
    expect(done.html).toContain(`Status: <strong>${status}</strong>`);
    expect(buttons(done.html)).toEqual([]);
    expect(done.html).toContain(`https://example.com/done?inquiry-id=${id}`);
    const inquiry = (await t.api.get(`/inquiries/${id}`)).body.data;
    expect(inquiry.attributes.status).toBe(status);
    expect(inquiry.relationships.verifications.data.map((v: { type: string }) => v.type)).toEqual([
      'verification/government-id',
      'verification/selfie',
      'verification/database',
    ]);
    expect(inquiry.relationships.reports.data).toHaveLength(1);
    expect(inquiry.attributes.fields['name-first'].value).toEqual(expect.any(String));
  });

  it('refuses a finish twice with 409 and unknown page sessions with 410', async () => {
    const { opened } = await openLink();
    const started = await follow(await pressButton(t.sandbox.origin, opened.html, 'start'));
    await pressButton(t.sandbox.origin, started.html, 'finish_passed');
    const again = await pressButton(t.sandbox.origin, started.html, 'finish_failed');
    expect(again.status).toBe(409);
    expect(again.html).toContain('role="alert"');
    const unknown = await pressButton(t.sandbox.origin, started.html, 'dance');
    expect(unknown.status).toBe(400);
    const gone = await pressButton(t.sandbox.origin, '<input name="flow" value="nope">', 'start');
    expect(gone.status).toBe(410);
    expect((await page(`${t.sandbox.origin}/verify?flow=nope`)).status).toBe(410);
  });

  it('shows an expired inquiry as expired and ends the page session with time', async () => {
    const { id, opened } = await openLink();
    await t.controls.advanceClock(25 * 3600);
    const flow = /name="flow" value="([^"]+)"/.exec(opened.html)?.[1];
    expect((await page(`${t.sandbox.origin}/verify?flow=${flow}`)).status).toBe(410);
    await t.controls.advanceClock(-25 * 3600);
    expect((await t.api.get(`/inquiries/${id}`)).body.data.attributes.status).toBe('expired');
  });

  it('the /__sandbox finish control does what the page does', async () => {
    const { data } = await createInquiry(t.api);
    await t.controls.finish(data.id, 'needs_review');
    expect((await t.api.get(`/inquiries/${data.id}`)).body.data.attributes.status).toBe(
      'needs_review',
    );
    await expect(t.controls.finish(data.id, 'passed')).rejects.toThrow(/409/);
    await expect(t.controls.finish('inq_missing', 'passed')).rejects.toThrow(/404/);
  });
});

describe('dashboard stand-in', () => {
  it('shows an inquiry with its verifications, checks and images', async () => {
    const { data } = await createInquiry(t.api, { 'reference-id': 'dash-1' });
    await t.controls.finish(data.id, 'failed');
    const detail = await page(`${t.sandbox.origin}/dashboard/inquiries/${data.id}`);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('Status: <strong>failed</strong>');
    expect(detail.html).toContain('id_expired_detection');
    expect(detail.html).toMatch(/<img alt="government-id front" src="[^"]+\/files\/ver_/);
    const list = await page(`${t.sandbox.origin}/dashboard`);
    expect(list.html).toContain(`/dashboard/inquiries/${data.id}`);
    expect((await page(`${t.sandbox.origin}/dashboard/inquiries/inq_nope`)).status).toBe(404);
    expect((await page(`${t.sandbox.origin}/`)).headers.get('location')).toBe('/dashboard');
  });
});

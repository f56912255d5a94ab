// @vitest-environment node
// The background's create against the sandbox, which stores and replays a 5xx answer under its
// Idempotency-Key as Persona does: after a 5xx the create finds what the first try made, or makes
// it under a new key, and never sends the key whose stored answer is the 500.
import { describe, expect, it } from 'vitest';
import { createInquiry } from '../../src/background/create/create-inquiry.ts';
import { useSandbox } from './use-sandbox.ts';

const TEMPLATE = 'itmpl_DeskRecovery0001';
const env = useSandbox({ connectDesk: true });

async function creates() {
  return (await env.controls.requests()).requests.filter((r) => r.route === 'POST /inquiries');
}

async function inquiriesFor(referenceId: string) {
  const url = `${env.sandbox.baseUrl}/inquiries?filter[reference-id]=${referenceId}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${env.sandbox.key}` } });
  return ((await response.json()) as { data: Array<{ id: string }> }).data.map((i) => i.id);
}

const request = (key: string, referenceId?: string, templateId = TEMPLATE) => ({
  type: 'createInquiry' as const,
  idempotencyKey: key,
  templateId,
  ...(referenceId ? { referenceId } : {}),
});

/** The template relationships of an inquiry as the sandbox holds it. */
async function templatesOf(id: string) {
  const url = `${env.sandbox.baseUrl}/inquiries/${id}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${env.sandbox.key}` } });
  const { data } = (await response.json()) as {
    data: { relationships: Record<string, { data: { id: string } | null }> };
  };
  const idOf = (name: string) => data.relationships[name]?.data?.id ?? null;
  return {
    template: idOf('inquiry-template'),
    version: idOf('inquiry-template-version'),
    legacy: idOf('template'),
  };
}

describe('a create that met a 5xx', () => {
  it('adopts the inquiry the failed try made: exactly one inquiry', async () => {
    await env.controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries',
      errorStatuses: [500],
      errorTiming: 'after',
    });
    const reply = await createInquiry(request('click-after-0001', 'rec-after'));
    expect(reply.recovery).toBe('adopted');
    expect(await inquiriesFor('rec-after')).toEqual([reply.inquiry.id]);
    expect((await creates()).map((r) => r.status)).toEqual([500]);
    expect(reply.link?.url).toMatch(/verify/);
  });

  it('makes it under a new key when nothing was made, and never replays the stored 500', async () => {
    await env.controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries',
      errorStatuses: [500],
      errorTiming: 'before',
    });
    const reply = await createInquiry(request('click-before-0001', 'rec-before'));
    expect(reply.recovery).toBe('retried');
    expect(await inquiriesFor('rec-before')).toEqual([reply.inquiry.id]);
    expect((await creates()).map((r) => r.status)).toEqual([500, 201]);

    // The reviewer's own retry with the first key would get the stored 500 from Persona:
    // the sandbox replays it, which is why the background never sends that key again.
    await expect(createInquiry(request('click-before-0001', 'rec-before'))).resolves.toMatchObject({
      recovery: 'adopted',
      inquiry: { id: reply.inquiry.id },
    });
    expect(await inquiriesFor('rec-before')).toEqual([reply.inquiry.id]);
  });
});

describe('a create by template version or legacy template id that met a 5xx', () => {
  const after500 = () =>
    env.controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries',
      errorStatuses: [500],
      errorTiming: 'after',
    });

  // The inquiry names its template and the version it was made from; the look-up matches either.
  it('adopts what a create by version (itmplv_) made: exactly one inquiry, from that version', async () => {
    const version = 'itmplv_DeskRecoveryV0001';
    await after500();
    const reply = await createInquiry(request('click-version-0001', 'rec-version', version));
    expect(reply.recovery).toBe('adopted');
    expect(await inquiriesFor('rec-version')).toEqual([reply.inquiry.id]);
    expect((await creates()).map((r) => r.status)).toEqual([500]);
    expect((await templatesOf(reply.inquiry.id)).version).toBe(version);
    expect(reply.inquiry.templateVersionId).toBe(version);
  });

  it('adopts what a create by legacy template (tmpl_) made', async () => {
    const legacy = 'tmpl_DeskRecoveryLegacy1';
    await after500();
    const reply = await createInquiry(request('click-legacy-0001', 'rec-legacy', legacy));
    expect(reply.recovery).toBe('adopted');
    expect(await inquiriesFor('rec-legacy')).toEqual([reply.inquiry.id]);
    expect((await templatesOf(reply.inquiry.id)).legacy).toBe(legacy);
  });

  it('does not adopt an inquiry of the same reference made from another version', async () => {
    const other = await createInquiry(
      request('click-version-other', 'rec-two-versions', 'itmplv_DeskRecoveryV0002'),
    );
    await env.controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries',
      errorStatuses: [500],
      errorTiming: 'before',
    });
    const reply = await createInquiry(
      request('click-version-mine', 'rec-two-versions', 'itmplv_DeskRecoveryV0003'),
    );
    expect(reply.recovery).toBe('retried');
    expect(reply.inquiry.id).not.toBe(other.inquiry.id);
    expect((await templatesOf(reply.inquiry.id)).version).toBe('itmplv_DeskRecoveryV0003');
  });
});

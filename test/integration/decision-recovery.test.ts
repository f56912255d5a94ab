// @vitest-environment node
// A decision whose answer was lost (a 5xx after Persona acted, say) against the sandbox, which can
// fail a request after doing it: the background reads the inquiry once, and a decision Persona
// holds is reported as made, not as failed.
import { describe, expect, it, vi } from 'vitest';
import { createInquiry } from '../../src/background/create/create-inquiry.ts';
import { changeTag, inquiryAction, newLink } from '../../src/background/handlers/actions.ts';
import { cachedInquiry } from '../../src/background/inquiry-cache.ts';
import { DeskError } from '../../src/shared/errors.ts';
import { linksItem } from '../../src/shared/generated/stored-items.ts';
import { readItem } from '../../src/shared/storage.ts';
import { useSandbox } from './use-sandbox.ts';

// The reads after a lost answer back off as Persona asks (retry-policy.ts): three retries took
// two to three seconds a test. How long they wait is no part of what these tests check; that
// they retry, and what the decision is reported as, is.
vi.mock('../../src/shared/persona/retry-policy.ts', async (importOriginal) => {
  const policy = await importOriginal<typeof import('../../src/shared/persona/retry-policy.ts')>();
  return {
    ...policy,
    defaultRetryPolicy: { ...policy.defaultRetryPolicy, baseDelayMs: 20, maxDelayMs: 80 },
  };
});

const env = useSandbox({ connectDesk: true });

async function completedInquiry(): Promise<string> {
  const reply = await createInquiry({
    type: 'createInquiry',
    idempotencyKey: crypto.randomUUID(),
    templateId: 'itmpl_DeskDecision0001',
  });
  await env.controls.finish(reply.inquiry.id, 'passed');
  return reply.inquiry.id;
}

const approveFails = (errorTiming: 'before' | 'after') =>
  env.controls.setFaults({
    errorNext: 1,
    errorRoute: 'POST /inquiries/:id/approve',
    errorStatuses: [503],
    errorTiming,
  });

describe('a decision that met a 5xx', () => {
  it('is reported as made when Persona made it before failing', async () => {
    const id = await completedInquiry();
    await approveFails('after');
    const reply = await inquiryAction({
      type: 'inquiryAction',
      id,
      action: 'approve',
      comment: 'ok',
    });
    expect(reply.inquiry.status).toBe('approved');
  });

  it('is reported as failed when Persona did not make it, and nothing is retried', async () => {
    const id = await completedInquiry();
    await approveFails('before');
    const error = await inquiryAction({ type: 'inquiryAction', id, action: 'approve' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).info).toMatchObject({ kind: 'server', status: 503 });
    const approves = (await env.controls.requests()).requests.filter(
      (r) => r.route === 'POST /inquiries/:id/approve',
    );
    expect(approves.map((r) => r.status)).toEqual([503]);
  });
});

// Persona answered the change (200), then every try of the read after it met a 503: the transport
// tries a read four times in all.
const readsFail = () =>
  env.controls.setFaults({
    errorNext: 4,
    errorRoute: 'GET /inquiries/:id',
    errorStatuses: [503],
    errorTiming: 'before',
  });

describe('a change Persona made, whose read after it failed', () => {
  it('is a decision made, with the status Persona answered, not a failure', async () => {
    const id = await completedInquiry();
    await readsFail();
    const reply = await inquiryAction({ type: 'inquiryAction', id, action: 'approve' });
    expect(reply.inquiry.status).toBe('approved');
    expect((await cachedInquiry(id))?.inquiry.status).toBe('approved');
    const routes = (await env.controls.requests()).requests.map((r) => `${r.route} ${r.status}`);
    expect(routes.filter((r) => r.startsWith('GET /inquiries/:id '))).toEqual(
      Array(4).fill('GET /inquiries/:id 503'),
    );
  });

  it('is a new link shown, the one Persona made, not thrown away', async () => {
    const { inquiry } = await createInquiry({
      type: 'createInquiry',
      idempotencyKey: crypto.randomUUID(),
      templateId: 'itmpl_DeskDecision0001',
    });
    const id = inquiry.id;
    const before = await newLink({ type: 'newLink', id });
    // New link reads the status first: the reads fail only once the link is on its way.
    const reads = async () =>
      (await env.controls.requests()).requests.filter((r) => r.route === 'GET /inquiries/:id')
        .length;
    const readsBefore = await reads();
    await env.controls.setFaults({
      latencyMs: 500,
      latencyRoute: 'POST /inquiries/:id/generate-one-time-link',
    });
    const answer = newLink({ type: 'newLink', id });
    await vi.waitFor(async () => expect(await reads()).toBe(readsBefore + 1));
    await readsFail();
    const reply = await answer;
    expect(reply.link.url).not.toBe(before.link.url);
    expect((await readItem(linksItem))[id]?.url).toBe(reply.link.url);
    const links = (await env.controls.requests()).requests.filter(
      (r) => r.route === 'POST /inquiries/:id/generate-one-time-link',
    );
    expect(links).toHaveLength(2);
  });

  it('is a tag added, with the tags Persona answered', async () => {
    const id = await completedInquiry();
    await readsFail();
    const reply = await changeTag({ type: 'changeTag', id, change: 'add', tag: 'vip' });
    expect(reply.inquiry.tags).toContain('vip');
  });
});

/**
 * A colleague's decision, made in Persona `minutesAgo` minutes ago; Persona's clock (the sandbox's)
 * is then `offset` minutes off this computer's.
 */
async function decidedInPersona(
  id: string,
  action: 'approve' | 'decline',
  minutesAgo: number,
  offset = 0,
) {
  await env.controls.setClock(new Date(Date.now() + (offset - minutesAgo) * 60_000));
  const response = await fetch(`${env.sandbox.baseUrl}/inquiries/${id}/${action}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.sandbox.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ meta: { comment: 'decided by a colleague' } }),
  });
  expect(response.status).toBe(200);
  await env.controls.setClock(new Date(Date.now() + offset * 60_000));
}

describe('the same decision, made by someone else before the request', () => {
  it('is a refusal in this status, not this reviewer’s decision, though Persona answers it as done', async () => {
    const id = await completedInquiry();
    await decidedInPersona(id, 'approve', 1);
    const error = await inquiryAction({
      type: 'inquiryAction',
      id,
      action: 'approve',
      comment: 'my own reasons',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).info.kind).toBe('conflict');
    expect((error as DeskError).info.message).toMatch(/^Already “Approved” before your request/);
    // The inquiry as read is kept for the other pages and the watchlist all the same.
    expect((await cachedInquiry(id))?.inquiry.status).toBe('approved');
    // The colleague's approve and the desk's one: nothing sent twice.
    const approves = (await env.controls.requests()).requests.filter(
      (r) => r.route === 'POST /inquiries/:id/approve',
    );
    expect(approves).toHaveLength(2);
  });

  it('is one too when its answer was lost (a 5xx) and the read shows the earlier decision', async () => {
    const id = await completedInquiry();
    await decidedInPersona(id, 'decline', 1);
    await env.controls.setFaults({
      errorNext: 1,
      errorRoute: 'POST /inquiries/:id/decline',
      errorStatuses: [503],
      errorTiming: 'after',
    });
    const error = await inquiryAction({ type: 'inquiryAction', id, action: 'decline' }).catch(
      (e: unknown) => e,
    );
    expect((error as DeskError).info?.kind).toBe('conflict');
  });

  it.each([
    ['behind', -5],
    ['ahead of', 5],
  ])(
    'is this reviewer’s own when Persona’s clock is minutes %s the computer’s',
    async (_, minutes) => {
      // The sandbox's clock stands for Persona's; this process's for the reviewer's computer.
      await env.controls.setClock(new Date(Date.now() + minutes * 60_000));
      const id = await completedInquiry();
      const reply = await inquiryAction({ type: 'inquiryAction', id, action: 'approve' });
      expect(reply.inquiry.status).toBe('approved');
      expect(reply.inquiry.timestamps.decisionedAt).toBeDefined();
      // And a colleague's, before it, is still told apart on that clock.
      const other = await completedInquiry();
      await decidedInPersona(other, 'approve', 1, minutes);
      const error = await inquiryAction({
        type: 'inquiryAction',
        id: other,
        action: 'approve',
      }).catch((e: unknown) => e);
      expect((error as DeskError).info?.kind).toBe('conflict');
    },
  );
});

// @vitest-environment node
// A decision whose answer was lost (a 5xx after Persona acted, say) against the sandbox, which can
// fail a request after doing it: the background reads the inquiry once, and a decision Persona
// holds is reported as made, not as failed.
import { describe, expect, it } from 'vitest';
import { createInquiry } from '../../src/background/create/create-inquiry.ts';
import { inquiryAction } from '../../src/background/handlers/actions.ts';
import { DeskError } from '../../src/shared/errors.ts';
import { useSandbox } from './use-sandbox.ts';

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

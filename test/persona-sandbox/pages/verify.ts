import { type Context, Hono } from 'hono';
import { canOpenFlow, StateConflict, startInquiry } from '../core/lifecycle.ts';
import { finishInquiry } from '../core/outcomes.ts';
import { createSession, verifySessionToken } from '../core/sessions.ts';
import type { FinishOutcome, InquiryRecord } from '../core/types.ts';
import type { SandboxEnv } from '../http/env.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { flowBody, RESULT } from './flow-page.ts';
import { LINK_GRACE_MS } from './flow-sessions.ts';
import { messagePage, renderPage } from './layout.ts';

const FINISH: Record<string, FinishOutcome> = {
  finish_passed: 'passed',
  finish_failed: 'failed',
  finish_needs_review: 'needs_review',
};
function showFlow(c: Context<SandboxEnv>, inquiry: InquiryRecord, token: string) {
  return renderPage(c, 'Verify your identity', flowBody(inquiry, token));
}

/** The hosted flow (`/verify?code=…`, `/verify?inquiry-id=…`), where a person plays the end user. */
export function verifyRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  const { store, flows } = runtime;

  app.get('/l/:code', (c) =>
    c.redirect(`/verify?code=${encodeURIComponent(c.req.param('code'))}`, 302),
  );

  app.get('/verify', (c) => {
    const now = runtime.now();
    const flowToken = c.req.query('flow');
    if (flowToken !== undefined) {
      const flow = flows.find(flowToken, now);
      const inquiry = flow ? store.inquiries.get(flow.inquiryId) : undefined;
      if (!inquiry)
        return messagePage(
          c,
          410,
          'Session ended',
          'This page session has ended. Open your link again.',
        );
      return showFlow(c, inquiry, flowToken);
    }

    const code = c.req.query('code');
    if (code !== undefined) {
      const link = store.links.get(code);
      const inquiry = link ? store.inquiries.get(link.inquiryId) : undefined;
      if (!link || !inquiry)
        return messagePage(c, 404, 'Link not found', 'This verification link does not exist.');
      // Persona: one-time links are single use, with a 5-minute grace period after the first
      // use. The first open spends the link; any open within the grace period still works.
      if (link.usedAt !== null && now >= link.usedAt + LINK_GRACE_MS) {
        return messagePage(
          c,
          410,
          'Link already used',
          'This one-time link was already used more than 5 minutes ago, so it no longer works. Ask for a new link.',
        );
      }
      const session = store.sessions.get(link.sessionId);
      if (link.expiresAt <= now || session?.status === 'expired' || inquiry.status === 'expired') {
        return messagePage(c, 410, 'Link expired', 'This link has expired. Ask for a new link.');
      }
      if (!canOpenFlow(inquiry)) {
        return messagePage(
          c,
          410,
          'Verification finished',
          RESULT[inquiry.status] ?? 'This verification is finished.',
        );
      }
      if (link.usedAt === null) {
        link.usedAt = now;
        if (session) {
          session.status = 'active';
          session.startedAt = now;
          session.userAgent = c.req.header('User-Agent') ?? null;
        }
        store.changed();
      }
      const token = flows.open(inquiry.id, link.sessionId, now);
      return showFlow(c, inquiry, token);
    }

    const inquiryId = c.req.query('inquiry-id');
    if (inquiryId !== undefined) {
      const inquiry = store.inquiries.get(inquiryId);
      if (!inquiry) return messagePage(c, 404, 'Not found', 'No inquiry has this id.');
      const sessionToken = c.req.query('session-token');
      const claims = sessionToken ? verifySessionToken(runtime.secret, sessionToken, now) : null;
      const resumable = claims?.inquiryId === inquiry.id && canOpenFlow(inquiry);
      // Persona: a bare inquiry-id link only opens a `created` inquiry; later it needs a token.
      if (!resumable && inquiry.status !== 'created') {
        return messagePage(
          c,
          403,
          'Link no longer valid',
          'This inquiry can no longer be opened with its id. Ask for a new link.',
        );
      }
      const sessionId = claims?.sessionId ?? createSession(store, inquiry, now).id;
      store.touch(inquiry);
      return showFlow(c, inquiry, flows.open(inquiry.id, sessionId, now));
    }
    return messagePage(c, 400, 'Missing link', 'Open the verification link you were sent.');
  });

  app.post('/verify/actions', async (c) => {
    const now = runtime.now();
    const form = await c.req.parseBody();
    const token = typeof form.flow === 'string' ? form.flow : '';
    const flow = flows.find(token, now);
    const inquiry = flow ? store.inquiries.get(flow.inquiryId) : undefined;
    if (!inquiry)
      return messagePage(
        c,
        410,
        'Session ended',
        'This page session has ended. Open your link again.',
      );
    const action = typeof form.action === 'string' ? form.action : '';
    try {
      const outcome = FINISH[action];
      if (action === 'start') {
        startInquiry(inquiry, now);
        store.touch(inquiry);
      } else if (outcome) {
        finishInquiry(store, inquiry, outcome, now);
      } else {
        return renderPage(
          c,
          'Verify your identity',
          flowBody(inquiry, token, 'Unknown action.'),
          400,
        );
      }
    } catch (error) {
      if (!(error instanceof StateConflict)) throw error;
      return renderPage(c, 'Verify your identity', flowBody(inquiry, token, error.message), 409);
    }
    return c.redirect(`/verify?flow=${encodeURIComponent(token)}`, 303);
  });

  return app;
}

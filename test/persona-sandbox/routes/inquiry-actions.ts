import { Hono } from 'hono';
import { expireNow } from '../core/expiry.ts';
import {
  assertNotRedacted,
  decideInquiry,
  markForReview,
  resumeInquiry,
  StateConflict,
} from '../core/lifecycle.ts';
import { createOneTimeLink, linkUrls, reusableSession, sessionToken } from '../core/sessions.ts';
import { performSimulateActions, SimulateActionRefused } from '../core/simulate.ts';
import type { InquiryRecord } from '../core/types.ts';
import { readBody } from '../http/body.ts';
import type { SandboxEnv } from '../http/env.ts';
import { unprocessable } from '../http/errors.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import {
  oneTimeLinkBody,
  reviewBody,
  setTagsBody,
  simulateBody,
  tagBody,
} from '../http/schemas.ts';
import { answerInquiry, findInquiry } from './lookup.ts';

function tagName(meta: { 'tag-name'?: string; 'tag-id'?: string } | undefined): string {
  const name = meta?.['tag-name'] ?? meta?.['tag-id'];
  if (!name) throw unprocessable('meta.tag-name is missing', '/meta/tag-name');
  return name;
}

export function inquiryActionRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  const { store } = runtime;
  const changed = (inquiry: InquiryRecord, now: number) => {
    inquiry.updatedAt = now;
    store.touch(inquiry);
  };

  for (const [path, decision] of [
    ['approve', 'approved'],
    ['decline', 'declined'],
  ] as const) {
    app.post(`/inquiries/:id/${path}`, async (c) => {
      const inquiry = findInquiry(runtime, c.req.param('id'));
      const body = await readBody(c, reviewBody);
      decideInquiry(inquiry, decision, c.get('render').now, body.meta?.comment ?? null, null);
      store.touch(inquiry);
      return answerInquiry(c, runtime, inquiry);
    });
  }

  app.post('/inquiries/:id/mark-for-review', (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    markForReview(inquiry, c.get('render').now);
    store.touch(inquiry);
    return answerInquiry(c, runtime, inquiry);
  });

  app.post('/inquiries/:id/expire', (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    expireNow(store, inquiry, c.get('render').now);
    return answerInquiry(c, runtime, inquiry);
  });

  app.post('/inquiries/:id/resume', (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const now = c.get('render').now;
    resumeInquiry(inquiry, now);
    const token = sessionToken(runtime.secret, reusableSession(store, inquiry, now));
    store.touch(inquiry);
    return answerInquiry(c, runtime, inquiry, 200, { 'session-token': token });
  });

  app.post('/inquiries/:id/generate-one-time-link', async (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const body = await readBody(c, oneTimeLinkBody);
    assertNotRedacted(inquiry);
    // Persona refuses links for expired inquiries (resume first); a finished flow has no use for one.
    if (inquiry.status !== 'created' && inquiry.status !== 'pending') {
      throw new StateConflict(
        inquiry.status === 'expired'
          ? 'Cannot generate a one-time link for an expired inquiry; resume it first'
          : `Cannot generate a one-time link for an inquiry with status ${inquiry.status}`,
      );
    }
    const now = c.get('render').now;
    const seconds = body.meta?.['expires-in-seconds'] ?? null;
    const urls = linkUrls(
      new URL(c.req.url).origin,
      createOneTimeLink(store, inquiry, now, seconds),
    );
    changed(inquiry, now);
    return answerInquiry(c, runtime, inquiry, 200, {
      'one-time-link': urls.long,
      'one-time-link-short': urls.short,
    });
  });

  app.post('/inquiries/:id/add-tag', async (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const name = tagName((await readBody(c, tagBody)).meta);
    if (!inquiry.tags.includes(name)) inquiry.tags.push(name);
    changed(inquiry, c.get('render').now);
    return answerInquiry(c, runtime, inquiry);
  });

  app.post('/inquiries/:id/remove-tag', async (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const name = tagName((await readBody(c, tagBody)).meta);
    inquiry.tags = inquiry.tags.filter((tag) => tag !== name);
    changed(inquiry, c.get('render').now);
    return answerInquiry(c, runtime, inquiry);
  });

  app.post('/inquiries/:id/set-tags', async (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const meta = (await readBody(c, setTagsBody)).meta;
    const names = meta?.['tag-name'] ?? meta?.['tag-id'];
    if (!names) throw unprocessable('meta.tag-name is missing', '/meta/tag-name');
    inquiry.tags = [...new Set(names)];
    changed(inquiry, c.get('render').now);
    return answerInquiry(c, runtime, inquiry);
  });

  app.post('/inquiries/:id/perform-simulate-actions', async (c) => {
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const body = await readBody(c, simulateBody);
    try {
      performSimulateActions(store, inquiry, body.meta['simulate-actions'], c.get('render').now);
    } catch (error) {
      if (!(error instanceof SimulateActionRefused)) throw error;
      throw unprocessable(error.message, `/meta/simulate-actions/${error.index}`);
    }
    return answerInquiry(c, runtime, inquiry);
  });

  return app;
}

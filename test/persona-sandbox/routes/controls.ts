import { Hono } from 'hono';
import { z } from 'zod';
import { StateConflict } from '../core/lifecycle.ts';
import { finishInquiry } from '../core/outcomes.ts';
import { seedInquiries } from '../core/seed.ts';
import { NETWORK_PROFILES } from '../core/session-network.ts';
import { FINISH_OUTCOMES, INQUIRY_STATUSES } from '../core/types.ts';
import { readBody } from '../http/body.ts';
import type { SandboxEnv } from '../http/env.ts';
import { conflict, recordNotFound } from '../http/errors.ts';
import { ROUTE_PATTERN } from '../http/faults.ts';
import { countByRoute } from '../http/request-log.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { signedFileUrl } from '../pages/files.ts';
import { inquiryDocument } from '../serialize/documents.ts';
import { findInquiry } from './lookup.ts';

export const MAX_SEED = 20_000;

const seedBody = z.object({
  count: z.number().int().min(1).max(MAX_SEED),
  statuses: z.array(z.enum(INQUIRY_STATUSES)).optional(),
  'reference-id-prefix': z.string().optional(),
  'reference-id': z.string().min(1).optional(),
  network: z.enum(NETWORK_PROFILES).optional(),
  'account-reference-id': z.string().min(1).optional(),
});
const clockBody = z.union([
  z.object({ 'advance-seconds': z.number() }),
  z.object({ now: z.union([z.string().datetime({ offset: true }), z.number()]) }),
]);
const faultsBody = z.object({
  'latency-ms': z.number().int().min(0).max(120_000).optional(),
  'latency-route': z.string().regex(ROUTE_PATTERN).nullable().optional(),
  'error-rate': z.number().min(0).max(1).optional(),
  'error-next': z.number().int().min(0).optional(),
  'error-statuses': z.array(z.number().int().min(400).max(599)).optional(),
  'error-timing': z.enum(['before', 'after']).optional(),
  'error-route': z.string().regex(ROUTE_PATTERN).nullable().optional(),
  'next-429': z.number().int().min(0).optional(),
  // toKebab('next429Route'), as the controls client sends it (core/inflection.ts), and the same
  // in snake case or kebab case written by hand.
  'next-429route': z.string().regex(ROUTE_PATTERN).nullable().optional(),
  'next-429-route': z.string().regex(ROUTE_PATTERN).nullable().optional(),
  'next-quota-429': z.number().int().min(0).optional(),
  'drop-next': z.number().int().min(0).optional(),
  'hang-next': z.number().int().min(0).optional(),
});
const rateLimitBody = z.object({ 'per-minute': z.number().int().min(1).max(1_000_000) });
const finishBody = z.object({ outcome: z.enum(FINISH_OUTCOMES) });
const overrideBody = z.object({
  attributes: z.record(z.string(), z.unknown()).optional(),
  verifications: z
    .array(
      z.object({
        id: z.string(),
        type: z
          .string()
          .regex(/^verification\/[a-z0-9-]+$/)
          .optional(),
        attributes: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});

/**
 * Test controls under /__sandbox: no auth, never rate limited or logged, and never under /api/v1
 * so a client under test cannot reach them by accident. Bodies use camelCase (or any casing).
 */
export function controlRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  const { store, clock } = runtime;

  app.post('/reset', (c) => {
    runtime.reset();
    return c.json({ ok: true });
  });

  app.post('/seed', async (c) => {
    const body = await readBody(c, seedBody);
    const ids = seedInquiries(
      store,
      {
        count: body.count,
        statuses: body.statuses,
        referenceIdPrefix: body['reference-id-prefix'],
        referenceId: body['reference-id'],
        network: body.network,
        accountReferenceId: body['account-reference-id'],
      },
      runtime.now(),
    );
    return c.json({ ids }, 201);
  });

  app.get('/requests', (c) => {
    const since = Number(c.req.query('since') ?? 0);
    const requests = runtime.requestLog.since(Number.isFinite(since) ? since : 0);
    return c.json({
      requests,
      counts: countByRoute(requests),
      lastSeq: runtime.requestLog.lastSeq(),
    });
  });

  app.delete('/requests', (c) => {
    runtime.requestLog.clear();
    return c.json({ ok: true, lastSeq: runtime.requestLog.lastSeq() });
  });

  app.get('/clock', (c) => c.json(clock.describe()));

  app.post('/clock', async (c) => {
    const body = await readBody(c, clockBody);
    if ('advance-seconds' in body) clock.advance(body['advance-seconds']);
    else clock.set(typeof body.now === 'number' ? body.now : Date.parse(body.now));
    runtime.now();
    return c.json(clock.describe());
  });

  app.get('/faults', (c) => c.json(runtime.faults.settings));

  app.post('/faults', async (c) => {
    const body = await readBody(c, faultsBody);
    const settings = runtime.faults.update({
      ...(body['latency-ms'] !== undefined && { latencyMs: body['latency-ms'] }),
      ...(body['latency-route'] !== undefined && { latencyRoute: body['latency-route'] }),
      ...(body['error-rate'] !== undefined && { errorRate: body['error-rate'] }),
      ...(body['error-next'] !== undefined && { errorNext: body['error-next'] }),
      ...(body['error-statuses'] !== undefined && { errorStatuses: body['error-statuses'] }),
      ...(body['error-timing'] !== undefined && { errorTiming: body['error-timing'] }),
      ...(body['error-route'] !== undefined && { errorRoute: body['error-route'] }),
      ...(body['next-429'] !== undefined && { next429: body['next-429'] }),
      ...(body['next-429route'] !== undefined && { next429Route: body['next-429route'] }),
      ...(body['next-429-route'] !== undefined && { next429Route: body['next-429-route'] }),
      ...(body['next-quota-429'] !== undefined && { nextQuota429: body['next-quota-429'] }),
      ...(body['drop-next'] !== undefined && { dropNext: body['drop-next'] }),
      ...(body['hang-next'] !== undefined && { hangNext: body['hang-next'] }),
    });
    return c.json(settings);
  });

  app.delete('/faults', (c) => c.json(runtime.faults.clear()));

  app.get('/faults/held', (c) =>
    c.json({ held: runtime.faults.held, requests: runtime.faults.heldRequests }),
  );

  app.post('/faults/release', (c) => c.json({ released: runtime.faults.releaseSlowed() }));

  app.post('/rate-limit', async (c) => {
    const body = await readBody(c, rateLimitBody);
    runtime.rateLimiter.setLimit(body['per-minute']);
    return c.json({ perMinute: body['per-minute'] });
  });

  app.post('/quota', async (c) => {
    const body = await readBody(c, rateLimitBody);
    runtime.inquiryQuota.setLimit(body['per-minute']);
    return c.json({ perMinute: body['per-minute'] });
  });

  app.post('/inquiries/:id/finish', async (c) => {
    const { outcome } = await readBody(c, finishBody);
    const now = runtime.now();
    const inquiry = findInquiry(runtime, c.req.param('id'));
    try {
      finishInquiry(store, inquiry, outcome, now);
    } catch (error) {
      if (error instanceof StateConflict) throw conflict(error.message);
      throw error;
    }
    const origin = new URL(c.req.url).origin;
    const document = inquiryDocument(
      inquiry,
      store,
      {
        shape: 'current',
        inflection: 'kebab',
        sparse: new Map(),
        now,
        file: (id, name) => signedFileUrl(runtime.secret, origin, id, name, now),
      },
      ['verifications', 'reports'],
    );
    return c.json(document);
  });

  // An answer Persona's spec does not promise, for testing how a client reads it: attributes set
  // over the sandbox's own (a null, a number, an attribute nobody expected), and a verification of
  // a type it does not make. Each call replaces the overrides it names.
  app.post('/inquiries/:id/override', async (c) => {
    const body = await readBody(c, overrideBody);
    const inquiry = findInquiry(runtime, c.req.param('id'));
    const verifications = (body.verifications ?? []).map((change) => {
      const record = store.verifications.get(change.id);
      if (!record || record.inquiryId !== inquiry.id) throw recordNotFound();
      return { record, change };
    });
    if (body.attributes) inquiry.override = body.attributes;
    for (const { record, change } of verifications) {
      record.override = {
        ...(change.type && { type: change.type }),
        ...(change.attributes && { attributes: change.attributes }),
      };
    }
    store.touch(inquiry);
    return c.json({ ok: true });
  });

  return app;
}

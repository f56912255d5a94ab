import { Hono } from 'hono';
import type { VerificationKind } from '../core/types.ts';
import type { SandboxEnv } from '../http/env.ts';
import { recordNotFound } from '../http/errors.ts';
import { parseInclude } from '../http/request-options.ts';
import type { SandboxRuntime } from '../http/runtime.ts';
import { VERIFICATION_INCLUDES, verificationDocument } from '../serialize/documents.ts';

const TYPED_PATHS: Record<string, VerificationKind> = {
  'government-ids': 'government-id',
  selfies: 'selfie',
  databases: 'database',
};

export function verificationRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();
  const { store } = runtime;

  app.get('/verifications/:id', (c) => {
    const include = parseInclude(c, VERIFICATION_INCLUDES) ?? [];
    const record = store.verifications.get(c.req.param('id'));
    if (!record) throw recordNotFound();
    return c.json(verificationDocument(record, store, c.get('render'), include));
  });

  // A typed path only finds verifications of its own type, as on Persona.
  for (const [segment, kind] of Object.entries(TYPED_PATHS)) {
    app.get(`/verification/${segment}/:id`, (c) => {
      const record = store.verifications.get(c.req.param('id'));
      if (!record || record.kind !== kind) throw recordNotFound();
      return c.json(verificationDocument(record, store, c.get('render'), null));
    });
  }
  return app;
}

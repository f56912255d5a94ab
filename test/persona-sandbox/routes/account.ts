import { Hono } from 'hono';
import { iso } from '../core/clock.ts';
import { stableId } from '../core/ids.ts';
import { inflectDocument } from '../core/inflection.ts';
import { permissionsOf } from '../http/auth.ts';
import type { SandboxEnv } from '../http/env.ts';
import type { SandboxRuntime } from '../http/runtime.ts';

/** Endpoints about the key and environment rather than inquiries. */
export function accountRoutes(runtime: SandboxRuntime) {
  const app = new Hono<SandboxEnv>();

  // OAS paths/rate-limits.yaml. This request has already been counted.
  app.get('/rate-limits', (c) => {
    const state = runtime.rateLimiter.peek(runtime.clock.now());
    const document = {
      data: [
        {
          type: 'rate-limit/api',
          attributes: {
            limit: state.limit,
            remaining: state.remaining,
            'seconds-to-reset': state.resetSeconds,
          },
        },
      ],
    };
    return c.json(inflectDocument(document, c.get('render').inflection, true));
  });

  // Undocumented, described only by a Persona employee in
  // github.com/trufflesecurity/trufflehog/pull/4851.
  app.get('/api-keys/permissions', (c) => {
    const key = c.get('apiKey');
    const document = {
      data: {
        type: 'api-key',
        id: stableId('api_', key),
        attributes: {
          name: 'Sandbox key',
          permissions: permissionsOf(key),
          'expires-at': iso(null),
        },
      },
    };
    return c.json(inflectDocument(document, c.get('render').inflection, true));
  });

  return app;
}

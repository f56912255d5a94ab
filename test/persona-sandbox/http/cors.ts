import { cors } from 'hono/cors';

// Extension pages and service workers have these origins; answering them with CORS headers
// means the extension needs no host permission for the sandbox.
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/;

/** CORS for extension origins only; preflights end here, before auth, logging and rate limits. */
export function extensionCors() {
  return cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'Authorization',
      'Content-Type',
      'Persona-Version',
      'Key-Inflection',
      'Idempotency-Key',
    ],
    // What the extension reads with Persona's host permission, which CORS does not restrict.
    exposeHeaders: [
      'Date',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Quota-Limit',
      'Quota-Remaining',
      'Quota-Reset',
      'Request-Id',
      'Persona-Environment-Id',
      'Persona-Organization-Id',
    ],
    maxAge: 600,
  });
}

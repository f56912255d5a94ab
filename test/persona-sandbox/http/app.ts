import { Hono, type MiddlewareHandler } from 'hono';
import { StateConflict } from '../core/lifecycle.ts';
import { dashboardRoutes } from '../pages/dashboard.ts';
import { fileRoutes } from '../pages/files.ts';
import { messagePage } from '../pages/layout.ts';
import { verifyRoutes } from '../pages/verify.ts';
import { accountRoutes } from '../routes/account.ts';
import { controlRoutes } from '../routes/controls.ts';
import { evidenceRoutes } from '../routes/evidence.ts';
import { inquiryRoutes } from '../routes/inquiries.ts';
import { inquiryActionRoutes } from '../routes/inquiry-actions.ts';
import { inquiryListRoutes } from '../routes/inquiry-list.ts';
import { verificationRoutes } from '../routes/verifications.ts';
import { INQUIRY_INCLUDES } from '../serialize/documents.ts';
import { authenticate, authorize } from './auth.ts';
import { extensionCors } from './cors.ts';
import type { SandboxEnv } from './env.ts';
import { conflict, PersonaError, routeNotFound } from './errors.ts';
import { injected429, injectedErrors, networkFaults } from './faults.ts';
import { idempotency } from './idempotency.ts';
import { inquiryQuota } from './quota.ts';
import { rateLimit } from './rate-limit.ts';
import { logRequests } from './request-log.ts';
import { parseInclude, renderOptions } from './request-options.ts';
import type { SandboxRuntime } from './runtime.ts';

const API = '/api/v1';

/** A bad `include` must fail before a POST changes anything, not after. */
const checkInclude: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  if (!(c.req.method === 'GET' && new URL(c.req.url).pathname === `${API}/inquiries`)) {
    parseInclude(c, INQUIRY_INCLUDES);
  }
  await next();
};

/**
 * Every API answer's `Date` (RFC 9110 §6.6.1) on the sandbox's clock, as Persona's is on its own:
 * the desk tells Persona's time by it, not by the reviewer's computer (a moved sandbox clock stands
 * for a computer whose clock differs from Persona's).
 */
const dateHeader =
  (runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> =>
  async (c, next) => {
    await next();
    c.res.headers.set('Date', new Date(runtime.clock.now()).toUTCString());
  };

export function createApp(runtime: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.use(`${API}/*`, dateHeader(runtime));
  app.use(`${API}/*`, extensionCors());
  app.use('/__sandbox/*', extensionCors());
  // The extension fetches photos itself (no host permission for loopback), so files need CORS too.
  app.use('/files/*', extensionCors(), logRequests(runtime));
  // Order matters: network faults happen before Persona sees the request; 401 and 429 come
  // before permissions and idempotency, so they are never stored for replay; injected error
  // statuses come after idempotency, so they are stored and replayed like Persona's own 5xx.
  app.use(
    `${API}/*`,
    logRequests(runtime),
    networkFaults(runtime),
    authenticate(runtime),
    rateLimit(runtime),
    injected429(runtime),
    authorize(),
    inquiryQuota(runtime),
    renderOptions(runtime),
    idempotency(runtime),
    injectedErrors(runtime),
  );
  app.use(`${API}/inquiries`, checkInclude);
  app.use(`${API}/inquiries/*`, checkInclude);

  app.route(API, evidenceRoutes(runtime));
  app.route(API, inquiryListRoutes(runtime));
  app.route(API, inquiryRoutes(runtime));
  app.route(API, inquiryActionRoutes(runtime));
  app.route(API, verificationRoutes(runtime));
  app.route(API, accountRoutes(runtime));
  app.route('/__sandbox', controlRoutes(runtime));
  app.route('/', fileRoutes(runtime));
  app.route('/', verifyRoutes(runtime));
  app.route('/', dashboardRoutes(runtime));

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith(`${API}/`) || path.startsWith('/__sandbox/')) {
      const error = routeNotFound(c.req.method, path);
      return c.json({ errors: error.errors }, error.status);
    }
    return messagePage(c, 404, 'Not found', 'There is no page here.');
  });

  app.onError((err, c) => {
    const error =
      err instanceof PersonaError
        ? err
        : err instanceof StateConflict
          ? conflict(err.message)
          : null;
    if (error) return c.json({ errors: error.errors }, error.status);
    console.error('persona-sandbox: unhandled error', err);
    return c.json({ errors: [{ title: 'Internal server error' }] }, 500);
  });
  return app;
}

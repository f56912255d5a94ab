import type { MiddlewareHandler } from 'hono';
import { newId } from '../core/ids.ts';
import type { SandboxEnv } from './env.ts';
import { forbidden, unauthorized } from './errors.ts';
import type { SandboxRuntime } from './runtime.ts';

export const SANDBOX_KEY_PREFIX = 'persona_sandbox_';
/** Keys with these prefixes authenticate but lack permissions, to exercise 403 handling. */
export const READ_ONLY_KEY_PREFIX = 'persona_sandbox_readonly_';
export const FORBIDDEN_KEY_PREFIX = 'persona_sandbox_forbidden_';

const ALL_PERMISSIONS = [
  'account.read',
  'account.write',
  'inquiry.read',
  'inquiry.write',
  'event.read',
  'report.read',
  'verification.read',
];
const READ_PERMISSIONS = ALL_PERMISSIONS.filter((name) => name.endsWith('.read'));

export function permissionsOf(key: string): string[] {
  if (key.startsWith(FORBIDDEN_KEY_PREFIX)) return [];
  if (key.startsWith(READ_ONLY_KEY_PREFIX)) return READ_PERMISSIONS;
  return ALL_PERMISSIONS;
}

function isAccepted(runtime: SandboxRuntime, key: string): boolean {
  return runtime.keys ? runtime.keys.includes(key) : key.startsWith(SANDBOX_KEY_PREFIX);
}

/**
 * Bearer auth as Persona answers it: no or malformed header → "Must be authenticated…", an
 * unknown key (production keys included: this is a sandbox environment) → "Token is invalid".
 * Authenticated responses carry the environment and organisation headers.
 */
export function authenticate(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const requestId = newId('req_');
    c.set('requestId', requestId);
    c.header('Request-Id', requestId);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    if (!match?.[1]) throw unauthorized('Must be authenticated to access this endpoint');
    if (!isAccepted(runtime, match[1])) throw unauthorized('Token is invalid');
    c.set('apiKey', match[1]);
    c.header('Persona-Environment-Id', runtime.environmentId);
    c.header('Persona-Organization-Id', runtime.organizationId);
    await next();
  };
}

function requiredPermission(method: string, path: string): string | null {
  const resource = path.replace(/^\/api\/v1\//, '').split('/')[0] ?? '';
  if (resource === 'inquiries') return method === 'GET' ? 'inquiry.read' : 'inquiry.write';
  if (resource === 'verifications' || resource === 'verification') return 'verification.read';
  if (resource === 'reports') return 'report.read';
  if (resource === 'events') return 'event.read';
  return null;
}

/** After the rate limit, as a permission failure still costs a request on Persona. */
export function authorize(): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const needed = requiredPermission(c.req.method, new URL(c.req.url).pathname);
    if (needed && !permissionsOf(c.get('apiKey')).includes(needed)) {
      throw forbidden(`API key does not have the ${needed} permission`);
    }
    await next();
  };
}

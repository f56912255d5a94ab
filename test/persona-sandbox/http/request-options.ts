import type { Context, MiddlewareHandler } from 'hono';
import { INFLECTIONS, type Inflection, toKebab } from '../core/inflection.ts';
import { signedFileUrl } from '../pages/files.ts';
import type { ApiShape } from '../serialize/render-options.ts';
import type { SandboxEnv } from './env.ts';
import { badRequest } from './errors.ts';
import type { SandboxRuntime } from './runtime.ts';

export const DEFAULT_VERSION = '2025-12-08';

// Every value of the OAS api-version enum. 2025-10-27 answers like 2025-12-08 for everything the
// sandbox serves; every older version answers in the 2023-01-05 shape (see README deviations).
const SHAPES: Record<string, ApiShape> = {
  '2025-12-08': 'current',
  '2025-10-27': 'current',
  '2023-01-05': 'legacy',
  '2022-09-01': 'legacy',
  '2021-08-18': 'legacy',
  '2021-07-05': 'legacy',
  '2021-02-21': 'legacy',
  '2020-05-18': 'legacy',
};

function sparseFieldsets(c: Context<SandboxEnv>): Map<string, Set<string>> {
  const sparse = new Map<string, Set<string>>();
  for (const [key, value] of new URL(c.req.url).searchParams) {
    const type = /^fields\[(.+)\]$/.exec(key)?.[1];
    if (!type) continue;
    const names = value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      // Attribute names may come in any casing; `fields.<key>` keeps the template's key as given.
      .map((name) => (name.startsWith('fields.') ? name : toKebab(name)));
    sparse.set(type, new Set(names));
  }
  return sparse;
}

/** Persona-Version, Key-Inflection and fields[…] of one request, for the serialisers. */
export function renderOptions(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const version = c.req.header('Persona-Version')?.trim() || DEFAULT_VERSION;
    const shape = SHAPES[version];
    if (!shape) throw badRequest(`Persona-Version ${version} is not a valid API version`);
    const inflection = (c.req.header('Key-Inflection')?.trim().toLowerCase() ||
      'kebab') as Inflection;
    if (!INFLECTIONS.includes(inflection)) {
      throw badRequest(`Key-Inflection must be one of ${INFLECTIONS.join(', ')}`);
    }
    const origin = new URL(c.req.url).origin;
    const now = runtime.now();
    c.set('render', {
      shape,
      inflection,
      sparse: sparseFieldsets(c),
      now,
      file: (verificationId, name) =>
        signedFileUrl(runtime.secret, origin, verificationId, name, now),
    });
    await next();
  };
}

/** `include=a,b`; null when absent (versions before 2025-10-27 then include defaults). */
export function parseInclude(c: Context<SandboxEnv>, allowed: readonly string[]): string[] | null {
  const raw = c.req.query('include');
  if (raw === undefined) return null;
  const names = raw
    .split(',')
    // One level of nesting (`inquiry-template.latest-published-version`) names its parent.
    .map((name) => toKebab(name.trim().split('.')[0] ?? ''))
    .filter(Boolean);
  const unknown = names.filter((name) => !allowed.includes(name));
  if (unknown.length > 0)
    throw badRequest(`include contains invalid relationships: ${unknown.join(', ')}`);
  return names;
}

import type { Context } from 'hono';
import type { z } from 'zod';
import { kebabKeys } from '../core/inflection.ts';
import type { SandboxEnv } from './env.ts';
import { badRequest } from './errors.ts';

const ARTICLES: Record<string, string> = {
  array: 'an array',
  object: 'an object',
  integer: 'an integer',
};

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || 'body';
  if (issue.code === 'invalid_type') {
    if (issue.message.includes('received undefined')) return `${path} is missing`;
    return `${path} must be ${ARTICLES[issue.expected] ?? `a ${issue.expected}`}`;
  }
  return `${path} ${issue.message.replace(/^Invalid input: /, '')}`;
}

/**
 * The JSON body, keys normalised to kebab (Persona accepts any casing), parsed with zod. Shape
 * errors are 400 "Bad Request" with Persona-style details such as "data.attributes.tags must be
 * an array"; unknown keys are ignored as Persona does.
 */
export async function readBody<T>(c: Context<SandboxEnv>, schema: z.ZodType<T>): Promise<T> {
  const raw = c.get('rawBody') ?? (await c.req.text());
  let json: unknown = {};
  if (raw.trim() !== '') {
    try {
      json = JSON.parse(raw);
    } catch {
      throw badRequest('Request body is not valid JSON');
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw badRequest('Request body must be a JSON object');
  }
  const result = schema.safeParse(kebabKeys(json));
  if (!result.success) {
    const first = result.error.issues[0];
    throw badRequest(first ? describe(first) : 'Request body is invalid');
  }
  return result.data;
}

// The background's request parsing without zod: each request type's rule, generated from its
// schema in messages.ts (src/shared/generated/request-checks.ts), checked as `parseRequest` in
// messages.ts checks it with zod, with the same answers (test/unit/shared/request-checks.test.ts).

import { isRecord } from './is-record.ts';
import type { Parser } from './storage.ts';
import { checker, type Fields } from './stored-check-more.ts';

/**
 * A parser of messages whose `type` names one of `rules`; undefined for anything else. A rule is
 * its request's fields but `type`: checked here, as the last field, as the schema has it.
 *
 * Pure, as the bundler is told: stored-items.ts imports its shared rules from request-checks.ts,
 * so a page that reads the policy (policy.ts → stored-items.ts) loads that module too, and keeps
 * no parser it never calls.
 */
/* @__NO_SIDE_EFFECTS__ */
export function requestParser<R>(rules: Readonly<Record<string, Fields>>) {
  // Each compiled on the first request of its type (stored-check.ts `checker`).
  const parsers = new Map<string, Parser<R>>();
  return (message: unknown): R | undefined => {
    // An array fails its object rule all the same.
    if (!isRecord(message)) return undefined;
    const { type } = message;
    if (typeof type !== 'string' || !Object.hasOwn(rules, type)) return undefined;
    // `type`: the schema's z.literal, which a rule checks as an enum of its one value.
    const parser =
      parsers.get(type) ??
      checker<R>({
        t: 'object',
        fields: { ...rules[type], type: { t: 'enum', values: [type] } },
      });
    parsers.set(type, parser);
    const parsed = parser.safeParse(message);
    return parsed.success ? parsed.data : undefined;
  };
}

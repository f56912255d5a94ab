// z._default keeps its default behind a getter, so a function given as the default cannot be read
// back from the schema. `withDefault` is z._default that also remembers what it was given, so the
// check generator (scripts/lib/schema-rule.ts) can copy the default exactly: a JSON value as a
// literal, a function by its name in check-registry.ts. A plain z._default is refused there.
import * as z from 'zod/mini';

const declared = new WeakMap<object, unknown>();

export function withDefault<T extends z.ZodMiniType>(
  inner: T,
  value: Parameters<typeof z._default<T>>[1],
): z.ZodMiniDefault<T> {
  const schema = z._default(inner, value);
  declared.set(schema, value);
  return schema;
}

/** What `withDefault` was given for `schema`; undefined for any other schema. */
export function declaredDefault(schema: unknown): { value: unknown } | undefined {
  return typeof schema === 'object' && schema !== null && declared.has(schema)
    ? { value: declared.get(schema) }
    : undefined;
}

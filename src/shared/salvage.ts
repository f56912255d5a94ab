// Salvage of the stored records and of an object read field by field: only items the first screen
// does not read (the worker's, the views' past it) are salvaged so. Apart from storage.ts, which the
// first screen loads, so that its chunk does not carry them (docs/architecture.md#budgets).
import { isRecord } from './is-record.ts';
import { keepParsed, type Parser } from './storage.ts';

/** Salvage for a stored record: the values that parse, each alone, under their keys. */
export function salvageRecord<E>(
  entry: Parser<E>,
): (raw: unknown) => Record<string, E> | undefined {
  return (raw) => {
    if (!isRecord(raw)) return undefined;
    return Object.fromEntries(
      Object.entries(raw).flatMap(([k, v]) => keepParsed(entry, v).map((e) => [k, e] as const)),
    );
  };
}

/**
 * Salvage for a stored object read field by field, each with its own parser (the object schema's
 * field schemas, each with a default): an out-of-range field falls back to its default alone.
 */
export function salvageFields<T>(
  fields: Record<string, Parser<unknown>>,
): (raw: unknown) => T | undefined {
  return (raw) => {
    if (!isRecord(raw)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      const parsed = field.safeParse(raw[name]);
      const fallback = parsed.success ? undefined : field.safeParse(undefined);
      if (parsed.success) out[name] = parsed.data;
      else if (fallback?.success) out[name] = fallback.data;
      else return undefined;
    }
    return out as T;
  };
}

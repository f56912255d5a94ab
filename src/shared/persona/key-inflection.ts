// Persona writes attribute keys in kebab, snake or camel case depending on the `Key-Inflection`
// header and the key's own default (https://docs.withpersona.com/api-key-inflection). We ask for
// kebab, but a key configured otherwise, an older payload or a webhook body may differ, so every
// body is turned to kebab before parsing. Two things are left alone: `type` values (never
// inflected, e.g. `verification/government-id`) and the keys inside `fields`, which keep the
// template's own casing since 2025-10-27 (https://docs.withpersona.com/changelog/2025/10/27).
import { isRecord } from '../is-record.ts';

/** `nameFirst`, `name_first`, `name-first` → `name-first`; `addressStreet1` → `address-street-1`. */
export function toKebab(key: string): string {
  if (/[A-Z]/.test(key) && !/[_-]/.test(key)) {
    return key
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/([A-Za-z])([0-9])/g, '$1-$2')
      .toLowerCase();
  }
  return key.replace(/_/g, '-');
}

export function toSnake(key: string): string {
  return toKebab(key).replace(/-/g, '_');
}

export function toCamel(key: string): string {
  return toKebab(key).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The names one field may have in a body: kebab, snake and camel, without repeats. */
export function keyVariants(key: string): string[] {
  return [...new Set([key, toKebab(key), toSnake(key), toCamel(key)])];
}

/** A deep copy with every object key in kebab case, except under `fields` (see above). */
export function normaliseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseKeys);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const kebab = toKebab(key);
    // A kebab key wins over an inflected duplicate of itself.
    if (kebab in out && kebab !== key) continue;
    out[kebab] = kebab === 'fields' ? child : normaliseKeys(child);
  }
  return out;
}

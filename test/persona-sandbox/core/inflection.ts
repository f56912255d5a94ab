export const INFLECTIONS = ['kebab', 'snake', 'camel'] as const;
export type Inflection = (typeof INFLECTIONS)[number];

const cache: Record<Inflection, Map<string, string>> = {
  kebab: new Map(),
  snake: new Map(),
  camel: new Map(),
};

/** Any of Persona's three casings to kebab: `addressStreet1`, `address_street_1` → `address-street-1`. */
export function toKebab(key: string): string {
  return key
    .replace(/_/g, '-')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/([A-Za-z])(\d)/g, '$1-$2')
    .toLowerCase();
}

/** Kebab to the requested casing; memoised because every response key passes through here. */
export function inflectKey(kebab: string, style: Inflection): string {
  if (style === 'kebab') return kebab;
  const memo = cache[style];
  let out = memo.get(kebab);
  if (out === undefined) {
    out =
      style === 'snake'
        ? kebab.replace(/-/g, '_')
        : kebab.replace(/-([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
    memo.set(kebab, out);
  }
  return out;
}

type JsonValue = unknown;

/**
 * Re-keys a kebab-case document. Only keys change: `type` values such as
 * `verification/government-id` stay kebab in every casing. With `keepFieldKeys` (API versions
 * from 2025-10-27) the keys inside any `attributes.fields` keep the template's own casing.
 */
export function inflectDocument(value: JsonValue, style: Inflection, keepFieldKeys: boolean) {
  if (style === 'kebab') return value;
  const walk = (node: JsonValue, parentKey: string | null): JsonValue => {
    if (Array.isArray(node)) return node.map((item) => walk(item, null));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, JsonValue> = {};
    for (const [key, child] of Object.entries(node)) {
      if (keepFieldKeys && key === 'fields' && parentKey === 'attributes') out[key] = child;
      else out[inflectKey(key, style)] = walk(child, key);
    }
    return out;
  };
  return walk(value, null);
}

/** Request bodies may use any casing; normalise keys to kebab except inside `fields`. */
export function kebabKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(kebabKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, child] of Object.entries(value)) {
    const kebab = toKebab(key);
    out[kebab] = kebab === 'fields' ? child : kebabKeys(child);
  }
  return out;
}

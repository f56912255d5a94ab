import type { RenderOptions } from './render-options.ts';

export interface Resource {
  type: string;
  id: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, unknown>;
}

function fieldsetFor(type: string, options: RenderOptions): ReadonlySet<string> | undefined {
  // Since 2025-10-27 a parent type such as fields[verification] applies to all its subtypes.
  return options.sparse.get(type) ?? options.sparse.get(type.split('/')[0] ?? type);
}

/**
 * JSON:API sparse fieldsets: `fields[inquiry]=status,updated-at` keeps only those attributes
 * and relationships; `fields.name-first` keeps single entries of the `fields` attribute.
 */
export function applySparseFields<T extends Resource>(resource: T, options: RenderOptions): T {
  const wanted = fieldsetFor(resource.type, options);
  if (!wanted) return resource;
  const nested = [...wanted].filter((name) => name.startsWith('fields.')).map((n) => n.slice(7));
  const pick = (source: Record<string, unknown> | undefined) => {
    if (!source) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) if (wanted.has(key)) out[key] = value;
    return out;
  };
  const attributes = pick(resource.attributes);
  const fields = resource.attributes?.fields;
  if (attributes && nested.length > 0 && fields && typeof fields === 'object') {
    const subset: Record<string, unknown> = {};
    for (const key of nested) {
      const value = (fields as Record<string, unknown>)[key];
      if (value !== undefined) subset[key] = value;
    }
    attributes.fields = { ...subset, ...((attributes.fields as object | undefined) ?? {}) };
  }
  const out: T = { ...resource };
  if (attributes) out.attributes = attributes;
  const relationships = pick(resource.relationships);
  if (relationships) out.relationships = relationships;
  return out;
}

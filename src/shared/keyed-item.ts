// Apart from storage.ts, which the popup's first screen loads: only the worker and the detail view
// key their items so, and the first screen's chunk carries every export of its modules
// (docs/architecture.md#budgets).
import type { StorageItem } from './storage.ts';

/**
 * One of a family of items that share a schema, each under its own key: `template`'s key, a
 * colon, then `id` (e.g. `inquiry:inq_…`). The template's own key is never written.
 */
export function keyedItem<T>(template: StorageItem<T>, id: string): StorageItem<T> {
  return { ...template, key: `${template.key}:${id}` };
}

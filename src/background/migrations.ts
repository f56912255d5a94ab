// Ordered storage migrations (docs/architecture.md#storage).
// Every stored item parses with its schema and falls back to its default, so a change that only
// adds optional fields needs nothing here; a rename or reshape adds one step to `migrations`.
// The worker runs them on every start, before any listener runs (start-up.ts).
import { browser } from '../shared/browser.ts';
import { storageVersionItem } from '../shared/generated/stored-items.ts';
import { readItem, writeItem } from '../shared/storage.ts';
import { migrateActionLog } from './audit/migrate-action-log.ts';

export interface Migration {
  /** The version storage has after this step. */
  to: number;
  run(): Promise<void>;
}

/** Oldest first. Version 1 is the first released layout. */
export const migrations: readonly Migration[] = [
  {
    // Recent lookups moved to storage.session: what an earlier version kept on disk goes.
    to: 2,
    run: () => browser.storage.local.remove('recentLookups'),
  },
  // The plain action log becomes the start of the hash-chained audit trail.
  { to: 3, run: migrateActionLog },
];

export const STORAGE_VERSION = 3;

export async function migrateStorage(
  steps: readonly Migration[] = migrations,
  target = STORAGE_VERSION,
): Promise<number> {
  const from = await readItem(storageVersionItem);
  if (from >= target) return from;
  for (const step of steps) {
    if (step.to <= from || step.to > target) continue;
    await step.run();
    // Written after each step, so a worker stopped half way resumes at the next one.
    await writeItem(storageVersionItem, step.to);
  }
  await writeItem(storageVersionItem, target);
  return target;
}

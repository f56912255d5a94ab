// The row a view last opened. Apart from router.ts, which the popup's first screen loads: only the
// detail and the lists past the first screen ask it (home reads its route's `opened` itself), and
// the first screen's chunk carries every export of its modules (docs/architecture.md#budgets).
import type { Route } from './router.ts';

/** The row this view last opened, when the reviewer has come back to it (openInquiry, router.ts). */
export function openedRow(route: Route): string | undefined {
  return route.name === 'create' ? undefined : route.opened;
}

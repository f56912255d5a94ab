// The error kinds after which a write's outcome is unknown. Apart from errors.ts, which the popup's
// first screen loads: only the views past it, the activity log's notes and the worker ask this, and
// the first screen's chunk carries every export of its modules (docs/architecture.md#budgets).
import type { ErrorKind } from './errors.ts';

/** Failures after which a write may have happened all the same: its answer was lost. */
export const outcomeUnknown: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'server',
  'network',
  'timeout',
]);

// One entry per prefill field. Apart from prefill.ts, whose keys the popup's first screen reads
// (a draft waiting in the create form): only the schemas and the create form build these, and the
// first screen's chunk carries every export of its modules (docs/architecture.md#budgets).
import { type PrefillKey, prefillKeys } from './prefill.ts';

/** One entry per field, built by `make`: a zod shape, or the empty draft. */
export const perPrefillField = <T>(make: (key: PrefillKey) => T) =>
  Object.fromEntries(prefillKeys.map((key) => [key, make(key)])) as Record<PrefillKey, T>;

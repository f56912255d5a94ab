// The storage key of the audit trail's closed page that starts at entry `first` (trail-item.ts
// `auditPageItem`, keyed by `keyedItem`). Apart from the item, which is zod's, since the worker
// writes the pages without zod.
export const AUDIT_PAGE_PREFIX = 'auditTrailPage';

export const auditPageKey = (first: number): string => `${AUDIT_PAGE_PREFIX}:${first}`;

// The shallow check a cached inquiry view gets when it is read back (storage-items.ts
// `cachedInquiryItem`). The view is built by our own normaliser and never leaves the extension; a
// full schema of it would double the parse cost of each cached view a detail opens with.
import type { InquiryView } from './persona/view-model.ts';

export function looksLikeInquiryView(value: unknown): value is InquiryView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

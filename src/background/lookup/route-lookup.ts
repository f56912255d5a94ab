// Pure: what a looked-up text means. An `inq_…` id anywhere in it (a pasted URL, a chat line)
// opens that inquiry; anything else is a reference id to search for.
import { findInquiryId } from '../../shared/persona/inquiry-id.ts';
import type { PanelRoute } from '../../shared/storage-items.ts';

export const MAX_LOOKUP_LENGTH = 200;

export function routeLookup(text: string, at: number): PanelRoute | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return undefined;
  const id = findInquiryId(trimmed);
  if (id) return { inquiry: id, at };
  return { search: trimmed.slice(0, MAX_LOOKUP_LENGTH), at };
}

// Needs review's first page as Persona last listed it, kept so that the queue a reviewer left for
// an inquiry is still there when they come back to it with Persona out of reach (offline, Persona
// failing): shown under the problem, with how old it is, and replaced by the next answer. Apart
// from storage-items.ts, which the first screen loads whole: only Needs review reads it.
import * as z from 'zod/mini';
import { defineItem } from './define-item.ts';
import type { InquirySummary } from './messages.ts';

export interface ReviewQueueCopy {
  items: InquirySummary[];
  /** When Persona answered (ms since epoch). */
  readAt: number;
}

/**
 * Writer: Needs review. In the session (memory only: references may be personal data); a key
 * change wipes it (key-custody.ts), and a lock or a closed browser too.
 */
export const reviewQueueCopyItem = defineItem<ReviewQueueCopy | null>(
  'session',
  'reviewQueueCopy',
  () =>
    z.nullable(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            redacted: z.optional(z.boolean()),
            referenceId: z.optional(z.string()),
            createdAt: z.optional(z.string()),
            updatedAt: z.optional(z.string()),
          }),
        ),
        readAt: z.number(),
      }),
    ),
  () => null,
);

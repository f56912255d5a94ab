// Needs review's first page as Persona last listed it, kept so that the queue a reviewer left for
// an inquiry is still there when they come back to it with Persona out of reach (offline, Persona
// failing): shown under the problem, with how old it is, and replaced by the next answer. Apart
// from storage-items.ts, which the first screen loads whole: only Needs review reads it.
import * as z from 'zod/mini';
import { defineItem } from './define-item.ts';
import type { InquirySummary } from './messages.ts';

export interface ReviewQueueCopy {
  items: InquirySummary[];
  /** When the read was sent (ms since epoch): what changed after may not be in it. */
  readAt: number;
  /** The key it was read with, masked (keyInfo): another key's queue is not shown. */
  masked: string;
}

const summaryShape = () =>
  z.object({
    id: z.string(),
    status: z.string(),
    redacted: z.optional(z.boolean()),
    referenceId: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  });

type Copied = keyof z.infer<ReturnType<typeof summaryShape>>;
type Assert<T extends true> = T;
// A field added to InquirySummary is kept in the copy too: this fails to compile until it is.
export type CopiesEverySummaryField = Assert<
  [keyof InquirySummary] extends [Copied]
    ? [Copied] extends [keyof InquirySummary]
      ? true
      : false
    : false
>;

/**
 * Writer: Needs review (queue-copy.ts). In the session (memory only: references may be personal
 * data); a key change, a lock and Remove key wipe it (key-custody.ts), and a closed browser.
 */
export const reviewQueueCopyItem = defineItem<ReviewQueueCopy | null>(
  'session',
  'reviewQueueCopy',
  () =>
    z.nullable(
      z.object({
        items: z.array(summaryShape()),
        readAt: z.number(),
        masked: z.string(),
      }),
    ),
  () => null,
);

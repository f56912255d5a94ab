// Whether Persona is known to refuse changes made with the saved key: the permissions Test
// connection or a Save read lack `inquiry.write` (best effort: docs/persona.md#key-checks), or
// Persona refused a create or a decision with 403. Said at the top of the create form and beside
// the decisions (read-only-key-note.tsx), never used to hide them: Persona's answer to the next try
// decides, and one it takes clears it. Apart from storage-items.ts, which the first screen loads
// whole: only the pages past it read this.
import * as z from 'zod/mini';
import { defineItem } from './define-item.ts';

export interface WriteRefusal {
  /** The key it was learned of, masked (keyInfo): another key saved since is not this one. */
  masked: string;
  /** Persona's reason, from its 403 (`details`, else `title`); none from the permissions. */
  says?: string | undefined;
}

/**
 * Writer: pages. In the session: a key change wipes it (key-custody.ts), and a lock or a closed
 * browser too; Test connection finds it again.
 */
export const writeRefusalItem = defineItem<WriteRefusal | null>(
  'session',
  'writeRefusal',
  () => z.nullable(z.object({ masked: z.string(), says: z.optional(z.string()) })),
  () => null,
);

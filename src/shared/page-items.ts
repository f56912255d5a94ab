// Stored items only the pages past the first screen read and write: apart from storage-items.ts,
// which the first screen loads whole, and in one module, since a module of its own that two lazy
// parts share (a view and the options page) becomes a chunk of its own, named in the first
// screen's list of what each view loads.
//
// Whether Persona is known to refuse changes made with the saved key: the permissions Test
// connection or a Save read lack `inquiry.write` (best effort: docs/persona.md#key-checks), or
// Persona refused a create or a decision with 403. Said at the top of the create form and beside
// the decisions (read-only-key-note.tsx), never used to hide them: Persona's answer to the next try
// decides, and one it takes clears it.
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

/**
 * Writer: the options page. Whether an opened inquiry answers single keys (A approve, D decline,
 * N next to review: src/ui/views/decision-keys.ts). On until the reviewer turns it off: a speech
 * input's words, or a screen reader in focus mode, can send letters nobody meant as a shortcut
 * (WCAG 2.1.4, Character Key Shortcuts), so a letter that acts must be one the reviewer can turn
 * off. In storage.local: a way of working, kept across browser restarts and key changes; it names
 * no one.
 */
export const keyShortcutsItem = defineItem<boolean>(
  'local',
  'keyShortcuts',
  () => z.boolean(),
  () => true,
);

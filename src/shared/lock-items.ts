// What the passphrase lock stores. The sealed key (encrypted) and the miss counter are in
// storage.local; the clear key and the derived wrapping key only in storage.session (memory only,
// gone when the browser closes), and only while unlocked.
import * as z from 'zod/mini';
import { defineItem } from './define-item.ts';
import { lazy } from './lazy.ts';

// Schemas are built on first use (lazy.ts), not when the worker's script runs.
export const sealedKeySchema = lazy(() =>
  z.object({
    /** PBKDF2-SHA-256 iterations used to derive the AES-GCM key from the passphrase. */
    iterations: z.number().check(z.int(), z.gte(600_000)),
    salt: z.string(),
    iv: z.string(),
    /** AES-GCM ciphertext of the API key; an empty key when a passphrase is set before a key. */
    data: z.string(),
  }),
);
export type SealedKey = z.infer<ReturnType<typeof sealedKeySchema>>;

/** Writer: background (lock). Present exactly when a passphrase is set. */
export const sealedKeyItem = defineItem<SealedKey | null>(
  'local',
  'sealedKey',
  () => z.nullable(sealedKeySchema()),
  () => null,
);

export const unlockMissesSchema = lazy(() =>
  z.object({
    misses: z.number().check(z.int(), z.gte(0)),
    /** No unlock attempt is tried before this time (ms): the wait grows with each miss. */
    waitUntil: z.number(),
  }),
);

/** Writer: background (lock). In storage.local so that a restarted worker still makes one wait. */
export const unlockMissesItem = defineItem<z.infer<ReturnType<typeof unlockMissesSchema>>>(
  'local',
  'unlockMisses',
  unlockMissesSchema,
  () => ({ misses: 0, waitUntil: 0 }),
);

/** Writer: background only; pages never read it. The clear key and the wrapping key. */
export const sessionKeyItem = defineItem<{ apiKey: string; wrapKey: string } | null>(
  'session',
  'sessionKey',
  () => z.nullable(z.object({ apiKey: z.string(), wrapKey: z.string() })),
  () => null,
);

/** Writer: background. Pages read it to tell locked from unlocked; no secret in it. */
export const unlockStateItem = defineItem<{ unlockedAt: number; lastUsedAt: number } | null>(
  'session',
  'unlockState',
  () => z.nullable(z.object({ unlockedAt: z.number(), lastUsedAt: z.number() })),
  () => null,
);

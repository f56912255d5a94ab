import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Persona ids are a prefix plus base62; since 2024 inquiry ids are 32 characters in total
// (https://docs.withpersona.com/changelog/2024/1/29), so 28 after a short prefix.
export const ID_BODY_LENGTH = 28;

function toBase62(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[(bytes[i] ?? 0) % 62];
  return out;
}

// One syscall per 4 KiB instead of one per id: seeding 10,000 inquiries makes ~80,000 ids.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

export function randomToken(length: number): string {
  if (poolOffset + length > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + length);
  poolOffset += length;
  return toBase62(bytes, length);
}

export function newId(prefix: string, length = ID_BODY_LENGTH): string {
  return `${prefix}${randomToken(length)}`;
}

/** Same input, same id: for objects that must stay stable across restarts (environment, templates). */
export function stableId(prefix: string, seed: string, length = ID_BODY_LENGTH): string {
  const digest = createHash('sha256').update(seed).digest();
  return `${prefix}${toBase62(digest, length)}`;
}

export function hashToInt(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** mulberry32: tiny deterministic PRNG so generated identities repeat for the same inquiry id. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10).toString();
  return out;
}

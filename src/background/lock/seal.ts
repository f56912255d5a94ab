// The passphrase's cryptography, WebCrypto only: PBKDF2-SHA-256 with a random 16-byte salt and
// 600,000 iterations (OWASP's 2023 figure for PBKDF2-HMAC-SHA256,
// https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html) derives an
// AES-GCM-256 key; every seal uses a fresh random 12-byte IV.
import { base64ToBytes, bytesToBase64 } from '../../shared/base64.ts';
import type { SealedKey } from '../../shared/lock-items.ts';

export const PBKDF2_ITERATIONS = 600_000;

const encoder = new TextEncoder();

/** A secret sealed: its IV and ciphertext, base64. */
export type Sealed = Pick<SealedKey, 'iv' | 'data'>;

/** The raw AES key bytes (base64) derived from the passphrase. */
export async function deriveWrapKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<string> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    256,
  );
  return bytesToBase64(new Uint8Array(bits));
}

function aesKey(wrapKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', base64ToBytes(wrapKey), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Seals `secret` with the wrapping key, under a fresh IV. */
export async function seal(secret: string, wrapKey: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await aesKey(wrapKey),
    encoder.encode(secret),
  );
  return { iv: bytesToBase64(iv), data: bytesToBase64(new Uint8Array(data)) };
}

/** The sealed secret, or undefined when the wrapping key is wrong (AES-GCM's tag fails). */
export async function unseal(sealed: Sealed, wrapKey: string): Promise<string | undefined> {
  try {
    const clear = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(sealed.iv) },
      await aesKey(wrapKey),
      base64ToBytes(sealed.data),
    );
    return new TextDecoder().decode(clear);
  } catch {
    return undefined;
  }
}

export function newSalt(): string {
  return bytesToBase64(crypto.getRandomValues(new Uint8Array(16)));
}

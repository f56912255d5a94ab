// Persona keys carry their environment in the prefix: `persona_sandbox_…` or
// `persona_production_…` (https://docs.withpersona.com/api-quickstart-tutorial). Persona's own
// secret scanner expects a UUID after the prefix, but that is not documented, so only the prefix
// and a plausible rest are checked here (docs/persona.md#api-keys-and-environments).
import { t } from '../i18n.ts';

export type KeyEnvironment = 'sandbox' | 'production' | 'unknown';

const prefixes = { sandbox: 'persona_sandbox_', production: 'persona_production_' } as const;

/** Characters that can travel in an HTTP header: a key with others cannot be sent at all. */
const headerSafe = /^[\x21-\x7e]+$/;
const minRestLength = 4;

export function keyEnvironment(key: string): KeyEnvironment {
  const text = key.trim();
  if (text.startsWith(prefixes.sandbox)) return 'sandbox';
  if (text.startsWith(prefixes.production)) return 'production';
  return 'unknown';
}

export type ApiKeyCheck =
  | { ok: true; key: string; environment: 'sandbox' | 'production' }
  | { ok: false; reason: string };

/** Checks the form of a pasted key; surrounding whitespace is trimmed, inner whitespace refused. */
export function checkApiKey(input: string): ApiKeyCheck {
  const key = input.trim();
  if (key === '') return { ok: false, reason: t('keyEmpty') };
  if (!headerSafe.test(key)) {
    return { ok: false, reason: t('keyOddCharacters') };
  }
  const environment = keyEnvironment(key);
  if (environment === 'unknown') {
    return { ok: false, reason: t('keyPrefix') };
  }
  if (key.length < prefixes[environment].length + minRestLength) {
    return { ok: false, reason: t('keyTooShort') };
  }
  return { ok: true, key, environment };
}

/** True when the key can be put in an `Authorization` header (no whitespace, ASCII only). */
export function isHeaderSafeKey(key: string): boolean {
  return headerSafe.test(key);
}

/** `persona_sandbox_…1a2b`: enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  const text = key.trim();
  const environment = keyEnvironment(text);
  const prefix = environment === 'unknown' ? '' : prefixes[environment];
  const rest = text.slice(prefix.length);
  // Show the last four only when at least as many characters stay hidden.
  const tail = rest.length >= 8 ? rest.slice(-4) : '';
  return `${prefix}…${tail}`;
}

// A key saved without a passphrase, as the options page leaves it: the state in which the worker
// keeps what Persona answers (key-custody.ts dropIfKeyGone drops it when no key can be read).
import { beforeEach } from 'vitest';
import { apiKeyItem } from '../../../src/shared/generated/stored-items.ts';
import { maskKey } from '../../../src/shared/persona/api-key.ts';
import { writeItem } from '../../../src/shared/storage.ts';

export const SAVED_KEY = 'persona_sandbox_00000000-0000-4000-8000-00000000cafe';
/** Its masked form: what a request under it carries (keyInfo.masked). */
export const SAVED_MASKED = maskKey(SAVED_KEY);

/** Saves a clear key before each test of the file. */
export function withKeySaved(): void {
  beforeEach(() => writeItem(apiKeyItem, SAVED_KEY));
}

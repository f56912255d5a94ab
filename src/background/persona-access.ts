// Opens a Persona client for one request from what is stored: the key, the settings. Read on
// every request rather than kept in a module variable, because the worker may restart any time.
import { deskError } from '../shared/errors.ts';
import { keyInfoItem, pollStateItem, settingsItem } from '../shared/generated/stored-items.ts';
import { keyEnvironment, maskKey } from '../shared/persona/api-key.ts';
import {
  createPersonaClient,
  type PersonaClient,
  type PersonaClientOptions,
} from '../shared/persona/client.ts';
import { isQuotaAnswer, type ResponseMeta } from '../shared/persona/response-meta.ts';
import { readPolicy } from '../shared/policy.ts';
import type { Settings } from '../shared/settings.ts';
import { readItems } from '../shared/storage.ts';
import type { KeyInfo } from '../shared/storage-items.ts';
import { updateItem } from './edit-item.ts';
import { readKey } from './key-custody.ts';
import { holdAfterRateLimit } from './watch/next-hold.ts';

/**
 * A 429 for the rate limit holds the watcher too (watch/next-hold.ts). One for a product quota
 * (its headers show none left) concerns creating, not reading, and holds nothing; the body's
 * title, the other sign of one, is not at hand here.
 */
export function holdWatcherOn429(meta: ResponseMeta): void {
  if (meta.status !== 429 || isQuotaAnswer(meta, undefined)) return;
  const now = Date.now();
  updateItem(pollStateItem, (state) =>
    holdAfterRateLimit(state, meta.rateLimit?.resetSeconds, now),
  ).catch(() => undefined);
}

export interface PersonaAccess {
  client: PersonaClient;
  settings: Settings;
  keyInfo: KeyInfo;
}

/** `options` adjusts the client's manners (the poller retries less); never the key or host. */
export async function openPersona(
  options: Pick<PersonaClientOptions, 'retry' | 'timeoutMs'> = {},
): Promise<PersonaAccess> {
  const [storedInfo, settings] = await readItems([keyInfoItem, settingsItem] as const);
  const key = await readKey((await readPolicy()).requirePassphrase === true);
  if (!key || !storedInfo) {
    throw deskError('no_key', 'noKeyYet');
  }
  // The environment is read from the key itself, never trusted from what storage says about it;
  // so is its masked name, which signs what is sent with it (a key saved since the info was read
  // must not lend it its name).
  const keyInfo: KeyInfo = {
    ...storedInfo,
    masked: maskKey(key),
    environment: keyEnvironment(key) === 'sandbox' ? 'sandbox' : 'production',
  };
  if (keyInfo.environment === 'production' && !settings.allowProduction) {
    throw deskError('no_key', 'productionKeyOff');
  }
  const client = createPersonaClient({
    ...options,
    apiKey: key,
    baseUrl: settings.baseUrl,
    onResponse: holdWatcherOn429,
  });
  return { client, settings, keyInfo };
}

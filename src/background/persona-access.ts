// Opens a Persona client for one request from what is stored: the key, the settings. Read on
// every request rather than kept in a module variable, because the worker may restart any time.
import { DeskError, deskError } from '../shared/errors.ts';
import { keyInfoItem, pollStateItem, settingsItem } from '../shared/generated/stored-items.ts';
import { keyEnvironment, maskKey } from '../shared/persona/api-key.ts';
import { checkBaseUrl } from '../shared/persona/base-url.ts';
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
import { STORE_BUILD } from '../shared/store-build.ts';
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
  // The store's build calls no local sandbox (src/shared/store-build.ts), yet its stored settings
  // may name one: kept from a version that did, or set by a policy. Such a base URL is never used:
  // the desk is as good as not set up, and says why, as for a missing key (kind no_key: the pages
  // offer the settings, where the field says it too). The client below would refuse the address
  // as well, but as a bare refusal with no way to the settings. Not quietly replaced by Persona's
  // address either: the key would go to a host the reviewer never chose, and the desk would show
  // other inquiries than the ones they meant to look at.
  if (STORE_BUILD) {
    const base = checkBaseUrl(settings.baseUrl);
    if (!base.ok) throw new DeskError({ kind: 'no_key', message: base.reason });
  }
  const client = createPersonaClient({
    ...options,
    apiKey: key,
    baseUrl: settings.baseUrl,
    onResponse: holdWatcherOn429,
  });
  return { client, settings, keyInfo };
}

// Opens a Persona client for one request from what is stored: the key, the settings. Read on
// every request rather than kept in a module variable, because the worker may restart any time.
import { DeskError } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';
import {
  createPersonaClient,
  type PersonaClient,
  type PersonaClientOptions,
} from '../shared/persona/client.ts';
import type { Settings } from '../shared/settings.ts';
import { readItems } from '../shared/storage.ts';
import { apiKeyItem, type KeyInfo, keyInfoItem, settingsItem } from '../shared/storage-items.ts';

export interface PersonaAccess {
  client: PersonaClient;
  settings: Settings;
  keyInfo: KeyInfo;
}

/** `options` adjusts the client's manners (the poller retries less); never the key or host. */
export async function openPersona(
  options: Pick<PersonaClientOptions, 'retry' | 'timeoutMs'> = {},
): Promise<PersonaAccess> {
  const [key, keyInfo, settings] = await readItems([
    apiKeyItem,
    keyInfoItem,
    settingsItem,
  ] as const);
  if (!key || !keyInfo) {
    throw new DeskError({
      kind: 'no_key',
      message: t('noKeyYet'),
    });
  }
  if (keyInfo.environment === 'production' && !settings.allowProduction) {
    throw new DeskError({
      kind: 'no_key',
      message: t('productionKeyOff'),
    });
  }
  const client = createPersonaClient({ ...options, apiKey: key, baseUrl: settings.baseUrl });
  return { client, settings, keyInfo };
}

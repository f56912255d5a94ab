// The API key's only home. It is read here and handed to the Persona client; pages get the masked
// form (keyInfo) and nothing else. Never log it, never put it in an error.
import { DeskError } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';
import { checkApiKey, maskKey } from '../shared/persona/api-key.ts';
import { removeItem, writeItem } from '../shared/storage.ts';
import { apiKeyItem, type KeyInfo, keyInfoItem } from '../shared/storage-items.ts';

/** Checks a typed key's form and the production rule; returns the trimmed key and its info. */
export function admitKey(input: string, allowProduction: boolean): { key: string; info: KeyInfo } {
  const check = checkApiKey(input);
  if (!check.ok) throw new DeskError({ kind: 'invalid', message: check.reason, pointer: 'key' });
  if (check.environment === 'production' && !allowProduction) {
    throw new DeskError({
      kind: 'invalid',
      pointer: 'key',
      message: t('productionKeyRefused'),
    });
  }
  return {
    key: check.key,
    info: { masked: maskKey(check.key), environment: check.environment, savedAt: Date.now() },
  };
}

export async function storeKey(key: string, info: KeyInfo): Promise<void> {
  await writeItem(apiKeyItem, key);
  await writeItem(keyInfoItem, info);
}

export async function forgetKey(): Promise<void> {
  await removeItem(apiKeyItem);
  await removeItem(keyInfoItem);
}

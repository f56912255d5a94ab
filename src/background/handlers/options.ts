import { DeskError } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { ConnectionReport, Reply, RequestOf } from '../../shared/messages.ts';
import { keyEnvironment } from '../../shared/persona/api-key.ts';
import { checkBaseUrl } from '../../shared/persona/base-url.ts';
import { createPersonaClient } from '../../shared/persona/client.ts';
import { readItem, readItems, writeItem } from '../../shared/storage.ts';
import { apiKeyItem, keyInfoItem, settingsItem } from '../../shared/storage-items.ts';
import { admitKey, forgetKey, storeKey } from '../key-custody.ts';
import { validateSettings } from '../validate-settings.ts';

export async function saveOptions(
  request: RequestOf<'saveOptions'>,
): Promise<Reply<'saveOptions'>> {
  const settings = validateSettings(request.settings);
  let keyInfo = await readItem(keyInfoItem);
  if (request.key !== undefined && request.key.trim() !== '') {
    const admitted = admitKey(request.key, settings.allowProduction);
    await storeKey(admitted.key, admitted.info);
    keyInfo = admitted.info;
  } else if (keyInfo?.environment === 'production' && !settings.allowProduction) {
    throw new DeskError({
      kind: 'invalid',
      pointer: 'allowProduction',
      message: t('savedKeyIsProduction'),
    });
  }
  await writeItem(settingsItem, settings);
  return { settings, keyInfo };
}

export async function clearKey(): Promise<Reply<'clearKey'>> {
  await forgetKey();
  return { keyInfo: null };
}

/**
 * Asks Persona who the key is: the undocumented key-introspection endpoint first (it reveals
 * permissions), then `GET /rate-limits`, which every key may call (docs/persona.md#key-checks).
 */
export async function testConnection(
  request: RequestOf<'testConnection'>,
): Promise<Reply<'testConnection'>> {
  const [storedKey, settings] = await readItems([apiKeyItem, settingsItem] as const);
  const base = checkBaseUrl(request.baseUrl ?? settings.baseUrl);
  if (!base.ok) throw new DeskError({ kind: 'invalid', pointer: 'baseUrl', message: base.reason });
  const typed = request.key?.trim();
  const key = typed ? admitKey(typed, settings.allowProduction).key : storedKey;
  if (!key) {
    throw new DeskError({
      kind: 'no_key',
      pointer: 'key',
      message: t('pasteKeyFirst'),
    });
  }
  const environment = keyEnvironment(key) === 'production' ? 'production' : 'sandbox';
  const client = createPersonaClient({ apiKey: key, baseUrl: base.baseUrl });
  const report: ConnectionReport = { environment, baseUrl: base.baseUrl };
  try {
    const permissions = await client.getKeyPermissions();
    Object.assign(report, metaFacts(permissions.meta), {
      keyName: permissions.data.name,
      permissions: permissions.data.permissions,
      keyExpiresAt: permissions.data.expiresAt,
    });
  } catch (error) {
    // 404/403/bad_response: this endpoint is not promised to exist; a 401 is the real answer.
    if (error instanceof DeskError && error.info.kind === 'unauthorized') throw error;
  }
  const limits = await client.getRateLimits();
  Object.assign(report, metaFacts(limits.meta));
  if (limits.data) report.rateLimit = limits.data;
  return dropUndefined(report);
}

function metaFacts(meta: {
  requestId?: string;
  environmentId?: string;
  organizationId?: string;
}): Partial<ConnectionReport> {
  return {
    requestId: meta.requestId,
    environmentId: meta.environmentId,
    organizationId: meta.organizationId,
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

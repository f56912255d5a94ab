import { DeskError } from '../../shared/errors.ts';
import { keyInfoItem, sealedKeyItem, settingsItem } from '../../shared/generated/stored-items.ts';
import { t } from '../../shared/i18n.ts';
import type { ConnectionReport, Reply, RequestOf } from '../../shared/messages.ts';
import { keyEnvironment } from '../../shared/persona/api-key.ts';
import { checkBaseUrl, keyBaseUrlProblem } from '../../shared/persona/base-url.ts';
import { createPersonaClient } from '../../shared/persona/client.ts';
import { applyPolicy, readPolicy } from '../../shared/policy.ts';
import type { Settings } from '../../shared/settings.ts';
import { readItem, writeItem } from '../../shared/storage.ts';
import { invalid, validateSettings } from '../../shared/validate-settings.ts';
import { appendAudit } from '../audit/append.ts';
import { currentReviewer } from '../audit/record.ts';
import { admitKey, forgetKey, inCustody, readKey, storeKey } from '../key-custody.ts';
import type { Handlers } from '../message-router.ts';

/** One at a time with the lock (key-custody.ts): its "locked, nothing is saved" must hold to the write. */
export function saveOptions(request: RequestOf<'saveOptions'>): Promise<Reply<'saveOptions'>> {
  return inCustody(() => save(request));
}

async function save(request: RequestOf<'saveOptions'>): Promise<Reply<'saveOptions'>> {
  const policy = await readPolicy();
  // Managed values win over whatever the page sent (the page shows them disabled anyway).
  const settings = validateSettings(applyPolicy(request.settings, policy));
  let keyInfo = await readItem(keyInfoItem);
  const typedKey = request.key?.trim() ? request.key : undefined;
  // The key's own shape first: a malformed key is said at the key field, not blamed on the URL.
  const admitted =
    typedKey === undefined ? undefined : admitKey(typedKey, settings.allowProduction);
  // Locked, nothing is saved: readKey throws, as storeKey does for a typed key. Whoever sits down
  // at a locked desk must not be able to change how it behaves once unlocked (the auto-lock's
  // minutes, the chat message that goes to customers); Remove key stays, to start over.
  refuseKeyForBaseUrl(admitted?.key ?? (await readKey()), settings.baseUrl);
  if (admitted) {
    if (policy.requirePassphrase && !(await readItem(sealedKeyItem))) {
      invalid('key', t('passphraseRequiredBeforeKey'));
    }
    await storeKey(admitted.key, admitted.info);
    keyInfo = admitted.info;
  } else if (keyInfo?.environment === 'production' && !settings.allowProduction) {
    invalid('allowProduction', t('savedKeyIsProduction'));
  }
  const stored = await readItem(settingsItem);
  await writeItem(settingsItem, settings);
  // Which keys the desk may send is a fact an auditor asks about, and so is any other change of
  // how the desk behaves (the chat message customers get, the auto-lock, the base URL): a save
  // that turns "Allow production keys" on or off is logged as that, one that changes anything
  // else as settingsChanged (the router's audit hook logs the key saved). What the policy sets is
  // the organisation's, not a change of the reviewer's: both sides carry its values as it gives
  // them, since the stored ones are its raw values and the saved ones are checked and normalised.
  // settingsChanged names the settings, never their values (a chat message may say anything).
  const before = applyPolicy(stored, policy);
  const after = applyPolicy(settings, policy);
  const changed = (Object.keys(after) as (keyof Settings)[]).filter(
    (name) =>
      name !== 'allowProduction' && JSON.stringify(after[name]) !== JSON.stringify(before[name]),
  );
  const allowed = stored.allowProduction;
  for (const [action, details] of [
    [changed[0] && 'settingsChanged', changed],
    [
      settings.allowProduction !== allowed &&
        (allowed ? 'productionDisallowed' : 'productionAllowed'),
    ],
  ] as const) {
    if (action) {
      await appendAudit({
        at: Date.now(),
        reviewer: await currentReviewer(policy.reviewer),
        action,
        outcome: 'ok',
        details,
      });
    }
  }
  return { settings, keyInfo };
}

/** A production key with a loopback base URL: said at the base URL field, before any write. */
function refuseKeyForBaseUrl(key: string | null, baseUrl: string): void {
  const problem = key ? keyBaseUrlProblem(key, baseUrl) : undefined;
  if (problem) invalid('baseUrl', problem);
}

export async function clearKey(): Promise<Reply<'clearKey'>> {
  await inCustody(forgetKey);
  return { keyInfo: null };
}

/**
 * Asks Persona who the key is: the key-introspection endpoint first (it reveals permissions, but
 * is not in Persona's published API, so it is best effort), then `GET /rate-limits`, which every
 * key may call (`GET /rate-limits` in Persona's API reference, https://docs.withpersona.com/rate-limiting).
 */
export async function testConnection(
  request: RequestOf<'testConnection'>,
): Promise<Reply<'testConnection'>> {
  const settings = await readItem(settingsItem);
  const base = checkBaseUrl(request.baseUrl ?? settings.baseUrl);
  if (!base.ok) invalid('baseUrl', base.reason);
  const typed = request.key?.trim();
  const policy = await readPolicy();
  // The page's unsaved tick counts, as its typed key and base URL do; the policy still rules.
  const allow = policy.allowProductionKeys ?? request.allowProduction ?? settings.allowProduction;
  const key = typed ? admitKey(typed, allow).key : await readKey(policy.requirePassphrase === true);
  if (!key) {
    throw new DeskError({
      kind: 'no_key',
      pointer: 'key',
      message: t('pasteKeyFirst'),
    });
  }
  refuseKeyForBaseUrl(key, base.baseUrl);
  const environment = keyEnvironment(key) === 'production' ? 'production' : 'sandbox';
  // Asked once: the reviewer is waiting for the answer, and can ask again; a lost connection sent
  // again with its back-off held "Testing…" up for some 5 s before saying nothing answered.
  const client = createPersonaClient({
    apiKey: key,
    baseUrl: base.baseUrl,
    retry: { maxRetries: 0 },
  });
  const report: ConnectionReport = { environment, baseUrl: base.baseUrl, permissionsRead: false };
  try {
    const permissions = await client.getKeyPermissions();
    Object.assign(report, metaFacts(permissions.meta), {
      keyName: permissions.data.name,
      permissions: permissions.data.permissions,
      keyExpiresAt: permissions.data.expiresAt,
      permissionsRead: true,
    });
  } catch (error) {
    // 404/403/bad_response: this endpoint is not promised to exist; a 401 is the real answer.
    if (error instanceof DeskError && error.info.kind === 'unauthorized') throw error;
  }
  const limits = await client.getRateLimits();
  Object.assign(report, metaFacts(limits.meta));
  if (limits.data) report.rateLimit = limits.data;
  // A field no call answered stays undefined: the page shows only what is there.
  return report;
}

/** What the report shows of an answer's headers: the environment and organisation, no request id. */
function metaFacts(meta: {
  environmentId?: string;
  organizationId?: string;
}): Partial<ConnectionReport> {
  return { environmentId: meta.environmentId, organizationId: meta.organizationId };
}

export const optionsHandlers = {
  saveOptions,
  clearKey,
  testConnection,
} satisfies Partial<Handlers>;

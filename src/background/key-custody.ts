// The API key's only home. It is read here and handed to the Persona client; pages get the masked
// form (keyInfo) and nothing else. Never log it, never put it in an error.
// Without a passphrase the key is in storage.local; with one, only its sealed form is, and the clear
// key lives in storage.session while unlocked (lock/passphrase.ts). Any change of key, and its
// removal, wipes what storage.session holds of the old key's data (inquiries, links, lookups); a
// change keeps what the reviewer typed (the draft), and removal and the lock take that too.
import { browser } from '../shared/browser.ts';
import { type DeskError, deskError } from '../shared/errors.ts';
import {
  apiKeyItem,
  keyInfoItem,
  pendingCreatesItem,
  sealedKeyItem,
  sessionKeyItem,
  unlockStateItem,
} from '../shared/generated/stored-items.ts';
import { t } from '../shared/i18n.ts';
import { checkApiKey, maskKey } from '../shared/persona/api-key.ts';
import { itemValue, readItem, readItems, writeItems } from '../shared/storage.ts';
import type { KeyInfo } from '../shared/storage-items.ts';
import { invalid } from '../shared/validate-settings.ts';
import { inTurn } from './edit-item.ts';
import { seal } from './lock/seal.ts';

/** Checks a typed key's form and the production rule; returns the trimmed key and its info. */
export function admitKey(input: string, allowProduction: boolean): { key: string; info: KeyInfo } {
  const check = checkApiKey(input);
  if (!check.ok) invalid('key', check.reason);
  if (check.environment === 'production' && !allowProduction) {
    invalid('key', t('productionKeyRefused'));
  }
  return {
    key: check.key,
    info: { masked: maskKey(check.key), environment: check.environment, savedAt: Date.now() },
  };
}

/**
 * Runs one change of the key's custody once the one before it is over: a key saved or removed, a
 * passphrase set, an unlock, a lock (Lock now, the auto-lock, browser start) and a page's use
 * (the ping). Each reads the lock's state and then writes; interleaved at an await, a ping or a
 * key save that read "unlocked" before a lock would write the session back after it, and the desk
 * would look, or be, unlocked with no alarm left to lock it. Called by the handlers and
 * listeners, never inside one another: the queue does not nest.
 */
export function inCustody<R>(change: () => Promise<R>): Promise<R> {
  return inTurn('key', change);
}

export function lockedError(): DeskError {
  return deskError('no_key', 'deskLocked');
}

/**
 * The clear key, or null when none is saved; throws when a passphrase locks it, or when the
 * organisation requires a passphrase and the key was saved without one (before the policy came).
 */
export async function readKey(requirePassphrase = false): Promise<string | null> {
  const [sealed, clear] = await readItems([sealedKeyItem, apiKeyItem] as const);
  if (!sealed && clear && requirePassphrase) {
    throw deskError('no_key', 'passphraseRequiredForKey');
  }
  if (!sealed) return clear;
  const session = await readItem(sessionKeyItem);
  if (!session) throw lockedError();
  return session.apiKey || null;
}

/**
 * Called after a write of what Persona answered: if the key can no longer be read (a passphrase
 * locked the desk, or Remove key took it), or is no longer the one the answer came with (`masked`,
 * the request's keyInfo.masked: another key was saved), while the request was under way, the items
 * go again. The wipe came before the answer, and a locked desk, or one without a key, keeps no
 * personal data in memory, nor a new key the old one's. A lock, a removal or a change after this
 * check wipes them itself. Two keys with the same masked form (prefix and last four) pass as one:
 * that keeps the answer, as before this check. `masked` is undefined for what the reviewer typed
 * before any request (a lookup's text, a create's prefill): only the lock and removal count.
 */
export async function dropIfKeyGone(masked: string | undefined, ...keys: string[]): Promise<void> {
  // readKey throws while locked.
  const key = await readKey().catch(() => null);
  if (!key || (masked && maskKey(key) !== masked)) await browser.storage.session.remove(keys);
}

/** A passphrase seals the key, and no unlock has opened it since the lock. */
export async function isLocked(): Promise<boolean> {
  const [sealed, open] = await readItems([sealedKeyItem, sessionKeyItem] as const);
  return !!sealed && !open;
}

/**
 * Everything storage.session holds goes: cached inquiries, links, drafts, lookups, the clear key;
 * all but the items `keep` names, when it names any.
 */
export async function wipeSession(...keep: string[]): Promise<void> {
  const { session } = browser.storage;
  if (!keep[0]) return session.clear();
  await session.remove(Object.keys(await session.get(null)).filter((k) => !keep.includes(k)));
}

/**
 * Saves a new key and wipes the old one's session, but not what the reviewer was typing: a key is
 * often saved after Persona refused the old one, with a create form or a decline comment open.
 * The draft keeps the mark of a create sent with the old key (the form says so, and does not send
 * it again by itself: create-view.tsx); the creates a closed browser left under the old key are
 * not asked after with the new one (create/pending-creates.ts). With a passphrase the open key is
 * replaced, never removed: the pages would take a gap for a lock.
 */
export async function storeKey(key: string, info: KeyInfo): Promise<void> {
  const sealed = await readItem(sealedKeyItem);
  const session = await readItem(sessionKeyItem);
  if (sealed && !session) throw lockedError();
  // The old key's data goes first: a worker stopped after it leaves the old key with less, never
  // the new key beside the old key's inquiries. It goes again once the new key can be read: an
  // answer to the old key written in between still saw the old key there (dropIfKeyGone).
  const wipe = () => wipeSession('draft', sessionKeyItem.key, unlockStateItem.key);
  await browser.storage.local.remove(pendingCreatesItem.key);
  await wipe();
  if (!sealed || !session) {
    // One write: a worker stopped between two writes would leave a key with another key's info.
    await writeItems('local', [itemValue(apiKeyItem, key), itemValue(keyInfoItem, info)]);
    return wipe();
  }
  const resealed = { ...sealed, ...(await seal(key, session.wrapKey)) };
  await writeItems('local', [itemValue(sealedKeyItem, resealed), itemValue(keyInfoItem, info)]);
  // No lock comes in between: saveOptions runs in the key's custody (inCustody), and a lock waits
  // for it there, then takes this open key too; the unlock opens the new one.
  await writeItems('session', [
    itemValue(sessionKeyItem, { apiKey: key, wrapKey: session.wrapKey }),
  ]);
  await wipe();
}

/**
 * Remove key: the key in every form, the passphrase with it, the creates a closed browser left
 * under it, and everything in the session.
 */
export async function forgetKey(): Promise<void> {
  await browser.storage.local.remove([
    apiKeyItem.key,
    keyInfoItem.key,
    sealedKeyItem.key,
    pendingCreatesItem.key,
  ]);
  await wipeSession();
}

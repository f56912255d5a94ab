// The optional passphrase: set it, unlock, lock. The wait after a wrong passphrase is enforced
// here, in the background, one try at a time, and survives a worker restart (unlockMissesItem),
// so neither a page nor a script on an extension page can try passphrases faster through the
// desk. (Whoever can run script on an extension page can also read the sealed key and try
// passphrases offline, at PBKDF2's cost per try: README, "Security".)

import { base64ToBytes } from '../../shared/base64.ts';
import { browser } from '../../shared/browser.ts';
import { DeskError, deskError } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import {
  apiKeyItem,
  sealedKeyItem,
  sessionKeyItem,
  unlockMissesItem,
  unlockStateItem,
} from '../../shared/generated/stored-items.ts';
import { t } from '../../shared/i18n.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/passphrase-rule.ts';
import { duration } from '../../shared/persona/persona-error.ts';
import { itemValue, readItem, writeItem, writeItems } from '../../shared/storage.ts';
import { invalid } from '../../shared/validate-settings.ts';
import { editItem } from '../edit-item.ts';
import { wipeSession } from '../key-custody.ts';
import { clearAutoLock, scheduleAutoLock } from './auto-lock.ts';
import { deriveWrapKey, newSalt, PBKDF2_ITERATIONS, type Sealed, seal, unseal } from './seal.ts';

/** Seconds to wait after the n-th miss in a row: 1, 2, 4 … up to 15 minutes. */
export function missDelaySeconds(misses: number): number {
  return misses <= 0 ? 0 : Math.min(2 ** (misses - 1), 15 * 60);
}

async function startSession(apiKey: string, wrapKey: string, now: number): Promise<void> {
  await writeItems('session', [
    itemValue(sessionKeyItem, { apiKey, wrapKey }),
    itemValue(unlockStateItem, { unlockedAt: now, lastUsedAt: now }),
  ]);
  await scheduleAutoLock();
}

/**
 * Sets or changes the passphrase. Changing it takes the current one, tried as an unlock is (a
 * miss counts, and waits, the same), so a desk left unlocked cannot be locked away from its
 * reviewer by whoever sits down at it.
 */
export async function setPassphrase(
  passphrase: string,
  current = '',
  now = Date.now(),
): Promise<void> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    invalid('passphrase', t('passphraseTooShort', MIN_PASSPHRASE_LENGTH));
  }
  const first = !(await readItem(sealedKeyItem));
  const apiKey = first
    ? ((await readItem(apiKeyItem)) ?? '')
    : await unlock(current, now, 'currentPassphrase');
  const salt = newSalt();
  const wrapKey = await deriveWrapKey(passphrase, base64ToBytes(salt), PBKDF2_ITERATIONS);
  const next = { salt, iterations: PBKDF2_ITERATIONS, ...(await seal(apiKey, wrapKey)) };
  // A first passphrase's session starts before its sealed key is there: pages read the two apart
  // (use-lock.ts), and the other way round they saw the desk locked in between. A stop in between
  // leaves the clear key, and no passphrase.
  if (first) await startSession(apiKey, wrapKey, now);
  // The sealed form is written before the clear one is removed: a stop in between loses nothing.
  await writeItem(sealedKeyItem, next);
  await writeItem(apiKeyItem, null);
  // A change's session after: till the new sealed key is in, the session's wrap key stays the
  // one that sealed the stored key, which a key saved meanwhile is sealed again with.
  if (!first) await startSession(apiKey, wrapKey, now);
}

/**
 * Opens the sealed key with the passphrase and starts a session; returns the key. Tries run one
 * at a time, in the queue of the misses' item (edit-item.ts): sent at once (by a script on an
 * extension page), each would pass the wait before any miss was counted, and many guesses would
 * cost one wait between them. The misses are written here, not by the queue: an unreadable count
 * must not stop the unlock.
 */
export function unlock(passphrase: string, at?: number, pointer = 'passphrase'): Promise<string> {
  return editItem(unlockMissesItem, async (misses) => {
    // Its own turn's time: a try that waited for the one before is not refused for that wait.
    const now = at ?? Date.now();
    const sealed = await readItem(sealedKeyItem);
    if (!sealed) {
      throw deskError('invalid', 'noPassphraseToUnlock');
    }
    if (now < misses.waitUntil)
      throw waitError(misses.waitUntil - now, pointer, 'tooManyWrongPassphrases');
    const wrapKey = await deriveWrapKey(passphrase, base64ToBytes(sealed.salt), sealed.iterations);
    const apiKey = await unseal(sealed, wrapKey);
    if (apiKey === undefined) {
      const count = misses.misses + 1;
      const wait = missDelaySeconds(count) * 1000;
      await writeItem(unlockMissesItem, { misses: count, waitUntil: now + wait });
      throw waitError(wait, pointer, 'wrongPassphrase');
    }
    await writeItem(unlockMissesItem, { misses: 0, waitUntil: 0 });
    // Before the session: the pages, unlocked, open on the draft as it was left.
    const { session } = browser.storage;
    const { sealedDraft } = (await session.get('sealedDraft')) as { sealedDraft?: Sealed };
    const draft = sealedDraft && (await unseal(sealedDraft, wrapKey));
    await session.remove('sealedDraft');
    if (draft) await session.set({ draft: JSON.parse(draft) });
    await startSession(apiKey, wrapKey, now);
    return { value: misses, result: apiKey };
  });
}

/**
 * Lock now, auto-lock and browser start: the clear key and all personal data leave memory. What
 * the reviewer was typing (a decline's comment, the create form) stays, sealed as the key is:
 * whoever sits down at the locked desk cannot read it, and the unlock gives it back.
 */
export async function lock(): Promise<void> {
  const { session } = browser.storage;
  const { draft } = await session.get('draft');
  const open = await readItem(sessionKeyItem);
  const kept = draft && open && (await seal(JSON.stringify(draft), open.wrapKey));
  await wipeSession();
  if (kept) await session.set({ sealedDraft: kept });
  await clearAutoLock();
}

/**
 * A refused try and the wait before the next: `ms` is whole seconds after a miss, so rounding up
 * changes nothing there, and one maker serves both messages.
 */
function waitError(
  ms: number,
  pointer: string,
  key: 'tooManyWrongPassphrases' | 'wrongPassphrase',
): DeskError {
  return new DeskError({
    kind: 'invalid',
    pointer,
    retryAfterSeconds: Math.ceil(ms / 1000),
    message: t(key, formatWait(ms)),
  });
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return duration(seconds * 1000);
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? t('durationMinute') : t('durationMinutes', formatNumber(minutes));
}

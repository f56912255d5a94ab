import type { Reply, RequestOf } from '../../shared/messages.ts';
import { resumePendingCreates } from '../create/create-inquiry.ts';
import { inCustody } from '../key-custody.ts';
import * as passphrase from '../lock/passphrase.ts';
import type { Handlers } from '../message-router.ts';
import { requestCycle } from '../watch/poller.ts';

export async function setPassphrase(
  request: RequestOf<'setPassphrase'>,
): Promise<Reply<'setPassphrase'>> {
  await inCustody(() => passphrase.setPassphrase(request.passphrase, request.current));
  return { locked: false };
}

export async function unlock(request: RequestOf<'unlock'>): Promise<Reply<'unlock'>> {
  await inCustody(() => passphrase.unlock(request.passphrase));
  // Every watch cycle failed while locked, and backed off further each time: ask Persona now,
  // which also clears the "locked" failure the watchlist shows.
  void requestCycle('unlock').catch(() => undefined);
  // A create the browser's closing interrupted waited for the key too.
  void resumePendingCreates().catch(() => undefined);
  return { locked: false };
}

export async function lockNow(): Promise<Reply<'lock'>> {
  await inCustody(passphrase.lock);
  return { locked: true };
}

export const lockHandlers = { setPassphrase, unlock, lock: lockNow } satisfies Partial<Handlers>;

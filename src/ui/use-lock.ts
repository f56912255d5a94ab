import { sealedKeyItem, unlockStateItem } from '../shared/generated/first-screen-items.ts';
import { useStored } from './use-stored.ts';

export type LockStatus = 'loading' | 'none' | 'locked' | 'unlocked';

/** Whether a passphrase is set and, if so, whether the desk is unlocked right now. */
export function useLock(): LockStatus {
  const sealed = useStored(sealedKeyItem);
  const state = useStored(unlockStateItem);
  if (sealed === undefined || state === undefined) return 'loading';
  if (sealed === null) return 'none';
  return state ? 'unlocked' : 'locked';
}

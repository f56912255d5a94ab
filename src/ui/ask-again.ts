// A request cut short by the background stopping (Chrome stops an idle worker, an update restarts
// it) is asked once more: the message wakes a new worker, which answers it. Only for requests
// safe to repeat: reads, and a create under its Idempotency-Key, which the restarted worker
// joins or Persona replays. A decision is not asked again by itself: what became of it is
// Persona's to say (the detail reads the inquiry again instead).
import { toErrorInfo } from '../shared/errors.ts';

export async function askAgainIfStopped<T>(send: () => Promise<T>, onRetry?: () => void) {
  try {
    return await send();
  } catch (error) {
    if (toErrorInfo(error).kind !== 'disconnected') throw error;
    onRetry?.();
    return send();
  }
}

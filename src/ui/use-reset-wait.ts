import { useEffect } from 'preact/hooks';
import type { ErrorInfo } from '../shared/errors.ts';
import { waitsForReset } from './components/problem-message.tsx';
import { useSecondsLeft } from './use-seconds-left.ts';

/**
 * Seconds until Persona's rate-limit window resets, when `error` is its refusal; 0 otherwise. A
 * request sent before then is refused again and spends the limit the team shares, so what sent it
 * waits. `onLimited` hears each such refusal, for the rest of the page to wait with it.
 */
export function useResetWait(
  error: ErrorInfo | undefined,
  onLimited?: (error: ErrorInfo) => void,
): number {
  const limited = waitsForReset(error);
  useEffect(() => {
    if (error && limited) onLimited?.(error);
  }, [error]);
  return useSecondsLeft(limited ? error?.retryAfterSeconds : 0, error);
}

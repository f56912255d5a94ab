import { useEffect, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../shared/errors.ts';
import type { Reply } from '../shared/messages.ts';
import { sendRequest } from '../shared/send-request.ts';

export type PingState =
  | { state: 'waiting' }
  | { state: 'ok'; reply: Reply<'ping'> }
  | { state: 'failed'; error: ErrorInfo };

/** Asks the background for its version once; shows that the worker is reachable. */
export function usePing(): PingState {
  const [ping, setPing] = useState<PingState>({ state: 'waiting' });
  useEffect(() => {
    sendRequest({ type: 'ping' }).then(
      (reply) => setPing({ state: 'ok', reply }),
      (error: unknown) =>
        setPing({
          state: 'failed',
          error: toErrorInfo(error),
        }),
    );
  }, []);
  return ping;
}

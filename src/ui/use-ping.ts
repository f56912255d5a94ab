import { useEffect, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../shared/errors.ts';
import type { Reply } from '../shared/messages.ts';
import { sendRequest } from '../shared/send-request.ts';
import { afterFirstPaint } from './first-paint.ts';

export type PingState =
  | { state: 'waiting' }
  | { state: 'ok'; reply: Reply<'ping'> }
  | { state: 'failed'; error: ErrorInfo };

/** Asks the background for its version once, after the first paint; shows that the worker is reachable. */
export function usePing(): PingState {
  const [ping, setPing] = useState<PingState>({ state: 'waiting' });
  useEffect(() => {
    let live = true;
    void afterFirstPaint().then(() => {
      if (!live) return;
      sendRequest({ type: 'ping' }).then(
        (reply) => setPing({ state: 'ok', reply }),
        (error: unknown) => setPing({ state: 'failed', error: toErrorInfo(error) }),
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return ping;
}

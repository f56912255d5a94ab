// A scripted stand-in for fetch: each call is recorded and answered by the next step.
import type { FetchLike } from '../../../../src/shared/persona/fetch-with-timeout.ts';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A Response, `'drop'` (connection lost) or `'hang'` (never answers until aborted). */
export type Step = Response | 'drop' | 'hang' | ((call: RecordedCall) => Response);

export function fakeFetch(...steps: Step[]) {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: RecordedCall = { url, method: init.method ?? 'GET', headers, body };
    calls.push(call);
    const step = steps.length > 1 ? steps.shift() : steps[0];
    if (step === undefined) throw new Error('no scripted answer left');
    if (step === 'drop') throw new TypeError('fetch failed');
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    }
    return typeof step === 'function' ? step(call) : step.clone();
  };
  return { fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Sleep and random that record the waits instead of waiting. */
export function fakeTime() {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
    random: () => 0.5,
  };
}

// One HTTP exchange bounded in time, body included. Persona calls have no documented server-side
// timeout, and a service worker must not wait forever on a stalled connection; racing the
// exchange against a timer also covers an injected fetch that ignores the abort signal.

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Why no answer came: the connection failed or the time ran out. */
export class ExchangeFailure {
  constructor(readonly kind: 'network' | 'timeout') {}
}

export interface Exchange {
  response: Response;
  text: string;
}

export async function fetchWithTimeout(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<Exchange> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ExchangeFailure('timeout'));
    }, timeoutMs);
  });
  const exchange = (async () => {
    try {
      const response = await fetchFn(url, { ...init, signal: controller.signal });
      return { response, text: await response.text() };
    } catch {
      // The thrown error is dropped on purpose: it may quote the request it failed on.
      throw new ExchangeFailure('network');
    }
  })();
  try {
    return await Promise.race([exchange, timeout]);
  } finally {
    clearTimeout(timer);
    exchange.catch(() => undefined);
  }
}

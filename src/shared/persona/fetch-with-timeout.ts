// One HTTP exchange bounded in time, body included. Persona calls have no documented server-side
// timeout, and a service worker must not wait forever on a stalled connection; racing the
// exchange against a timer also covers an injected fetch that ignores the abort signal.

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Why no answer came: the connection failed, the time ran out, or the server redirected. */
export class ExchangeFailure {
  constructor(readonly kind: 'network' | 'timeout' | 'redirect') {}
}

/**
 * Fixed on every request to Persona. `no-store`: answers carry personal data and the HTTP cache
 * is on disk. `manual`: a redirect is never followed, because a followed 307 re-sends the body and
 * Idempotency-Key (and before Chrome 119 the Authorization header) to wherever it points
 * (https://fetch.spec.whatwg.org/#http-redirect-fetch); it arrives as an opaque redirect instead.
 */
export const PERSONA_FETCH_INIT = { cache: 'no-store', redirect: 'manual' } as const;

export interface Exchange {
  response: Response;
  /** The body as bytes: JSON for most calls, a PDF for the print. */
  bytes: Uint8Array;
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
    let response: Response;
    let bytes: Uint8Array;
    try {
      response = await fetchFn(url, { ...init, ...PERSONA_FETCH_INIT, signal: controller.signal });
      bytes = new Uint8Array(isRedirect(response) ? [] : await response.arrayBuffer());
    } catch {
      // The thrown error is dropped on purpose: it may quote the request it failed on.
      throw new ExchangeFailure('network');
    }
    if (isRedirect(response)) throw new ExchangeFailure('redirect');
    return { response, bytes };
  })();
  try {
    return await Promise.race([exchange, timeout]);
  } finally {
    clearTimeout(timer);
    exchange.catch(() => undefined);
  }
}

/** A redirect as `redirect: 'manual'` shows it in a browser, or a plain 3xx from Node's fetch. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

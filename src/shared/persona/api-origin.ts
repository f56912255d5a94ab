// The default API address, and whether an address is the local sandbox: what the desk's pages
// read to show an inquiry. Checking an address the reviewer typed (base-url.ts) is for the
// options page and the background, and kept apart so that the popup's first screen does not load
// it (docs/architecture.md#budgets).

export const API_PATH = '/api/v1';
export const DEFAULT_BASE_URL = `https://api.withpersona.com${API_PATH}`;

// No `[::1]`: the extension's content security policy (scripts/lib/content-security-policy.ts) is
// what finally lets a request out, and CSP cannot name an IPv6 address; a sandbox there is
// localhost.
const loopbackHosts = new Set(['127.0.0.1', 'localhost']);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase());
}

/** True when the base URL points at the local sandbox rather than Persona. */
export function isLoopbackBaseUrl(baseUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

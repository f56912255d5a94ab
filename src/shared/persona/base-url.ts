// Where the API key may be sent. Persona documents https://api.withpersona.com/api/v1
// (https://docs.withpersona.com/api-quickstart-tutorial); older docs and Persona's own tooling use
// https://withpersona.com/api/v1, so any https withpersona.com host is accepted. Loopback is the
// local sandbox (test/persona-sandbox). Anything else is refused so the key never leaves for a
// host the reviewer did not mean (docs/architecture.md#persona-calls).
import { t } from '../i18n.ts';

export const DEFAULT_BASE_URL = 'https://api.withpersona.com/api/v1';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; reason: string };

export function isPersonaHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'withpersona.com' || host.endsWith('.withpersona.com');
}

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase());
}

/**
 * Validates and normalises a base URL typed by the reviewer. An empty value means the default.
 * The result has no trailing slash, so paths such as `/inquiries` can be appended.
 */
export function checkBaseUrl(input: string): BaseUrlCheck {
  const text = input.trim();
  if (text === '') return { ok: true, baseUrl: DEFAULT_BASE_URL };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: t('urlInvalid') };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: t('urlCredentials') };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: t('urlQuery') };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (loopback && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return { ok: true, baseUrl: stripTrailingSlashes(url) };
  }
  if (!isPersonaHost(url.hostname)) {
    return { ok: false, reason: t('urlHost', url.hostname) };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, reason: t('urlHttps') };
  }
  if (url.port !== '') {
    return { ok: false, reason: t('urlPort') };
  }
  return { ok: true, baseUrl: stripTrailingSlashes(url) };
}

/** True when the base URL points at the local sandbox rather than Persona. */
export function isLoopbackBaseUrl(baseUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

function stripTrailingSlashes(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

// Where the API key may be sent. Persona documents https://api.withpersona.com/api/v1
// (https://docs.withpersona.com/api-quickstart-tutorial); older docs and Persona's own tooling use
// https://withpersona.com/api/v1. Exactly these two hosts are accepted, over https: they are the
// manifest's host_permissions, and any other host would not be reachable anyway. Loopback is the
// local sandbox (test/persona-sandbox), for sandbox keys only: a production key never travels
// over plain http to a local port. The store's build (src/shared/store-build.ts) calls no local
// sandbox, so there loopback is refused too, saying why: a reviewer talked into typing a local
// address would otherwise send their key, over plain http, to whatever listens on that port.
// Anything else is refused so the key never leaves for a host the reviewer did not mean
// (docs/architecture.md#persona-calls).
import { t } from '../i18n.ts';
import { STORE_BUILD } from '../store-build.ts';
import { API_PATH, DEFAULT_BASE_URL, isLoopbackBaseUrl, isLoopbackHost } from './api-origin.ts';

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; reason: string };

/** The manifest's host_permissions: the only Persona hosts a base URL may name. */
export const GRANTED_API_HOSTS: readonly string[] = ['api.withpersona.com', 'withpersona.com'];

export function isGrantedApiHost(hostname: string): boolean {
  return GRANTED_API_HOSTS.includes(hostname.toLowerCase());
}

export function isPersonaHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'withpersona.com' || host.endsWith('.withpersona.com');
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
  // Without its trailing slashes, as the result ends.
  const path = url.pathname.replace(/\/+$/, '');
  const loopback = isLoopbackHost(url.hostname);
  if (loopback && STORE_BUILD) return { ok: false, reason: t('urlLocalStore', url.hostname) };
  if (loopback && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return { ok: true, baseUrl: url.origin + path };
  }
  if (!isGrantedApiHost(url.hostname)) {
    // javascript:, data: or file: name no host at all: not an address to speak of. The store's
    // build names no local sandbox among the hosts it takes.
    const host = STORE_BUILD ? 'urlHostStore' : 'urlHost';
    return { ok: false, reason: url.hostname ? t(host, url.hostname) : t('urlInvalid') };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, reason: t('urlHttps') };
  }
  if (url.port !== '') {
    return { ok: false, reason: t('urlPort') };
  }
  // Persona's API lives under /api/v1 on both hosts: a bare host means it, and any other path is a
  // typo (for example a second URL typed after the default) that would pass the host check.
  const api = url.origin + API_PATH;
  if (path !== API_PATH && path !== '') return { ok: false, reason: t('urlApiPath', api) };
  return { ok: true, baseUrl: api };
}

/**
 * Why this key may not go to this base URL, or `undefined` when it may: loopback (the local
 * sandbox, possibly plain http) takes sandbox keys only.
 */
export function keyBaseUrlProblem(key: string, baseUrl: string): string | undefined {
  if (!isLoopbackBaseUrl(baseUrl) || key.trim().startsWith('persona_sandbox_')) return undefined;
  return t('urlLocalSandboxOnly');
}

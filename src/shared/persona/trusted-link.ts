// A URL that comes from Persona's answer (a one-time link) is shown, opened and put into the
// message for the customer only when it is Persona's: https on withpersona.com or a subdomain
// (https://docs.withpersona.com/docs/inquiry-one-time-links), or the configured local sandbox's
// own origin. A `javascript:` or foreign link would run in, or send the customer to, someone else.
import { isLoopbackBaseUrl, isLoopbackHost } from './api-origin.ts';
import { isPersonaHost } from './base-url.ts';

export function isTrustedLink(link: string, baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:' && url.port === '' && isPersonaHost(url.hostname)) return true;
  return isLoopbackBaseUrl(baseUrl) && url.origin === new URL(baseUrl).origin;
}

/** Without the settings at hand (a stored link read back): Persona's https, or loopback http(s). */
export function isPersonaOrLoopbackLink(link: string): boolean {
  if (isTrustedLink(link, '')) return true;
  try {
    const url = new URL(link);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

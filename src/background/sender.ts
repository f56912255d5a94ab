import type { Runtime } from '../shared/browser.ts';

/**
 * Only the extension's own pages may ask the background for anything. Web pages cannot reach
 * `runtime.onMessage` without `externally_connectable` (which the manifest does not declare), but
 * the check fails closed anyway, in the spirit of uBlock Lite's trusted-origin check.
 */
export function isOwnPage(
  sender: Runtime.MessageSender,
  ownId: string,
  ownOrigin: string,
): boolean {
  if (sender.id !== ownId) return false;
  // `ownOrigin` ends with "/", so a look-alike host such as `<id>.evil` does not match. (URL's
  // `origin` is "null" for chrome-extension: URLs outside Chrome, so compare the prefix.)
  return typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

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
  if (typeof sender.url !== 'string') return false;
  try {
    return `${new URL(sender.url).origin}/` === ownOrigin;
  } catch {
    return false;
  }
}

import { useEffect } from 'preact/hooks';
import { PING_EVERY_MS } from '../shared/activity-ping.ts';
import { sendRequest } from '../shared/send-request.ts';

// Events of the reviewer at work in the desk. Not `input`: a key typed has already been a keydown.
const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Typing, clicking and scrolling in the desk are use: the auto-lock counts from the last one. The
 * pages' requests are not (a queue read again on every change the watcher sees would keep an
 * unattended desk open), so this is how the reviewer's work is told, that which sends requests
 * and that which sends none, such as a decline comment being written or evidence being read. At
 * most one ping per half minute.
 */
export function useActivityTouch(): void {
  useEffect(() => {
    let sent = 0;
    const touch = () => {
      const now = Date.now();
      if (now - sent < PING_EVERY_MS) return;
      sent = now;
      sendRequest({ type: 'ping' }).catch(() => undefined);
    };
    for (const type of ACTIVITY) document.addEventListener(type, touch, { passive: true });
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, touch);
    };
  }, []);
}

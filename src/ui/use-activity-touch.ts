import { useEffect } from 'preact/hooks';
import { sendRequest } from '../shared/send-request.ts';

/**
 * The background writes a use at most this often (background/lock/auto-lock.ts TOUCH_EVERY_MS);
 * a ping sent more often would be read and dropped there.
 */
const TOUCH_EVERY_MS = 30_000;

// Events of the reviewer at work in the desk. Not `input`: a key typed has already been a keydown.
const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Typing, clicking and scrolling in the desk are use: the auto-lock counts from the last one. Each
 * request from a page already counts (the background's router marks it); this covers the work that
 * sends none, such as a decline comment being written or evidence being read, which the lock
 * otherwise cut off in the middle. At most one ping per half minute.
 */
export function useActivityTouch(): void {
  useEffect(() => {
    let sent = 0;
    const touch = () => {
      const now = Date.now();
      if (now - sent < TOUCH_EVERY_MS) return;
      sent = now;
      sendRequest({ type: 'ping' }).catch(() => undefined);
    };
    for (const type of ACTIVITY) document.addEventListener(type, touch, { passive: true });
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, touch);
    };
  }, []);
}

import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Keeps `ref`'s element where it is on screen in the desk's view (.content) while the focus is in
 * its `within` ancestor and something above it appears or grows: the detail's stale-copy banner
 * over a decision's error, offline, or the read-only key's note over the create form's. What scroll
 * anchoring does, which Chromium leaves off at a view's top; not where the browser has anchored it
 * already, nor against a scroll of the reviewer's own. Watched by the view's size, not by a render:
 * the part above may render on its own.
 * `shown`: the element's ref is set while it is (an error, say), and looked at again as it changes.
 */
export function useKeptInPlace(
  ref: RefObject<Element | null>,
  shown: unknown,
  within: string,
): void {
  useEffect(() => {
    const box = ref.current;
    const view = box?.closest('.content');
    const page = box?.closest('.view');
    if (!box || !view || !page || typeof ResizeObserver === 'undefined') return;
    const place = () => ({
      top: box.getBoundingClientRect().top - view.getBoundingClientRect().top + view.scrollTop,
      scroll: view.scrollTop,
    });
    let last = place();
    const scrolled = () => {
      last = place();
    };
    const observer = new ResizeObserver(() => {
      const now = place();
      const moved = now.top - last.top;
      // The view's own scroll unchanged since: neither the browser's anchoring nor the reviewer.
      if (
        moved &&
        now.scroll === last.scroll &&
        box.closest(within)?.contains(document.activeElement)
      ) {
        view.scrollTop += moved;
      }
      last = place();
    });
    observer.observe(page);
    view.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      observer.disconnect();
      view.removeEventListener('scroll', scrolled);
    };
  }, [shown]);
}

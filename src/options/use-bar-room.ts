import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Keeps the page's bottom scroll padding as tall as the sticky Save bar (options.css `--bar-h`),
 * so a field brought into view by Tab, or by a message that names it, is never left under the
 * bar. The bar's height is not fixed: its buttons wrap onto a second row in a narrow window
 * (240 px: 70 px tall, against 49 px at 320 px and wider).
 */
export function useBarRoom(bar: RefObject<HTMLElement | null>, shown: boolean): void {
  // `shown`: the page draws the bar once its settings are read, after its first render.
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const watcher = new ResizeObserver(() =>
      root.style.setProperty('--bar-h', `${el.offsetHeight}px`),
    );
    watcher.observe(el);
    return () => {
      watcher.disconnect();
      root.style.removeProperty('--bar-h');
    };
  }, [shown]);
}

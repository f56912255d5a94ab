import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Whether the element scrolls sideways, kept as its size or its content's changes: a box that
 * scrolls is reached by the keyboard to be scrolled, one that does not is no Tab stop. `shown`:
 * whether the element is rendered now (measured again when it comes).
 */
export function useOverflows(box: RefObject<HTMLElement | null>, shown: boolean): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [shown]);
  return overflows;
}

import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * A text box as tall as its text, up to its style's max-height, then it scrolls: a long comment
 * or message is read whole. CSS does it where it knows `field-sizing: content` (views.css,
 * options.css); where it does not (Firefox), this sets the height as the text changes.
 */
export function useGrowWithText(box: RefObject<HTMLTextAreaElement | null>, text: string): void {
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || CSS.supports('field-sizing', 'content')) return;
    el.style.height = '';
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [text]);
}

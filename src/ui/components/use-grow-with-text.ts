import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Sets `box` as tall as its text, keeping every scrolled ancestor where it was. */
function fitToText(box: HTMLTextAreaElement): void {
  // Emptied for a moment to be measured, the box shortens the page, and the browser pulls a view
  // scrolled to its end back up: Confirm slid away at each key (Firefox, 200 % zoom).
  const kept: [Element, number][] = [];
  for (let el = box.parentElement; el; el = el.parentElement) {
    if (el.scrollTop) kept.push([el, el.scrollTop]);
  }
  box.style.height = '';
  box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  for (const [el, top] of kept) el.scrollTop = top;
}

/**
 * A text box as tall as its text, up to its style's max-height, then it scrolls: a long comment
 * or message is read whole. CSS does it where it knows `field-sizing: content` (views.css,
 * options.css); where it does not (Firefox), this does, as the text changes and as the box's
 * width does (a sidebar dragged wider, a zoom), which changes where its lines wrap.
 */
export function useGrowWithText(box: RefObject<HTMLTextAreaElement | null>, text: string): void {
  const grows = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
  useLayoutEffect(() => {
    if (!grows && box.current) fitToText(box.current);
  }, [text]);
  useLayoutEffect(() => {
    const el = box.current;
    if (grows || !el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    const watcher = new ResizeObserver(() => {
      // Its own height changes too: only a new width makes the lines wrap elsewhere.
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fitToText(el);
    });
    watcher.observe(el);
    return () => watcher.disconnect();
  }, []);
}

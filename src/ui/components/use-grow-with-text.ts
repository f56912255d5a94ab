import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Sets `box` as tall as its text, keeping every scrolled ancestor where it was; the height set. */
function fitToText(box: HTMLTextAreaElement): string {
  // Emptied for a moment to be measured, the box shortens the page, and the browser pulls a view
  // scrolled to its end back up: Confirm slid away at each key (Firefox, 200 % zoom).
  const kept: [Element, number][] = [];
  for (let el = box.parentElement; el; el = el.parentElement) {
    if (el.scrollTop) kept.push([el, el.scrollTop]);
  }
  box.style.height = '';
  box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  for (const [el, top] of kept) el.scrollTop = top;
  return box.style.height;
}

/**
 * A text box as tall as its text, up to its style's max-height, then it scrolls: a long comment
 * or message is read whole. CSS does it where it knows `field-sizing: content` (views.css,
 * options.css); where it does not (Firefox), this does, as the text changes and as the box's
 * width does (a sidebar dragged wider, a zoom), which changes where its lines wrap.
 *
 * The box keeps its grip. A height the reviewer drags it to is theirs: the box stops growing, and
 * the cap is lifted to most of the window so the drag can go past it. Both browsers' grips write
 * an inline height, which this tells from its own by the last one it wrote.
 */
export function useGrowWithText(box: RefObject<HTMLTextAreaElement | null>, text: string): void {
  const grows = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
  const own = useRef('');
  const dragged = useRef(false);
  useLayoutEffect(() => {
    if (!grows && !dragged.current && box.current) own.current = fitToText(box.current);
  }, [text]);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // Watched on its style, not its size: at the cap a drag further down changes no size, and the
    // cap is what it is meant to lift.
    const grip = new MutationObserver(() => {
      if (dragged.current || !el.style.height || el.style.height === own.current) return;
      dragged.current = true;
      // Past the style's cap, not past the window's: dragged tall and then made smaller (a zoom, a
      // narrower panel), the box would hide the question and Confirm around it.
      el.style.maxHeight = '80vh';
    });
    grip.observe(el, { attributes: true, attributeFilter: ['style'] });
    let width = el.clientWidth;
    const wrap =
      grows || typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => {
            // Its own height changes too: only a new width makes the lines wrap elsewhere.
            if (dragged.current || el.clientWidth === width) return;
            width = el.clientWidth;
            own.current = fitToText(el);
          });
    wrap?.observe(el);
    return () => {
      grip.disconnect();
      wrap?.disconnect();
    };
  }, []);
}

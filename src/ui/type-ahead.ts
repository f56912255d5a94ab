// Keys typed and text pasted on a desk page before its search box has the focus. A reviewer
// opens the desk to paste an id, often before it is even drawn: the page starts listening as the
// desk mounts (mount-desk.tsx), and the search box takes what came once it has the focus
// (search-box.tsx), which it gets after the first paint (first-paint.ts). Only keys that reach
// the page itself are kept, and none is taken from it: a space still scrolls what it scrolled. A
// first screen without the box (a locked desk, an inquiry) never takes them, so the keeping ends
// a second after the first paint. A buffer of a few keystrokes, not state.
import { afterFirstPaint } from './first-paint.ts';

/** How long after the first paint the search box may still take what was typed. */
const KEEP_MS = 1000;

let typed = '';
let listening = false;

/** Keys that went to no field: the page itself has them. */
function unclaimed(event: Event): boolean {
  return event.target === document.body || event.target === document.documentElement;
}

function onKeydown(event: KeyboardEvent): void {
  if (!unclaimed(event) || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  // One character (an astral one is two UTF-16 units): printable. Named keys (Enter, Tab…) are
  // left to the page.
  if ([...event.key].length === 1) typed += event.key;
  else if (event.key === 'Backspace') typed = typed.slice(0, -1);
}

function onPaste(event: ClipboardEvent): void {
  const text = event.clipboardData?.getData('text/plain');
  if (!unclaimed(event) || !text) return;
  typed += text;
}

/** Starts keeping what is typed or pasted on the page before anything has the focus. */
export function startTypeAhead(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('keydown', onKeydown);
  document.addEventListener('paste', onPaste);
  void afterFirstPaint().then(() => setTimeout(takeTypedAhead, KEEP_MS));
}

/** What was typed or pasted so far; the keeping ends here (later takes get nothing). */
export function takeTypedAhead(): string {
  document.removeEventListener('keydown', onKeydown);
  document.removeEventListener('paste', onPaste);
  listening = false;
  const text = typed;
  typed = '';
  return text;
}

// Keys typed and text pasted on a desk page before its search box has the focus. A reviewer
// opens the desk to paste an id, often before it is even drawn: the page starts listening as the
// desk mounts (mount-desk.tsx), and the search box takes what came once it has the focus
// (search-box.tsx), which it gets after the first paint (first-paint.ts) once the draft is read.
// Only keys that reach the page itself are kept, and none is taken from it: a space still scrolls
// what it scrolled. A first screen without the box (a locked desk, an inquiry) never takes them,
// so the keeping ends a second after the first paint, unless a box that will take them is on the
// screen: a draft read late or a busy machine must not lose what was typed (a CI run did, the box
// taking the focus more than a second after the first paint), up to ten seconds. A buffer of a
// few keystrokes.
import { afterFirstPaint } from './first-paint.ts';

/** How long after the first paint the search box may still take what was typed. */
const KEEP_MS = 1000;
/** The longest a search box on the screen holds the keeping, however late its draft comes. */
const HOLD_MS = 10_000;

/** What came, in order: characters typed, and text pasted (which the passphrase never takes). */
let kept: { text: string; pasted: boolean }[] = [];
let listening = false;
let ending: ReturnType<typeof setTimeout> | undefined;
/** Search boxes on the screen that will take what was kept once they have the focus. */
let holds = 0;

function endSoon(): void {
  if (!listening || holds > 0) return;
  clearTimeout(ending);
  ending = setTimeout(takeTypedAhead, KEEP_MS);
}

/** Keys that went to no field: the page itself has them. */
function unclaimed(event: Event): boolean {
  return event.target === document.body || event.target === document.documentElement;
}

// Characters come with `keypress`, the event whose default inserts them: a key pressed as the
// focus moves to a field is either kept here or typed there, never both. AltGr's characters come
// with Ctrl and Alt both down; a shortcut (Ctrl or Cmd alone) brings none.
function onKeypress(event: KeyboardEvent): void {
  if (!unclaimed(event) || event.metaKey || (event.ctrlKey && !event.altKey)) return;
  // One character (an astral one is two UTF-16 units); Enter's is not one.
  if ([...event.key].length === 1) kept.push({ text: event.key, pasted: false });
}

function onKeydown(event: KeyboardEvent): void {
  if (!unclaimed(event) || event.key !== 'Backspace') return;
  const last = kept.at(-1);
  if (!last) return;
  const chars = [...last.text].slice(0, -1);
  if (chars.length > 0) last.text = chars.join('');
  else kept.pop();
}

function onPaste(event: ClipboardEvent): void {
  const text = event.clipboardData?.getData('text/plain');
  if (!unclaimed(event) || !text) return;
  kept.push({ text, pasted: true });
}

/** Starts keeping what is typed or pasted on the page before anything has the focus. */
export function startTypeAhead(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('keypress', onKeypress);
  document.addEventListener('keydown', onKeydown);
  document.addEventListener('paste', onPaste);
  void afterFirstPaint().then(endSoon);
}

/**
 * A search box that will take what was kept is on the screen: the keeping waits for it, as long
 * as its draft takes up to HOLD_MS (past that, keys the page got are not for it). Returns what
 * lets the keeping end a second later, should the box go without taking it.
 */
export function holdTypeAhead(): () => void {
  holds++;
  clearTimeout(ending);
  if (listening) ending = setTimeout(takeTypedAhead, HOLD_MS);
  return () => {
    holds--;
    endSoon();
  };
}

/**
 * What was typed or pasted so far, or only what was typed (a passphrase: an id pasted out of
 * habit must not be sent as part of one). The keeping ends here (later takes get nothing).
 */
export function takeTypedAhead(what: 'all' | 'typed' = 'all'): string {
  document.removeEventListener('keypress', onKeypress);
  document.removeEventListener('keydown', onKeydown);
  document.removeEventListener('paste', onPaste);
  clearTimeout(ending);
  listening = false;
  const text = kept
    .filter((part) => what === 'all' || !part.pasted)
    .map((part) => part.text)
    .join('');
  kept = [];
  return text;
}

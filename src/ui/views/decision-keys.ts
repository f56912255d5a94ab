// Single keys in an opened inquiry: A opens Approve's confirmation, D Decline's, and N, once the
// inquiry is decided, opens the next one Needs review listed. By Tab, Decline was 9 or 10 presses
// from the inquiry's heading, a number that changed with what needs a look (listed before the
// decision on purpose: read first); a reviewer deciding all day could not learn it. A key only
// opens a confirmation, whose Confirm still decides, so a stray letter never approves or declines,
// and a letter among others typed to the page is not a key at all (TYPING_PAUSE_MS).
// Left alone: a key typed in a field (the comment), with Ctrl, Alt or ⌘ (the browser's and the
// system's), held down, in an open dialog (the enlarged photo), or while a confirmation is open
// (a decision's, or the link's "Open it yourself?"), whose form the keys then belong to. The reviewer can turn them off (page-items.ts).
import { useEffect, useRef } from 'preact/hooks';

export type DecisionKey = 'approve' | 'decline' | 'next';

const KEYS: Readonly<Record<string, DecisionKey>> = { a: 'approve', d: 'decline', n: 'next' };

/** Where a letter is text or belongs to something else: a field, an editable area, a dialog. */
const TAKEN = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog';

/**
 * A letter that comes this soon after another typed to the page (not into a field) is typing gone
 * astray, not a shortcut. A decline sent with Ctrl+Enter before its comment, the comment typed on
 * went to the page: its N opened the next inquiry, its A that one's Approve, the rest went into
 * the comment, and the next Ctrl+Enter approved an inquiry nobody had read (UX review s71 H1).
 * Each letter of such a burst starts the pause again; after a decision, N (or A on an inquiry
 * just opened) comes a second or more after any letter, once the next one is read.
 */
export const TYPING_PAUSE_MS = 1_000;

/** Typed to the page, outside a field, with no Ctrl, Alt or ⌘: a letter, a digit, a space. */
function typedToPage(event: KeyboardEvent): boolean {
  if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return false;
  return !(event.target instanceof Element && event.target.closest(TAKEN));
}

// When the last letter went to the page, and the keydowns that came within the pause of the one
// before. Kept by the module for the page's life, from the first time a view with the keys is
// loaded: N replaces the view a burst began in, and the next inquiry's keys may only be listened
// for once it is read, after letters typed meanwhile. Not in storage: it means nothing past this
// page and second. Noted before any other listener sees the key (capture).
let typedToPageAt = Number.NEGATIVE_INFINITY;
const inBurst = new WeakSet<Event>();
document.addEventListener(
  'keydown',
  (event) => {
    if (!typedToPage(event)) return;
    if (event.timeStamp - typedToPageAt < TYPING_PAUSE_MS) inBurst.add(event);
    typedToPageAt = event.timeStamp;
  },
  true,
);

/** The decision shortcut a keydown is, if it is one. */
export function decisionKey(event: KeyboardEvent): DecisionKey | undefined {
  if (event.defaultPrevented || event.repeat || event.isComposing) return undefined;
  if (!typedToPage(event) || inBurst.has(event)) return undefined;
  if (document.querySelector('.confirm')) return undefined;
  return KEYS[event.key.toLowerCase()];
}

/**
 * Listens for the shortcuts while `enabled`. Each handler says whether it acted: a key whose
 * button is not on the screen (N before a decision) is left to the page. Whether they act is read
 * as each key comes, from the latest render: turned off, or a confirmation opened, they stop with
 * the render that shows it, not an effect later.
 */
export function useDecisionKeys(
  handlers: Readonly<Record<DecisionKey, () => boolean>>,
  enabled: boolean,
): void {
  const latest = useRef({ handlers, enabled });
  latest.current = { handlers, enabled };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = latest.current.enabled ? decisionKey(event) : undefined;
      if (key && latest.current.handlers[key]()) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

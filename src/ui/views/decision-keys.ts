// Single keys in an opened inquiry: A opens Approve's confirmation, D Decline's, and N, once the
// inquiry is decided, opens the next one Needs review listed. By Tab, Decline was 9 or 10 presses
// from the inquiry's heading, a number that changed with what needs a look (listed before the
// decision on purpose: read first); a reviewer deciding all day could not learn it. A key only
// opens a confirmation, whose Confirm still decides, so a stray letter never approves or declines.
// Left alone: a key typed in a field (the comment), with Ctrl, Alt or ⌘ (the browser's and the
// system's), held down, in an open dialog (the enlarged photo), or while a confirmation is open
// (a decision's, or the link's "Open it yourself?"), whose form the keys then belong to. The reviewer can turn them off (page-items.ts).
import { useEffect, useRef } from 'preact/hooks';

export type DecisionKey = 'approve' | 'decline' | 'next';

const KEYS: Readonly<Record<string, DecisionKey>> = { a: 'approve', d: 'decline', n: 'next' };

/** Where a letter is text or belongs to something else: a field, an editable area, a dialog. */
const TAKEN = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog';

/** The decision shortcut a keydown is, if it is one. */
export function decisionKey(event: KeyboardEvent): DecisionKey | undefined {
  if (event.defaultPrevented || event.repeat || event.isComposing) return undefined;
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  const { target } = event;
  if (target instanceof Element && target.closest(TAKEN)) return undefined;
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

import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

/** How long news waits before it is said, giving way meanwhile to an answer (below). */
export const NEWS_DELAY_MS = 1000;

/**
 * `news`: something the desk saw happen (a status changed), not the answer to the reviewer's act.
 * News waiting to be said is replaced by news of the same kind (`true`, or a name of its own),
 * said with news of another: a list that grows says its newest count, and a refresh that changes
 * the status and what Approve's confirmation lists says both.
 */
type Announce = (message: string, news?: boolean | string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/** Says something short ("Copied", "Approved") to screen readers and on screen, then clears it. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/**
 * `inquiry`: the one on screen. Another opened, what was said of the last ("Declined") goes from
 * the screen, where it would read as this one's; it was said already.
 */
export function AnnounceProvider({
  children,
  inquiry,
}: {
  children: ComponentChildren;
  inquiry?: string | undefined;
}) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // News not said yet, by kind.
  const waiting = useRef(new Map<string, string>());
  useEffect(() => {
    if (!inquiry) return;
    // One still to come too: news of the last inquiry must not appear on this one's screen.
    clearTimeout(timer.current);
    waiting.current.clear();
    setMessage('');
  }, [inquiry]);
  // Until when news gives way to the answer last said.
  const answering = useRef(0);
  const announce = useCallback((next: string, news?: boolean | string) => {
    // News waits a second, and gives way to an answer said meanwhile or in the second before: a
    // status that changes as an act is answered is that act's ("Marked for review", not "Needs
    // review"; "New link ready", not "In progress"), whose answer says it better. Any later,
    // it is news of its own, said after the answer ("Tag added", then a refresh's "Needs review").
    if (news && Date.now() < answering.current) return;
    if (!news) answering.current = Date.now() + 1000;
    if (news) waiting.current.set(String(news), next);
    else waiting.current.clear();
    const said = news ? [...waiting.current.values()].join('; ') : next;
    clearTimeout(timer.current);
    // Emptied first so that the same message twice ("Copied", "Copied") is read twice.
    setMessage('');
    timer.current = setTimeout(
      () => {
        waiting.current.clear();
        setMessage(said);
        timer.current = setTimeout(() => setMessage(''), 4000);
      },
      news ? NEWS_DELAY_MS : 40,
    );
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p class="announcer" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </p>
    </AnnounceContext.Provider>
  );
}

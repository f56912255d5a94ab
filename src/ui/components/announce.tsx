import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/** Says something short ("Copied", "Approved") to screen readers and on screen, then clears it. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

export function AnnounceProvider({ children }: { children: ComponentChildren }) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announce = useCallback((next: string) => {
    clearTimeout(timer.current);
    // Emptied first so that the same message twice ("Copied", "Copied") is read twice.
    setMessage('');
    timer.current = setTimeout(() => {
      setMessage(next);
      timer.current = setTimeout(() => setMessage(''), 4000);
    }, 40);
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

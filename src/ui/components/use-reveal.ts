import { useState } from 'preact/hooks';

export interface Reveal {
  all: boolean;
  isShown: (key: string) => boolean;
  toggle: (key: string) => void;
  toggleAll: () => void;
}

/**
 * Which masked fields the reviewer chose to see. Memory only: a new popup starts masked again.
 * `onReveal` runs each time something masked is shown, with its key, or `all` for Reveal all (the
 * audit trail records it).
 */
export function useReveal(onReveal?: (key: string) => void): Reveal {
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  return {
    all,
    isShown: (key) => all || shown.has(key),
    toggle: (key) => {
      if (!shown.has(key)) onReveal?.(key);
      setShown((current) => {
        const next = new Set(current);
        if (!next.delete(key)) next.add(key);
        return next;
      });
    },
    toggleAll: () => {
      if (!all) onReveal?.('all');
      setAll(!all);
      setShown(new Set());
    },
  };
}

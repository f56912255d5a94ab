import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { readItem, writeItem } from '../../shared/storage.ts';
import { type Draft, draftItem } from '../../shared/storage-items.ts';

/**
 * What the reviewer is typing, mirrored to storage.session on every keystroke: the popup closes
 * whenever focus leaves it, and the next one must find the text where it was left.
 * `undefined` until the stored draft has been read.
 */
export function useDraft(): [Draft | undefined, (patch: Partial<Draft>) => void] {
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  // The latest value, so quick successive patches never write an older copy over a newer one.
  const latest = useRef<Draft | undefined>(undefined);
  useEffect(() => {
    let live = true;
    readItem(draftItem).then((stored) => {
      if (!live) return;
      latest.current = stored;
      setDraft(stored);
    });
    return () => {
      live = false;
    };
  }, []);
  const update = useCallback((patch: Partial<Draft>) => {
    if (!latest.current) return;
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    void writeItem(draftItem, next);
  }, []);
  return [draft, update];
}

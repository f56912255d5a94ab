import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { draftItem } from '../../shared/generated/first-screen-items.ts';
import { readItem, watchItem, writeItem } from '../../shared/storage.ts';
import type { Draft } from '../../shared/storage-items.ts';
import { freshPreload } from '../stored-preload.ts';

// This page's draft writes, one after another: each reads what is stored and changes only the
// fields it was given (or, for a list such as the confirmations, one entry of it), so the popup
// and the side panel typing at once seldom wipe each other's. Seldom, not never: between one
// page's read and its write the other page's write can land and be overwritten. A Web Lock around
// the two (navigator.locks) made creates in the end-to-end tests hang, cause not found; left open.
let writes: Promise<void> = Promise.resolve();
let pendingWrites = 0;

/**
 * Fields to set, or a function of the draft that gives them: one for a field that holds many
 * entries (the decisions being confirmed) changes one entry of what is stored when it is written.
 */
export type DraftPatch = Partial<Draft> | ((draft: Draft) => Partial<Draft>);

/** The draft with the patch's fields, or undefined when it has none (nothing to write). */
function apply(draft: Draft, patch: DraftPatch): Draft | undefined {
  const fields = typeof patch === 'function' ? patch(draft) : patch;
  return Object.keys(fields).length > 0 ? { ...draft, ...fields } : undefined;
}

/** Writes a patch to the stored draft without reading it into a view (the shell's own fields). */
export function patchDraft(patch: DraftPatch): Promise<void> {
  return writePatch(patch);
}

function writePatch(patch: DraftPatch): Promise<void> {
  pendingWrites += 1;
  writes = writes
    .then(async () => {
      const next = apply(await readItem(draftItem), patch);
      if (next) await writeItem(draftItem, next);
    })
    .catch(() => undefined)
    .finally(() => {
      pendingWrites -= 1;
    });
  return writes;
}

/**
 * What the reviewer is typing, mirrored to storage.session on every keystroke: the popup closes
 * whenever focus leaves it, and the next one must find the text where it was left. Another page's
 * edits (the side panel's, the popup's) show up here as they are stored.
 * `undefined` until the stored draft has been read.
 */
export function useDraft(): [Draft | undefined, (patch: DraftPatch) => void] {
  // A desk page read the draft with its first screen (stored-preload.ts): no second read at mount.
  const [draft, setDraft] = useState<Draft | undefined>(() => freshPreload(draftItem)?.value);
  // The latest value, so quick successive patches never write an older copy over a newer one.
  const latest = useRef<Draft | undefined>(draft);
  useEffect(() => {
    let live = true;
    // What storage holds once this page's queued writes are in. While any is still queued, the
    // typing here is newer than storage: wait for the change event that write brings.
    // One read at a time: change events that come while one waits ask for one read more, not
    // one each (a burst of keystrokes, a paste typed key by key).
    let reading = false;
    let again = false;
    const refresh = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          // Every write queued meanwhile too: one that changes nothing (a patch that came to no
          // fields) brings no change event to read after.
          while (pendingWrites > 0) await writes;
          if (!live) return;
          const stored = await readItem(draftItem);
          if (!live) return;
          // Typed meanwhile: this read is older than the page; read again once that is written.
          if (pendingWrites > 0) {
            again = true;
            continue;
          }
          latest.current = stored;
          setDraft(stored);
        } while (again);
      } finally {
        reading = false;
      }
    };
    if (!freshPreload(draftItem)) void refresh();
    // A change event's value may be older than the latest write: read storage instead.
    const stop = watchItem(draftItem, () => void refresh());
    return () => {
      live = false;
      stop();
    };
  }, []);
  const update = useCallback((patch: DraftPatch) => {
    // Before this page's first read of the draft has landed (another page's write queued ahead of
    // it, a view mounted a moment ago), the patch is still written: writePatch applies it to what
    // is stored, and its change event brings it here. Dropped, a choice made that soon was lost.
    const next = latest.current && apply(latest.current, patch);
    if (next) {
      latest.current = next;
      setDraft(next);
    }
    // Written all the same: what this page saw may be older than what is stored.
    void writePatch(patch);
  }, []);
  return [draft, update];
}

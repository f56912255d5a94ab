// Views that are not on the desk's first screen live in chunks of their own, so the popup loads
// only what its first paint needs (docs/architecture.md#budgets). Each is fetched ahead, on the
// first hover or focus in the desk and when the browser is idle after the first paint, so moving
// to it does not wait for the network stack.
import type { ComponentType } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

export interface LazyView<P> {
  /** Renders the view once its chunk is in; nothing until then (a few ms when not fetched ahead). */
  View: ComponentType<P>;
  /** Starts fetching the chunk (once); resolves when the view can render. */
  prefetch: () => Promise<unknown>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const prefetch = () => {
    pending ??= load().then(
      (view) => {
        loaded = view;
        return view;
      },
      (error: unknown) => {
        pending = undefined; // an extension reload can drop a chunk; the next try asks again
        throw error;
      },
    );
    return pending;
  };

  function View(props: P) {
    const [shown, setShown] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    // Asked for as it first renders without it, and shown as soon as it is in: not from an effect,
    // since when this view is the page's first screen (a locked desk, an inquiry opened from a
    // lookup) effects wait for the first paint (first-paint.ts), and the view would come a frame
    // or more later. A chunk fetched ahead that arrives after this render is taken the same way.
    // Preact drops the update of a view unmounted meanwhile.
    const asked = useRef(false);
    if (!shown && !asked.current) {
      asked.current = true;
      prefetch().then(
        (view) => setShown(() => view),
        () => setFailed(true),
      );
    }
    const Loaded = shown ?? loaded;
    if (Loaded) return <Loaded {...props} />;
    if (failed) {
      return (
        <div class="banner is-error" role="alert">
          <p class="banner-text">{t('viewNotLoaded')}</p>
        </div>
      );
    }
    return null;
  }
  return { View, prefetch };
}

/** Runs `work` when the browser is idle after the first paint (or soon, where it has no idle callback). */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work, 200);
}

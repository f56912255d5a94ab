// Views that are not on the desk's first screen live in chunks of their own, so the popup loads
// only what its first paint needs (docs/architecture.md#budgets). Each is fetched ahead, on the
// first hover or focus in the desk and when the browser is idle after the first paint, so moving
// to it does not wait for the network stack.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
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
    // What the first render had. The effect asks by that, not by `loaded`: a chunk fetched ahead
    // can arrive between the first render and the effect (Preact runs effects after the next
    // frame), and a view that rendered nothing must then render again, or it stays blank.
    // Asked for now, not in the effect: when this view is the page's first screen (a locked desk,
    // an inquiry opened from a lookup), effects wait for the first paint (first-paint.ts).
    const [shown, setShown] = useState(() => {
      if (!loaded) prefetch().catch(() => undefined);
      return loaded;
    });
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (shown) return;
      let live = true;
      prefetch().then(
        (view) => live && setShown(() => view),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
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

// A desk page's first frame holds every watched row in view (docs/benchmarks.md, first paint).
// What the page does not need for that frame waits until the frame is on screen: the rows out of
// view (watchlist-panel.tsx), asking the background for fresh statuses and its version, fetching
// the next views ahead. Started earlier, that work runs while Chromium is still drawing the frame
// (in a trace, the views' files were served by the browser thread that also hands the frame on),
// and the frame missed the display's deadline more often. Chromium and Firefox both report the
// first contentful paint of extension pages.
import { options } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const FIRST_PAINT = 'first-contentful-paint';
/** Should paint timing never report (a page hidden before it painted), the work is not lost. */
const FALLBACK_MS = 1000;

export function hasPainted(): boolean {
  return performance.getEntriesByName(FIRST_PAINT).length > 0;
}

/**
 * Whether a first paint is still to come and this browser reports it. A hidden page's too: a
 * toolbar popup loads hidden and is shown once it has loaded, so its first frame is still to
 * come when the desk renders (Chromium 156), and the work this holds back would otherwise be
 * done before the popup is even shown. A page that stays hidden goes on after FALLBACK_MS.
 */
function paintPending(): boolean {
  return (
    !hasPainted() &&
    typeof PerformanceObserver === 'function' &&
    PerformanceObserver.supportedEntryTypes?.includes('paint') === true
  );
}

/** Resolves once the page's first contentful paint is on screen (at once if it already is). */
export function afterFirstPaint(): Promise<void> {
  if (!paintPending()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(fallback);
      resolve();
    };
    const observer = new PerformanceObserver(() => {
      if (hasPainted()) done();
    });
    observer.observe({ type: 'paint', buffered: true });
    const fallback = setTimeout(done, FALLBACK_MS);
  });
}

/** False until the page's first contentful paint is on screen. */
export function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(() => !paintPending());
  useEffect(() => {
    if (done) return;
    let live = true;
    void afterFirstPaint().then(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, []);
  return done;
}

/**
 * Holds the effects of the renders before the first paint (the search box's focus, the storage
 * subscriptions, the clock, the key handlers) until that paint is on screen, then lets Preact run
 * them as it always does. By default Preact runs them just after the first frame has begun, while
 * Chromium is still drawing it: on a two-core machine the frame then shared the processor with
 * them, and the focus they set made Chromium draw a second frame before the first was shown. Held,
 * the popup's list reached the screen sooner (docs/architecture.md#budgets). Nothing is lost
 * meanwhile: a stored item that changes after the page's first read is read again when its
 * subscription starts (use-stored.ts). Not in a page reported hidden: no frame is drawn there to
 * make room for. (Chromium's toolbar popup reports itself visible by the time the desk has
 * rendered, so there the search box takes the focus once the first paint is reported.)
 * Returns what lets them run at once: a render with nothing to paint would otherwise wait for a
 * paint that only those effects can bring.
 */
export function holdEffectsUntilFirstPaint(): () => void {
  if (!paintPending() || document.visibilityState === 'hidden') return () => undefined;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  void afterFirstPaint().then(release);
  const preacts = options.requestAnimationFrame;
  options.requestAnimationFrame = (runEffects) => {
    void released.then(() => {
      options.requestAnimationFrame = preacts;
      setTimeout(runEffects);
    });
  };
  return release;
}

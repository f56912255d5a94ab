// The desk's views that are not its first screen, each in a chunk of its own (see lazy-view.tsx).
import { afterFirstPaint } from '../first-paint.ts';
import { lazyView } from '../lazy-view.tsx';

export const createView = lazyView(() => import('./create-view.tsx').then((m) => m.CreateView));
export const detailView = lazyView(() => import('./detail-view.tsx').then((m) => m.DetailView));
export const matchesView = lazyView(() => import('./matches-view.tsx').then((m) => m.MatchesView));
/**
 * Home's second tab: its rows wait for Persona's answer in any case, so its code coming with the
 * request instead of before the first paint costs it a few ms of that wait.
 */
export const reviewQueue = lazyView(() => import('./review-queue.tsx').then((m) => m.ReviewQueue));
/** Only a locked desk shows it, so it is not fetched ahead. */
export const unlockForm = lazyView(() => import('../unlock-form.tsx').then((m) => m.UnlockForm));

/** What a click on the home screen can lead to: fetched ahead on hover, focus and idle. */
export const nextViews = [createView, detailView, matchesView, reviewQueue] as const;

/** Never before the page's first frame is on screen: the search box takes the focus as it opens. */
export function prefetchNextViews(): void {
  void afterFirstPaint().then(() => {
    for (const view of nextViews) view.prefetch().catch(() => undefined);
  });
}

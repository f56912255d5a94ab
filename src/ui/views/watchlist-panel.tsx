import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pollStateItem, watchlistItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { asksReviewer, needsReviewer } from '../../shared/needs-reviewer.ts';
import { describeStatus, isFinalStatus } from '../../shared/persona/status.ts';
import { holdInForce, turnedAway } from '../../shared/poll-hold.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';
import { useAnnounce } from '../components/announce.tsx';
import { formatAgo, formatNumber, formatRelative, useNow } from '../components/format-time.ts';
import { InquiryRow } from '../components/inquiry-row.tsx';
import { namedUpTo } from '../components/news-names.ts';
import { OpenSettingsButton } from '../components/open-settings-button.tsx';
import { useOneTabStop } from '../components/row-keys.ts';
import { useFirstPaintDone } from '../first-paint.ts';
import { useStored } from '../use-stored.ts';
import { CheckNow, HOLD_LINE } from './check-now.tsx';
import { ShowNew, useHeldRows } from './hold-rows.tsx';
import { openInquiry, useNavigation } from './router.ts';

/**
 * What needs the reviewer first, as many as the toolbar badge counts; then the finished ones
 * still awaiting a decision, looked at already; then the rest; each by its last change, newest
 * first. By change alone, the reviewer's own decisions, each a change, put the rows that needed
 * nothing more on top, and the reviews still waiting sank below the fold; a completed one, once
 * opened, sank with the rest. Rows changed at the same moment (a first start watches many at once)
 * keep one order from one opening to the next: by id.
 */
const tier = (e: WatchEntry) => (needsReviewer(e) ? 2 : +(asksReviewer(e.status) && !e.unlisted));

function needsFirst(entries: WatchEntry[]): WatchEntry[] {
  return [...entries].sort(
    (a, b) => tier(b) - tier(a) || b.changedAt - a.changedAt || (a.id < b.id ? -1 : 1),
  );
}

// Fewer pixels than any watched row takes (55 at the desk's type sizes: two lines, the id and its
// status, then the reference and the time since the change), so no more rows than the window's
// height over this can be in view: 13 in the popup's 600 px, which show eight below the search
// box. test/e2e/first-frame.e2e.ts checks that every row in view was drawn in the first frame, so
// smaller rows would show there.
const ROW_MIN_PX = 48;
// A toolbar popup opens small (25 px at least) and grows to its content, up to 600 px tall in
// Chrome and Firefox: when the list first renders, the window may not have its height yet. Those
// are the screen's pixels: zoomed out, the page has more of its own (below).
const POPUP_MAX_PX = 600;

/**
 * How many rows the page's first render holds: those that can be in view at once, each drawn at
 * once (popup.css). The rest come in the render after that frame is on screen, and are drawn when
 * they scroll near (`content-visibility: auto`). Rendering all fifty before the first frame, the
 * rows out of view skipped by the style sheet, put the popup's first paint 8 ms later (median of
 * 30 paired loads); deciding visibility in that frame costs it a second style and layout pass.
 */
function rowsInView(): number {
  // The page's zoom below 100 %: the window's height over the page's. A tab's window, its toolbars
  // with it, is taller than its page: no more than 1. Nor less than the device pixel ratio, which
  // zooming out lowers as much: a toolbar popup's window, growing, was once a pixel or so tall
  // beside a page already laid out, which read as a zoom of almost nothing, and every row went into
  // the first frame (seen once in a local run).
  const zoom =
    Math.min(1, Math.max(window.outerHeight / window.innerHeight, window.devicePixelRatio)) || 1;
  return Math.ceil(Math.max(window.innerHeight, POPUP_MAX_PX / zoom) / ROW_MIN_PX);
}

/** The approves and declines being confirmed and not sent, by inquiry id (home-view.tsx). */
export type Started = ReadonlyMap<string, 'approve' | 'decline'>;

/**
 * A row's note of its decision started, if any. None once the inquiry is decided (a colleague in
 * Persona, say): the decision typed here can no longer be sent, and "Approved · decline not sent
 * yet" would read as if it still could.
 */
export function startedNote(started: Started, id: string, status: string): string | undefined {
  const action = started.get(id);
  if (!action || isFinalStatus(status)) return undefined;
  return t(action === 'approve' ? 'approveStarted' : 'declineStarted');
}

/**
 * A row's note of a decision that did not go through, as Needs review says it: read from the
 * activity log by code loaded once the first frame is on screen (this hook's effect waits for it,
 * first-paint.ts), and again as the log grows (not-made.tsx).
 */
function useNotMade(): ((id: string, status: string) => ComponentChildren) | undefined {
  const [note, setNote] = useState<(id: string, status: string) => ComponentChildren>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void import('./not-made.tsx').then((module) => {
      if (live) stop = module.watchNotMade((next) => setNote(() => next));
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  return note;
}

/** Watched inquiries from storage: shown at once, refreshed in place as the poller writes. */
export function WatchlistPanel({ started }: { started: Started }) {
  const nav = useNavigation();
  const now = useNow();
  const watchlist = useStored(watchlistItem);
  const poll = useStored(pollStateItem);
  const painted = useFirstPaintDone();
  const tabStop = useOneTabStop();
  const notMade = useNotMade();
  // A status the watcher sees change while the list is open is said, as the row shows it: "demo-10:
  // Completed, awaiting decision". Not what the list first shows. Many at once are named up to
  // three, then counted (news-names.ts). Not the reviewer's own decision, which comes seen: its
  // answer says it.
  const announce = useAnnounce();
  const shown = useRef<WatchEntry[]>(undefined);
  useEffect(() => {
    const said = watchlist
      ?.filter(
        (e) => !e.seen && shown.current?.some((was) => was.id === e.id && was.status !== e.status),
      )
      .map((e) => t('doneFor', e.referenceId || e.id, describeStatus(e.status).label));
    shown.current = watchlist;
    if (!said?.[0]) return;
    announce(namedUpTo(said, (more) => t('moreChanged', more)).join('; '), true);
  }, [watchlist]);
  // Still while the pointer aims at the list (hold-rows.tsx): a row whose status changed goes to
  // the top of its group (needsFirst) once it leaves or rests.
  const { rows, placed, left, arrived, hold, show, revealed } = useHeldRows(
    watchlist ? needsFirst(watchlist) : [],
  );

  if (watchlist === undefined) return <p class="muted">{t('loadingWatchlist')}</p>;
  if (watchlist.length === 0) {
    return <p class="empty">{t('nothingWatched')}</p>;
  }
  const unseen = watchlist.filter((entry) => !entry.seen).length;
  const forYou = watchlist.filter(needsReviewer).length;
  // While checks fail, the data's age is "the last good check", not "checked now" beside a failure.
  const failing = poll?.lastError !== undefined && poll.failures > 0;
  // Or the last check was turned away by Persona's rate limit: not a failure, yet no answer.
  const limited = !failing && poll !== undefined && turnedAway(poll);
  // The watcher holds for the rate limit (a 429, the window nearly spent, a busy environment): the
  // line under the head says when the next check is.
  const holdUntil = !failing && holdInForce(poll?.holdUntil, now) ? poll?.holdUntil : undefined;
  // Within the rate-limit window the hold was judged on, a check asked for does not go
  // (next-hold.ts, mayStartCycle): Check now waits too, beside the line that says why.
  const waits = holdUntil !== undefined && now < (poll?.rateLimit?.resetAt ?? holdUntil);
  // The hold's end, said while it is a minute or more away: not in its last minute, which said
  // "less often: the next check is now".
  const nextCheck =
    holdUntil && holdUntil - now >= 6e4 ? formatRelative(holdUntil, now) : undefined;
  // Before the first paint: the rows that can be in view, no more.
  const listed = painted ? rows : rows.slice(0, rowsInView());
  // The rows that need the reviewer lead (needsFirst), the badge's count of them: the last has an
  // edge below it where the rest begin, which read as more of the same. Counted as the rows were
  // placed: a list held still keeps its edge where it was with them, as a row gone from the group,
  // or come to it, would move the rows below by the edge's gap.
  let lead = 0;
  while (lead < placed.length && needsReviewer(placed[lead] as WatchEntry)) lead++;
  return (
    <div {...hold}>
      <p class="list-head muted" data-testid="watchlist-head">
        {t('watchedCount', formatNumber(watchlist.length))}
        {/* The rows above the edge, named where a sighted reviewer reads the list's counts: the
            edge itself is a line, said only to a screen reader. The badge's number, so counted on
            the list as it is, not as a hold drew it. */}
        {forYou > 0 && ` · ${t('forYouCount', formatNumber(forYou))}`}
        {unseen > 0 && ` · ${t('changedCount', formatNumber(unseen))}`}
        {poll?.lastSuccessAt &&
          ` · ${t(failing || limited ? 'answeredWhen' : 'checkedWhen', formatAgo(poll.lastSuccessAt, now))}`}
        {' · '}
        {/* Held, not taken away: a button gone from under its focus left the focus nowhere. */}
        <CheckNow waits={waits} />
      </p>
      {/* A rate-limit hold (no failures): the statuses lag behind Persona until it ends, which a
          stretched period may put 15 minutes off (background/watch/next-hold.ts). Not a live
          region: its time changes every half minute, and would be said again each time. Not in
          its last minute, which said "less often: the next check is now". */}
      {limited ? (
        <p class="list-warning" id={HOLD_LINE}>
          <span role="status">{t('checkTurnedAway')}</span>
          {/* Up to 15 minutes off: when, beside it, out of the live region (its time moves). */}
          {nextCheck && ` ${t('nextTimedCheck', nextCheck)}`}
        </p>
      ) : (
        nextCheck && (
          <p class="list-warning" id={HOLD_LINE}>
            {t('checksSpacedOut', nextCheck)}
          </p>
        )
      )}
      {failing && (
        <p class="list-warning" role="status">
          {t('lastCheckFailed', poll?.lastError?.message ?? '')}
          {/* A refused key is put right where it is kept. */}
          {poll?.lastError?.kind === 'unauthorized' && <OpenSettingsButton />}
        </p>
      )}
      <ul class="inquiry-list" aria-label={t('watchedInquiries')} {...tabStop}>
        {listed.map((entry, index) => (
          <InquiryRow
            key={entry.id}
            drawNow={!painted}
            endsGroup={index === lead - 1 && lead < rows.length}
            id={entry.id}
            status={entry.status}
            referenceId={entry.referenceId}
            unseen={!entry.seen}
            onItsWay={left.has(entry.id)}
            focusOnMount={entry.id === revealed}
            cameBack={nav.route.name === 'home' && nav.route.opened === entry.id}
            // Said in words, as the review queue's "updated …": when the desk saw the status
            // change, or, unchanged since, when the inquiry was added. One Persona said it does
            // not have keeps its last status, and says so (watch/cycle.ts).
            // A decision started takes the time's place, not that of "not found at the last
            // check", which says why the row may not be what Persona has.
            meta={
              left.has(entry.id)
                ? t('leftWatchlist')
                : entry.unlisted
                  ? [startedNote(started, entry.id, entry.status), t('unlistedMeta')]
                      .filter(Boolean)
                      .join(' · ')
                  : (notMade?.(entry.id, entry.status) ??
                    startedNote(started, entry.id, entry.status) ??
                    t(
                      entry.changedAt > entry.addedAt ? 'changedWhen' : 'addedWhen',
                      formatAgo(entry.changedAt, now),
                    ))
            }
            // Marked seen by the detail once its copy is on screen, not here: a detail that
            // fails to load (a refused key, offline) has shown the reviewer nothing.
            onOpen={() => openInquiry(nav, entry)}
          />
        ))}
      </ul>
      <ShowNew count={arrived} show={show} />
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { toErrorInfo } from '../../shared/errors.ts';
import { pollStateItem, watchlistItem } from '../../shared/generated/first-screen-items.ts';
import { t, uiLocale } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { outcomeUnknown } from '../../shared/outcome-unknown.ts';
import { decisionStatus } from '../../shared/persona/status-actions.ts';
import { sendRequest } from '../../shared/send-request.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';
import { NEWS_DELAY_MS, useAnnounce } from '../components/announce.tsx';
import { formatAgo, formatNumber, useNow } from '../components/format-time.ts';
import { namedUpTo } from '../components/news-names.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useDraft } from '../components/use-draft.ts';
import { useRequest } from '../use-request.ts';
import { useStored } from '../use-stored.ts';
import { ShowNew, useHeldRows } from './hold-rows.tsx';
import { keyToReadWith, queueCopy, rememberQueue } from './queue-copy.ts';
import { SummaryList } from './summary-list.tsx';
import { useDecisionsOnItsWay } from './use-on-its-way.ts';
import './views.css';
import { type Started, startedNote } from './watchlist-panel.tsx';

// Persona's largest page: a queue of up to a hundred, the Monday backlog of 40 with it, is read in
// one request, so its count is whole and its oldest row is in it, not a Load more away.
const PAGE_SIZE = 100;

// How often a queue Persona did not answer is asked again, quietly (below).
const RETRY_MS = 30_000;

/** Those of `items` not already in `shown`. */
function newTo(shown: InquirySummary[], items: InquirySummary[]): InquirySummary[] {
  const listed = new Set(shown.map((item) => item.id));
  return items.filter((item) => !listed.has(item.id));
}

type QueueOrder = 'oldest' | 'newest';

// How far Persona's clock, which dates a row's last change, may be behind this computer's.
const CLOCK_SKEW_MS = 60_000;

/** "a, b and c" as the reader's language writes a list ("a, b und c", "a, b y c"). */
function listOf(items: string[]): string {
  return new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(items);
}

/**
 * Whether `item` last changed at or after `since` (ms): by Persona's time, or for a watched row
 * with none, when the watcher saw it change. A row with neither did not.
 */
function changedSince(item: InquirySummary | WatchEntry, since: number): boolean {
  const at = Date.parse(item.updatedAt ?? '');
  return (Number.isNaN(at) && 'changedAt' in item ? item.changedAt : at) >= since;
}

/**
 * By the last change, which the row says: Persona lists by creation, so one that came to review
 * just now would otherwise sit wherever its creation puts it. Oldest change first unless the
 * reviewer chose otherwise: a queue is worked from its oldest, and rows that came to review during
 * the day went on top of the morning's backlog. The last change, not when it came to review, which
 * Persona does not give: a tag added since puts a row later. A row without a readable time goes
 * last either way.
 */
export function byLastChange(items: InquirySummary[], order: QueueOrder): InquirySummary[] {
  const at = (item: InquirySummary) => Date.parse(item.updatedAt ?? '');
  const sign = order === 'oldest' ? 1 : -1;
  return [...items].sort((a, b) => {
    const [x, y] = [at(a), at(b)];
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
    return sign * (x - y);
  });
}

/**
 * The row with the focus leaving (decided, its answer come after Escape took the reviewer back):
 * the focus goes to the row after it, or before, not to the page.
 */
function focusPast(leaving: ReadonlySet<string>): void {
  const row = document.activeElement?.closest('li');
  const rowId = row?.querySelector('.inquiry-id')?.textContent;
  if (rowId && leaving.has(rowId)) {
    (row.nextElementSibling ?? row.previousElementSibling)?.querySelector('button')?.focus();
  }
}

/** Inquiries waiting for a human decision, a hundred at a time. */
export function ReviewQueue({ started }: { started: Started }) {
  const now = useNow();
  const [draft, updateDraft] = useDraft();
  const order: QueueOrder = draft?.queueOrder ?? 'oldest';
  const [items, setItems] = useState<InquirySummary[]>([]);
  /** Persona's cursor for the next page; null at the end, undefined before the first page. */
  const [next, setNext] = useState<string | null | undefined>(undefined);
  // Load more is gone while it loads (and for good after the last page): the focus goes on to
  // the first row it brought, where a keyboard user reads on.
  const [pageIds, setPageIds] = useState<Set<string> | undefined>(undefined);
  // Once Persona's last page is read: when the reading that reached it began. Every inquiry that
  // needed review then and has not changed since is listed (the last page's own time missed one
  // that came to review on a page read before it).
  const [endReadAt, setEndReadAt] = useState<number>();
  const readFrom = useRef(0);
  // The rows as last drawn, Persona's and the watched ones shown ahead of their page.
  const onScreen = useRef<InquirySummary[]>([]);
  // While Persona cannot be reached: when the copy of its last answer shown instead was read.
  const [copyAt, setCopyAt] = useState<number>();
  // Persona has listed the first page since the queue opened: no copy is shown after that.
  const heard = useRef(false);
  const askPage = async (cursor?: string) => {
    const sentAt = Date.now();
    const sentWith = cursor ? undefined : await keyToReadWith();
    const reply = await sendRequest({
      type: 'listInquiries',
      statuses: ['needs_review'],
      pageSize: PAGE_SIZE,
      ...(cursor ? { next: cursor } : {}),
    });
    if (!cursor) void rememberQueue(reply.items, sentWith, sentAt);
    return reply;
  };
  const readPage = (cursor?: string) => {
    if (!cursor) readFrom.current = Date.now();
    return askPage(cursor);
  };
  const announce = useAnnounce();
  const showPage = (reply: { items: InquirySummary[]; next: string | null }, cursor?: string) => {
    heard.current = true;
    if (copyAt !== undefined && !cursor) {
      // The copy's rows Persona no longer lists go: a focus on one goes to its neighbour.
      const listed = new Set(reply.items.map((item) => item.id));
      focusPast(new Set(items.map((item) => item.id).filter((id) => !listed.has(id))));
      // Seen in the head, which no screen reader reads out by itself: said, as news.
      announce(t('queueCopyReplaced'), 'queueCopy');
    }
    setCopyAt(undefined);
    // A row listed already (come to review since the page before was read) is not listed twice.
    setItems((shown) => (cursor ? [...shown, ...newTo(shown, reply.items)] : reply.items));
    // Load more's focus goes to the first row it brought that was not on screen already: a
    // watched row shown ahead of its page (below) is mounted, and would not take it.
    setPageIds(
      cursor ? new Set(newTo(onScreen.current, reply.items).map((item) => item.id)) : undefined,
    );
    setNext(reply.next);
    if (reply.next === null) setEndReadAt(readFrom.current);
  };
  // Try again, gone with its error as it is pressed, hands its focus to the tab above the rows once
  // the read ends; not a first read's, whose focus the view's opening placed.
  const retried = useRef(false);
  const page = useRequest(async (cursor?: string) => showPage(await readPage(cursor), cursor), {
    refocus: () => (retried.current ? document.getElementById('tab-review') : null),
  });
  const load = (cursor?: string, retry = false) => {
    retried.current = retry;
    void page.run(cursor);
  };
  useEffect(load, []);
  // The first page answered outside `page.run` (the quiet retry below, or the watcher's arrivals):
  // shown as read, as a run that worked. Try again goes with the error: a focus on it goes to the
  // tab above the rows, not to the page.
  const firstPageQuietly = (reply: { items: InquirySummary[]; next: string | null }) => {
    if (document.activeElement?.closest('.view [role="alert"]')) {
      document.getElementById('tab-review')?.focus();
    }
    // The error that was said goes without a word: said, as a copy's replacement is (showPage).
    if (page.error && copyAt === undefined) announce(t('queueCopyReplaced'), 'queueCopy');
    showPage(reply);
    page.answered();
  };
  // Open while the watcher finds a watched inquiry come to review or leave it (decided here or in
  // Persona), the queue follows in place: one that left goes, the first page is read again for
  // one that came, which goes where its change puts it (last, oldest first; on top, newest
  // first). The pages loaded with Load more, the row the reviewer is
  // on and the focus stay. Quietly: a failed read leaves the queue as it was.
  const arrivals = useRequest(async () => {
    // The first page, never read till now (a copy, or the error, in its place): shown as read.
    if (next === undefined) return firstPageQuietly(await readPage());
    const reply = await askPage();
    setItems((shown) => [...newTo(shown, reply.items), ...shown]);
    // The focus Load more asked for is spent: a row coming back must not take it again.
    setPageIds(undefined);
  });
  const watchlist = useStored(watchlistItem);
  const {
    sending: onItsWay,
    decided,
    note,
  } = useDecisionsOnItsWay((id) => focusPast(new Set([id])));
  // A watched inquiry the reviewer has not looked at since it changed carries the watchlist's
  // mark here too: the badge counts it, and this is where it is found.
  const unseen = new Set(watchlist?.filter((entry) => !entry.seen).map((entry) => entry.id));
  const reviewing = watchlist
    ?.filter((entry) => entry.status === 'needs_review')
    .map((entry) => entry.id)
    .sort()
    .join();
  const seen = useRef(reviewing);
  useEffect(() => {
    if (reviewing === undefined || seen.current === reviewing) return;
    // The watchlist read in after the queue's first page is no change to it.
    const before = seen.current;
    seen.current = reviewing;
    if (before === undefined) return;
    const was = new Set(before.split(','));
    const is = new Set(reviewing.split(','));
    focusPast(new Set([...was].filter((id) => !is.has(id))));
    setItems((shown) => shown.filter((item) => !was.has(item.id) || is.has(item.id)));
    if ([...is].some((id) => id && !was.has(id))) void arrivals.run();
  }, [reviewing]);
  const { error } = page;
  // The first page not read for want of an answer (offline, Persona failing), the queue as Persona
  // last listed it is shown under the error meanwhile, not dropped: the rows the reviewer left for
  // an inquiry are still there when they come back offline.
  useEffect(() => {
    if (!error || next !== undefined || items.length > 0 || !outcomeUnknown.has(error.kind)) return;
    let live = true;
    void queueCopy().then((copy) => {
      if (!live || heard.current || !copy?.items[0]) return;
      setItems(copy.items);
      setCopyAt(copy.readAt);
    });
    return () => {
      live = false;
    };
  }, [error]);
  // And the first page is read again by itself once the watcher's next check goes through, or
  // every 30 s: quietly, the error kept until a read is answered, so nothing is said again
  // meanwhile and a focus on Try again stays. A refusal (401, 403) waits for the reviewer.
  const poll = useStored(pollStateItem);
  const failed = useRef<{ error: unknown; at: number }>(undefined);
  // The latest render's: the retry below is set up when the error comes, before the copy shown
  // beside it is read, and its answer must see the copy (its rows, its announcement).
  const showQuietly = useRef(firstPageQuietly);
  showQuietly.current = firstPageQuietly;
  useEffect(() => {
    if (!error || next !== undefined || !outcomeUnknown.has(error.kind)) return;
    if (failed.current?.error !== error) failed.current = { error, at: Date.now() };
    let live = true;
    const retry = () =>
      readPage().then(
        (reply) => live && showQuietly.current(reply),
        (failure: unknown) => {
          if (!live) return;
          // Another answer than none (a key refused since, say) is shown as it is, read again.
          if (outcomeUnknown.has(toErrorInfo(failure).kind)) timer = setTimeout(retry, RETRY_MS);
          else load();
        },
      );
    let timer: ReturnType<typeof setTimeout> | undefined;
    if ((poll?.lastSuccessAt ?? 0) > failed.current.at) void retry();
    else timer = setTimeout(retry, RETRY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [error, poll?.lastSuccessAt]);
  // Persona lists by creation, so a watched inquiry that came to review just now may be older than
  // every row loaded so far: the watcher has found it, and it is shown where its last change puts
  // it, not a Load more away. Once a page lists it, that row is used. Once the last page is read,
  // Persona has listed every inquiry that needed review then: a watched one it left out, unchanged
  // since, does not, in this environment (decided by a colleague since the watcher last looked, or
  // kept from another key's environment), and its row only opened to "not found". One the watcher
  // finds come to review after that is shown, whether or not the first page read again lists it.
  const listed = new Set(items.map((item) => item.id));
  const found =
    next === undefined && copyAt === undefined
      ? []
      : (watchlist ?? []).filter(
          (entry) =>
            entry.status === 'needs_review' &&
            !entry.unlisted &&
            !listed.has(entry.id) &&
            !(endReadAt && entry.changedAt <= endReadAt) &&
            // Beside a copy, only those come to review since it was read: the others it left
            // out, as Persona's list did.
            !(copyAt !== undefined && entry.changedAt < copyAt),
        );
  // A decision answered while the queue was open leaves it, watched or not (use-on-its-way.ts).
  const ordered = byLastChange(
    [...items, ...found].filter((item) => !decided.has(item.id)),
    order,
  );
  // What comes to review while the queue is open is said, as the watchlist says a change: a screen
  // reader hears of a row that came, wherever the focus is, and so does a reviewer whose pointer
  // holds it behind "Show 1 new". Not what the queue first shows (its first page with the watched
  // ones the watcher found), nor a page Load more brought: the reviewer asked for that one, and the
  // focus goes to it. Nor a row whose last change is older than the queue: one waiting all along
  // that the first page read again brings up from the second, once rows above it left.
  const openedAt = useRef(Date.now());
  const listedBefore = useRef<ReadonlySet<string>>(undefined);
  // Come since the last news was said: the first page read again for a watched row that came
  // usually answers within the second news waits (announce.tsx), with others that came too; said
  // together, the first is not lost to the second.
  const unsaid = useRef<string[]>([]);
  const saidSoon = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(saidSoon.current), []);
  const listedNow = ordered.map((item) => item.id);
  // The first page is in, or the copy shown in its place (a row the watcher finds come to review
  // beside it is news too), and the watchlist that adds the watched rows to it read.
  const ready = (next !== undefined || copyAt !== undefined) && watchlist !== undefined;
  useEffect(() => {
    if (!ready) return;
    const before = listedBefore.current;
    listedBefore.current = new Set(listedNow);
    const came = ordered.filter(
      (item) =>
        before &&
        !before.has(item.id) &&
        !pageIds?.has(item.id) &&
        changedSince(item, openedAt.current - CLOCK_SKEW_MS),
    );
    if (!came[0]) return;
    unsaid.current.push(...came.map((item) => item.referenceId || item.id));
    const names = namedUpTo(unsaid.current, (more) => t('countMore', more));
    announce(t('cameToReview', listOf(names)), true);
    clearTimeout(saidSoon.current);
    saidSoon.current = setTimeout(() => {
      unsaid.current = [];
    }, NEWS_DELAY_MS);
  }, [listedNow.join(), ready]);
  // Those on their way are decided already: not counted as still to review.
  const waiting = ordered.filter((item) => !onItsWay.has(item.id)).length;
  // Still while the pointer aims at the queue (hold-rows.tsx); a page Load more brought is drawn.
  const held = useHeldRows(ordered, { pinned: pageIds, order });
  const { left, arrived, show, revealed } = held;
  // A held row that left shows what took it out: the reviewer's own decision, answered (not "Needs
  // review"), else the status the watcher has for it, where it has one.
  const rows = held.rows.map((item) => {
    const made = decided.get(item.id);
    const status =
      left.has(item.id) &&
      (made ? decisionStatus[made] : watchlist?.find((entry) => entry.id === item.id)?.status);
    return status ? { ...item, status } : item;
  });
  onScreen.current = rows;
  // Of the rows Load more brought, the first in the list's order; else the first "Show N new"
  // brought, as the button goes.
  const firstOfPage = (pageIds && rows.find((item) => pageIds.has(item.id))?.id) ?? revealed;
  // Next leads past a row on its way and one gone meanwhile, both drawn as no longer waiting.
  const passed = { has: (id: string) => onItsWay.has(id) || left.has(id) };
  const loading = page.busy || (next === undefined && !error);
  // The hold covers the whole queue, Load more with it: the pointer on its way there holds it.
  return (
    <div {...held.hold}>
      {error && <ProblemMessage error={error} onRetry={() => load(next ?? undefined, true)} />}
      {!error && !loading && rows.length === 0 && <p class="empty">{t('noReview')}</p>}
      {rows.length > 0 && (
        <>
          <div class="row queue-head">
            {/* Persona gives no total: whole once its last page is read. */}
            <p class="queue-count">
              {copyAt !== undefined
                ? t('queueCopy', formatAgo(copyAt, now))
                : next === null
                  ? t('toReviewCount', formatNumber(waiting))
                  : t('listedSoFar', formatNumber(ordered.length))}
            </p>
            <label class="queue-order">
              {t('queueOrder')}{' '}
              <select
                value={order}
                onChange={(event) =>
                  updateDraft({ queueOrder: event.currentTarget.value as QueueOrder })
                }
              >
                <option value="oldest">{t('orderOldest')}</option>
                <option value="newest">{t('orderNewest')}</option>
              </select>
            </label>
          </div>
          {/* The badge counts the watched only: said here, where the count differs from it. */}
          <p class="list-head muted">{t('reviewQueueHint')}</p>
          <SummaryList
            label={t('inquiriesNeedingReview')}
            items={rows}
            focusId={firstOfPage}
            unseen={unseen}
            queue
            onItsWay={passed}
            // The time the list is ordered by: the last change.
            meta={(item) => {
              if (left.has(item.id)) return t('leftQueue');
              return (
                note(item.id, item.status) ??
                startedNote(started, item.id, item.status) ??
                (item.updatedAt && t('updatedWhen', formatAgo(item.updatedAt, now)))
              );
            }}
          />
          <ShowNew count={arrived} show={show} />
        </>
      )}
      {loading && (
        <p class="muted" role="status">
          {t('loadingReview')}
        </p>
      )}
      {!loading && next && (
        <button type="button" class="load-more" onClick={() => load(next)}>
          {t('loadMore')}
        </button>
      )}
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../shared/errors.ts';
import { pollStateItem, watchlistItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { outcomeUnknown } from '../../shared/outcome-unknown.ts';
import { isInquiryId, SHORTEST_INQUIRY_ID } from '../../shared/persona/inquiry-id.ts';
import { decisionStatus } from '../../shared/persona/status-actions.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatAgo, formatNumber, useNow } from '../components/format-time.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { focusLost } from '../focus.ts';
import { useRequest } from '../use-request.ts';
import { useStored } from '../use-stored.ts';
import { useNavigation } from './router.ts';
import { newestFirst, SummaryList } from './summary-list.tsx';
import { useDecisionsOnItsWay } from './use-on-its-way.ts';
import './views.css';

// A 404 for an id the reviewer typed is about the id, so say that in their terms.
function explain(error: ErrorInfo, query: string): ErrorInfo {
  if (error.kind !== 'not_found' || !isInquiryId(query)) return error;
  return {
    ...error,
    // One shorter than any Persona makes was most likely cut short in the copy, not made in
    // another environment.
    message: [
      t('noInquiryWithId', query),
      ...(query.length < SHORTEST_INQUIRY_ID
        ? [t('idLooksCut', formatNumber(query.length), formatNumber(SHORTEST_INQUIRY_ID))]
        : []),
    ].join(' '),
  };
}

/**
 * A looked-up text without what a selection drags along: a sentence's full stop, a comma, quotes,
 * brackets (`cust-42.` from "my number is cust-42."). Reference IDs are the customer's own
 * strings, but none that a reviewer selects in a chat ends in one of these.
 */
export function lookupText(text: string): string {
  return text.trim().replace(/^[\s.,;:!?"'«»“”‘’„()[\]]+|[\s.,;:!?"'«»“”‘’„()[\]]+$/g, '');
}

/**
 * The inquiry ID a text was most likely meant to be: `inq-…`, `INQ …` or `inq.…` followed by an
 * inquiry ID's letters and digits, its underscore mistyped. Searched as a reference ID, it found
 * nothing: said in the same status line, so a screen reader hears it with that.
 */
export function meantInquiryId(text: string): string | undefined {
  const id = /^inq[^A-Za-z0-9_]([A-Za-z0-9]+)$/i.exec(text)?.[1];
  // As long as Persona's shortest: a reference such as `inq-000123` is the customer's own.
  return id && id.length >= SHORTEST_INQUIRY_ID - 'inq_'.length ? `inq_${id}` : undefined;
}

/** The shortest text a watched reference ID is searched for inside of: "a" would match most. */
const SHORTEST_PART = 3;

/**
 * Watched inquiries whose reference ID is the text in other capitals, or holds it: Persona's
 * filter is exact ("DEMO-17" finds nothing where the chat said "demo-17"), and a reference typed
 * from a chat is often in other capitals or cut short. Read from the watchlist, which the desk
 * has; nothing more is asked of Persona.
 */
export function watchedLike<T extends { referenceId?: string | undefined }>(
  watched: readonly T[],
  text: string,
): T[] {
  const wanted = text.toLowerCase();
  return watched.filter((entry) => {
    const reference = entry.referenceId?.toLowerCase();
    if (!reference) return false;
    return reference === wanted || (wanted.length >= SHORTEST_PART && reference.includes(wanted));
  });
}

/** One lookup: an id opens its inquiry at once, a reference id lists its inquiries. */
export function MatchesView({ query: asked }: { query: string }) {
  const query = lookupText(asked) || asked;
  const meant = meantInquiryId(query);
  const nav = useNavigation();
  const now = useNow();
  /** Persona's cursor for more matches than its first page of 100; null when that was all. */
  const [next, setNext] = useState<string | null>(null);
  // A customer who tried a hundred times and more: the rest come a page at a time, and the focus
  // goes on to the first row a page brought, where a keyboard user reads on.
  const [more, setMore] = useState<InquirySummary[]>([]);
  const [firstOfPage, setFirstOfPage] = useState<string>();
  // The search box that had the focus is gone with the home view, and a Try again that worked
  // with its message: the results' title takes it (below).
  const heading = useRef<HTMLHeadingElement>(null);
  const lookup = useRequest(
    async () => {
      const reply = await sendRequest({ type: 'findInquiries', query }, true);
      if (reply.kind === 'matches') {
        setNext(reply.next);
        return newestFirst(reply.items);
      }
      nav.replace({ name: 'detail', id: reply.inquiry.id, initial: reply });
      return undefined;
    },
    { refocus: () => heading.current },
  );
  const find = () => {
    setMore([]);
    void lookup.run();
  };
  useEffect(find, []);
  // Persona out of reach (offline, a timeout, a 5xx): the lookup is asked again by itself once the
  // watcher's next check gets through after it failed. The detail does the same (use-inquiry.ts);
  // a module shared by the two lazy views would cost the first screen its preload entries.
  const reached = useStored(pollStateItem)?.lastSuccessAt ?? 0;
  const failedAt = useRef(0);
  useEffect(() => {
    const unreached = lookup.error && outcomeUnknown.has(lookup.error.kind);
    if (!unreached) failedAt.current = 0;
    else if (!failedAt.current) failedAt.current = Date.now();
    else if (reached > failedAt.current) find();
  }, [lookup.error, reached]);
  const page = useRequest(async (cursor: string) => {
    const reply = await sendRequest({ type: 'listInquiries', statuses: [], next: cursor }, true);
    const shown = new Set([...(lookup.data ?? []), ...more].map((item) => item.id));
    const added = newestFirst(reply.items.filter((item) => !shown.has(item.id)));
    setMore((before) => [...before, ...added]);
    setFirstOfPage(added[0]?.id);
    setNext(reply.next);
  });
  // The results' title takes the focus, as the detail's does, so a screen reader says where the
  // reviewer is. Back from a result, the row it was opened from takes it instead
  // (summary-list.tsx), once the results are in.
  const returning = nav.route.name === 'matches' && nav.route.opened !== undefined;
  useEffect(() => {
    if (!returning) heading.current?.focus();
  }, []);
  const error = lookup.error && explain(lookup.error, query);
  const first = lookup.busy ? undefined : lookup.data;
  // A decision sent from a result and left on its way (Escape once sent) is drawn as on its way,
  // and once made, with the status it made: the list read before, or while it was out, says the
  // inquiry still waits, as Needs review does (use-on-its-way.ts).
  const { sending, decided, note } = useDecisionsOnItsWay(() => {});
  const listed = useMemo(() => first && [...first, ...more], [first, more]);
  // Persona found none by this exact reference: the watched ones it may have meant.
  const watchlist = useStored(watchlistItem);
  const near =
    first?.length === 0 && !isInquiryId(query) ? watchedLike(watchlist ?? [], query) : [];
  const items = listed?.map((item) => {
    const made = decided.get(item.id);
    return made ? { ...item, status: decisionStatus[made] } : item;
  });
  // A reference that has one inquiry, as most do, or one watched inquiry it may have meant: its row
  // takes the focus from the title, so the Enter that searched is followed by the Enter that opens
  // it. Only from the title (or from nowhere): a Back or a row the reviewer went to while the
  // lookup was out keeps it. Not opened for the reviewer: the results say there is only the one,
  // and Back comes to them.
  const focusFree = !returning && (focusLost() || document.activeElement === heading.current);
  const only = (rows: readonly { id: string }[] | undefined) =>
    rows?.length === 1 && focusFree ? rows[0]?.id : undefined;
  // A result that is no longer listed leaves the focus to the title, not to the page; so does a
  // Try again whose button went with its message, however the answers to it and to a re-ask of
  // the page's own (above) came in.
  useEffect(() => {
    if (listed && focusLost()) heading.current?.focus();
  }, [listed]);

  return (
    <div class="view">
      <h2 class="view-title" tabIndex={-1} ref={heading}>
        {t('resultsFor')} <q>{query}</q>
      </h2>
      {!error && !items && (
        <p class="muted" role="status">
          {t('lookingUp', query)}
        </p>
      )}
      {error && <ProblemMessage error={error} onRetry={find} />}
      {items && items.length === 0 && (
        <p class="empty" role="status">
          {t('noReferenceMatch', query)}
          {/* A whole chat line, looked up from the context menu, is no reference ID. */}
          {meant
            ? ` ${t('meantInquiryId', meant)}`
            : /\s/.test(query) && ` ${t('selectOnlyTheId')}`}
        </p>
      )}
      {items && items.length === 0 && meant && (
        <p>
          <button type="button" onClick={() => nav.go({ name: 'detail', id: meant })}>
            {t('openInquiryId', meant)}
          </button>
        </p>
      )}
      {near.length > 0 && (
        <>
          <p class="list-head muted">{t('watchedLike')}</p>
          <SummaryList
            label={t('watchedLike')}
            items={near}
            focusId={only(near)}
            meta={(item) => note(item.id, item.status)}
          />
        </>
      )}
      {items && items.length > 0 && (
        <>
          <p class="list-head muted" role="status">
            {next
              ? t('matchesNewest', formatNumber(items.length))
              : items.length === 1
                ? t('matchesOne')
                : t('matchesMany', formatNumber(items.length))}
          </p>
          <SummaryList
            label={t('matchingInquiries')}
            items={items}
            focusId={firstOfPage ?? (next ? undefined : only(items))}
            onItsWay={sending}
            meta={(item) => {
              return (
                note(item.id, item.status) ??
                (item.createdAt && t('createdWhen', formatAgo(item.createdAt, now)))
              );
            }}
          />
          {page.error && (
            <ProblemMessage error={page.error} onRetry={() => next && page.run(next)} />
          )}
          {page.busy && (
            <p class="muted" role="status">
              {t('lookingUp', query)}
            </p>
          )}
          {!page.busy && !page.error && next && (
            <button type="button" class="load-more" onClick={() => void page.run(next)}>
              {t('loadMore')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import { keyInfoItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { prefillKeys } from '../../shared/prefill.ts';
import { NoKeyNotice } from '../components/no-key-notice.tsx';
import { Tabs } from '../components/tabs.tsx';
import { useDraft } from '../components/use-draft.ts';
import { focusLost } from '../focus.ts';
import { useStored } from '../use-stored.ts';
import { reviewQueue } from './lazy-views.ts';
import { type HomeTab, NEW_INQUIRY, openInquiry, useNavigation } from './router.ts';
import { SearchBox } from './search-box.tsx';
import { WatchlistPanel } from './watchlist-panel.tsx';

/**
 * How long after the toolbar popup last showed an inquiry home offers it again (the shell notes it
 * each minute it is shown): a link pasted into the chat and the person's answer, or a look at
 * something else and back.
 */
const OFFER_LAST_WITHIN_MS = 30 * 60_000;

/**
 * Start here: find an inquiry, create one, or pick one from the watchlist or review queue.
 * `offerLast`: the toolbar popup, whose home offers the inquiry it showed when it last closed.
 */
export function HomeView({ offerLast }: { offerLast?: boolean | undefined }) {
  const nav = useNavigation();
  const keyInfo = useStored(keyInfoItem);
  // A form left half typed (the popup closed on a click elsewhere) waits under New inquiry: said
  // on the button, so it is not forgotten.
  const [draft, updateDraft] = useDraft();
  const drafting = draft && (draft.referenceId || prefillKeys.some((key) => draft[key]));
  // In the route, not in this view's state: Back from an inquiry returns to the same tab. In the
  // draft too: the popup closes at each click into the chat, and a reviewer working down Needs
  // review opens it again there. Taken as the view opens only: the side panel shares the draft, and
  // a choice made in the popup does not switch the panel's tab under it.
  const stored = useRef<HomeTab>(undefined);
  if (draft && !stored.current) stored.current = draft.homeTab ?? 'watchlist';
  const tab: HomeTab =
    (nav.route.name === 'home' && nav.route.tab) || stored.current || 'watchlist';
  // Back from an inquiry comes to the tab it was opened from, though this page's draft may not be
  // read again by then (its own writes leave the preload behind, and Watchlist showed first): the
  // tab goes into the route. Watchlist, the tab a route without one shows, needs no render more.
  useEffect(() => {
    if (nav.route.name === 'home' && !nav.route.tab && stored.current === 'review') {
      nav.replace({ ...nav.route, tab: 'review' });
    }
  }, [stored.current]);
  // The inquiry the popup closed on, with the key it was read with: not one of another key's
  // environment, nor one of long ago.
  const last = offerLast ? draft?.lastInquiry : undefined;
  const offered =
    last && last.key === keyInfo?.masked && Date.now() - last.at < OFFER_LAST_WITHIN_MS
      ? last
      : undefined;
  const setTab = (next: HomeTab) => {
    nav.replace({ name: 'home', tab: next });
    updateDraft({ homeTab: next });
  };
  // Back from an inquiry, its row takes the focus (inquiry-row.tsx), or, gone from Needs review,
  // the row in its place (summary-list.tsx); one gone with none in its place (unwatched, the
  // queue emptied) leaves it to the tab it was in, not to the page. Back from
  // the create form, New inquiry takes it, as the control that opened the form.
  const opened = nav.route.name === 'home' ? nav.route.opened : undefined;
  const newInquiry = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (opened === NEW_INQUIRY) newInquiry.current?.focus();
    else if (opened !== undefined && focusLost()) document.getElementById(`tab-${tab}`)?.focus();
  }, []);
  // A decision being confirmed and not sent yet, said on its row in either list: it waits there,
  // comment and all, and a reviewer back from the chat finds which one.
  const started = new Map(
    draft?.decisions?.filter((d) => !d.sent).map((d) => [d.inquiryId, d.action] as const),
  );
  const tabs = [
    { key: 'watchlist', label: t('tabWatchlist') },
    { key: 'review', label: t('tabNeedsReview') },
  ] as const;
  return (
    <div class="view home">
      <h2 class="sr-only">{t('home')}</h2>
      <div class="row home-top">
        <SearchBox draft={draft} updateDraft={updateDraft} />
        <button
          type="button"
          class="primary"
          ref={newInquiry}
          onClick={() => {
            nav.replace({ name: 'home', tab, opened: NEW_INQUIRY });
            nav.go({ name: 'create' });
          }}
        >
          {t('newInquiry')}
          {drafting && (
            <>
              {' '}
              <span class="draft-mark">{t('draftMark')}</span>
            </>
          )}
        </button>
      </div>
      {offered && (
        // Named by the reference its row showed, as Next to review is: what the chat knows.
        <button
          type="button"
          class="offer-last"
          onClick={() => openInquiry(nav, offered, offered.queue)}
        >
          {t('returnToInquiry', offered.referenceId || offered.id)}
        </button>
      )}
      {keyInfo === null ? (
        <NoKeyNotice watchlist />
      ) : (
        <Tabs label={t('inquiryLists')} tabs={tabs} selected={tab} onSelect={setTab}>
          {tab === 'watchlist' ? (
            <WatchlistPanel started={started} />
          ) : (
            <reviewQueue.View started={started} />
          )}
        </Tabs>
      )}
    </div>
  );
}

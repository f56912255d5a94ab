import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { keyInfoItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { sendRequest } from '../../shared/send-request.ts';
import type { KeyInfo } from '../../shared/storage-items.ts';
import { BackgroundStatus } from '../background-status.tsx';
import { AnnounceProvider } from '../components/announce.tsx';
import { NoKeyNotice } from '../components/no-key-notice.tsx';
import { patchDraft } from '../components/use-draft.ts';
import { EnvironmentBadge, ProductionWarning } from '../environment-badge.tsx';
import { afterFirstPaint } from '../first-paint.ts';
import { whenIdle } from '../lazy-view.tsx';
import { useActivityTouch } from '../use-activity-touch.ts';
import { type LockStatus, useLock } from '../use-lock.ts';
import { useStored } from '../use-stored.ts';
import { useEscapeBack } from './escape-back.ts';
import { HomeView } from './home-view.tsx';
import {
  createView,
  detailView,
  matchesView,
  prefetchNextViews,
  unlockForm,
} from './lazy-views.ts';
import { NavigationContext, QUEUE_KEPT, queuedRow, type Route, useRouter } from './router.ts';

function ViewFor({ route, remember }: { route: Route; remember?: boolean | undefined }) {
  switch (route.name) {
    case 'create':
      return <createView.View />;
    case 'detail':
      return (
        <detailView.View
          key={route.id}
          id={route.id}
          initial={route.initial}
          referenceId={route.referenceId}
        />
      );
    case 'matches':
      return <matchesView.View key={route.query} query={route.query} />;
    default:
      return <HomeView offerLast={remember} />;
  }
}

/**
 * Locked, the unlock form instead of any view. Without a key, no view of an inquiry: one that is
 * open when the key is removed or the desk locks goes with everything it showed.
 */
function Guarded({
  keyInfo,
  lock,
  route,
  children,
}: {
  keyInfo: KeyInfo | null | undefined;
  lock: LockStatus;
  route: Route;
  children: ComponentChildren;
}) {
  if (lock === 'locked') return <unlockForm.View lookups />;
  // Home and Create say themselves that a key is missing, and keep what the reviewer typed.
  const personal = route.name === 'detail' || route.name === 'matches';
  if (personal && (lock === 'loading' || keyInfo === undefined)) return null;
  if (personal && keyInfo === null) return <NoKeyView route={route} />;
  return <>{children}</>;
}

/**
 * A lookup or an inquiry asked for with no key saved: titled as the view would have been, the
 * title taking the focus as that view's does (the search box that had it is gone), then why
 * there is nothing to show.
 */
function NoKeyView({ route }: { route: Route }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="view">
      <h2 class="view-title" tabIndex={-1} ref={heading}>
        {route.name === 'matches' ? (
          <>
            {t('resultsFor')} <q>{route.query}</q>
          </>
        ) : (
          route.name === 'detail' && <code>{route.id}</code>
        )}
      </h2>
      <NoKeyNotice watchlist />
    </div>
  );
}

interface ShellProps {
  first: Route;
  /**
   * The toolbar popup: the inquiry it shows is noted, and home offers it again to a popup opened
   * after it closed on it (home-view.tsx).
   */
  remember?: boolean;
}

/** The whole desk: top bar with the environment, the current view, and a status footer. */
export function DeskShell({ first, remember }: ShellProps) {
  const nav = useRouter(first);
  const keyInfo = useStored(keyInfoItem);
  const { route } = nav;
  const shown = route.name === 'detail' ? route.id : undefined;
  const left = useRef<string>(undefined);
  // Read once for the whole desk: locked, it is the unlock form alone (Guarded), and a Back
  // there would lead nowhere visible, and take the focus with it when it went.
  const lock = useLock();
  const open = lock === 'none' || lock === 'unlocked';
  useEffect(() => {
    // Locked, the lock has wiped the note with the rest of the session's data, and none is written
    // while it holds, though the popup stays open on the inquiry behind the unlock form; nor before
    // the lock is known.
    if (!remember || !open) return;
    const before = left.current;
    left.current = shown;
    // Written as a detail opens, with the key it was read with; cleared once the reviewer leaves
    // it here. Nothing is written as the popup opens on home: a popup closed on a detail (a click
    // into the chat) leaves it for the next one to offer. Written, not read: the shell does not
    // follow the draft, or every keystroke typed into it would render the whole desk again.
    if (route.name === 'detail' && keyInfo) {
      // The row's reference, or that of the reply in hand (a pasted id, a create); and Next to
      // review, for the popup that offers it again.
      const row = queuedRow({
        id: route.id,
        referenceId: route.referenceId || route.initial?.inquiry.referenceId,
      });
      const queue = route.queue?.slice(0, QUEUE_KEPT).map(queuedRow);
      const write = () =>
        void patchDraft({
          lastInquiry: {
            ...row,
            at: Date.now(),
            key: keyInfo.masked,
            ...(queue?.[0] ? { queue } : {}),
          },
        });
      write();
      // Written again each minute it is still shown, so the offer's half hour counts from when
      // the popup closed on it, to the minute, not from when it opened.
      const still = setInterval(write, 60_000);
      return () => clearInterval(still);
    }
    if (before) void patchDraft({ lastInquiry: undefined });
  }, [shown, open, keyInfo?.masked]);
  useEscapeBack(nav, lock !== 'locked');
  useActivityTouch();
  useEffect(() => {
    let live = true;
    void afterFirstPaint().then(() => {
      if (!live) return;
      // Opening the desk is the moment a reviewer wants fresh statuses; the background debounces.
      sendRequest({ type: 'refreshWatchlist' }).catch(() => {});
      // The views a click can lead to, so the click does not wait for them.
      whenIdle(() => live && prefetchNextViews());
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <NavigationContext.Provider value={nav}>
      <AnnounceProvider inquiry={nav.route.name === 'detail' ? nav.route.id : undefined}>
        {/* A pointer or the keyboard on its way to a link: fetch the next views now, not on click. */}
        <div class="shell" onPointerOver={prefetchNextViews} onFocusIn={prefetchNextViews}>
          <header class="topbar">
            {nav.canGoBack && lock !== 'locked' && (
              <button type="button" class="back" onClick={nav.back}>
                <span aria-hidden="true">← </span>
                {t('back')}
              </button>
            )}
            <h1 class="brand">{t('brand')}</h1>
            <EnvironmentBadge keyInfo={keyInfo} />
          </header>
          <ProductionWarning keyInfo={keyInfo} />
          <main class="content">
            <Guarded keyInfo={keyInfo} lock={lock} route={nav.route}>
              <ViewFor route={nav.route} remember={remember} />
            </Guarded>
          </main>
          <footer class="footer">
            <BackgroundStatus />
          </footer>
        </div>
      </AnnounceProvider>
    </NavigationContext.Provider>
  );
}

import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { type KeyInfo, keyInfoItem } from '../../shared/storage-items.ts';
import { BackgroundStatus } from '../background-status.tsx';
import { AnnounceProvider } from '../components/announce.tsx';
import { NoKeyNotice } from '../components/no-key-notice.tsx';
import { EnvironmentBadge, ProductionWarning } from '../environment-badge.tsx';
import { UnlockForm } from '../unlock-form.tsx';
import { useLock } from '../use-lock.ts';
import { useStored } from '../use-stored.ts';
import { CreateView } from './create-view.tsx';
import { DetailView } from './detail-view.tsx';
import { HomeView } from './home-view.tsx';
import { MatchesView } from './matches-view.tsx';
import { NavigationContext, type Route, useRouter } from './router.ts';

function ViewFor({ route }: { route: Route }) {
  switch (route.name) {
    case 'create':
      return <CreateView />;
    case 'detail':
      return <DetailView key={route.id} id={route.id} initial={route.initial} />;
    case 'matches':
      return <MatchesView key={route.query} query={route.query} />;
    default:
      return <HomeView />;
  }
}

/**
 * Locked, the unlock form instead of any view. Without a key, no view of an inquiry: one that is
 * open when the key is removed or the desk locks goes with everything it showed.
 */
function Guarded({
  keyInfo,
  route,
  children,
}: {
  keyInfo: KeyInfo | null | undefined;
  route: Route;
  children: ComponentChildren;
}) {
  const lock = useLock();
  if (lock === 'locked') return <UnlockForm />;
  // Home and Create say themselves that a key is missing, and keep what the reviewer typed.
  const personal = route.name === 'detail' || route.name === 'matches';
  if (personal && (lock === 'loading' || keyInfo === undefined)) return null;
  if (personal && keyInfo === null) return <NoKeyNotice />;
  return <>{children}</>;
}

/** The whole desk: top bar with the environment, the current view, and a status footer. */
export function DeskShell({ first }: { first: Route }) {
  const nav = useRouter(first);
  const keyInfo = useStored(keyInfoItem);
  useEffect(() => {
    // Opening the desk is the moment a reviewer wants fresh statuses; the background debounces.
    sendRequest({ type: 'refreshWatchlist' }).catch(() => {});
  }, []);
  return (
    <NavigationContext.Provider value={nav}>
      <AnnounceProvider>
        <div class="shell">
          <header class="topbar">
            {nav.canGoBack && (
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
            <Guarded keyInfo={keyInfo} route={nav.route}>
              <ViewFor route={nav.route} />
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

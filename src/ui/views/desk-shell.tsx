import { useEffect } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { keyInfoItem } from '../../shared/storage-items.ts';
import { BackgroundStatus } from '../background-status.tsx';
import { AnnounceProvider } from '../components/announce.tsx';
import { EnvironmentBadge, ProductionWarning } from '../environment-badge.tsx';
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
            <ViewFor route={nav.route} />
          </main>
          <footer class="footer">
            <BackgroundStatus />
          </footer>
        </div>
      </AnnounceProvider>
    </NavigationContext.Provider>
  );
}

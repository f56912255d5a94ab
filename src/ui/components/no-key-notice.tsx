import { formatNumber } from '../../shared/format.ts';
import { watchlistItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { useStored } from '../use-stored.ts';
import { OpenSettingsButton } from './open-settings-button.tsx';

/**
 * Shown instead of empty lists when no key is saved: nothing works until there is one. Where the
 * watchlist would be, it says the watchlist is kept (Remove key promises so), not only that it
 * is missing.
 */
export function NoKeyNotice({ watchlist = false }: { watchlist?: boolean }) {
  return (
    <div class="banner is-warn" data-testid="no-key">
      <p class="banner-text">
        <strong>{t('noKeyLead')}</strong> {t('noKeyText')}
      </p>
      {watchlist && <KeptWatchlist />}
      <div class="row banner-actions">
        <OpenSettingsButton primary />
      </div>
    </div>
  );
}

function KeptWatchlist() {
  const kept = useStored(watchlistItem)?.length ?? 0;
  if (kept === 0) return null;
  return (
    <p class="banner-text" data-testid="watchlist-kept">
      {kept === 1 ? t('watchlistKeptOne') : t('watchlistKeptMany', formatNumber(kept))}
    </p>
  );
}

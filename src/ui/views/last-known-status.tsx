// What the desk knew of an inquiry that cannot be read now (a 429, Persona out of reach): its
// status as the watcher last had it, with how old that is, or as the row it was opened from said
// it. Opened from a row in a rate-limit window, the detail showed the row's title and the
// problem, and nothing of what the row had just said.
import { pollStateItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';
import { formatAgo, useNow } from '../components/format-time.ts';
import { StatusChip } from '../components/status-chip.tsx';
import { useStored } from '../use-stored.ts';
import { useNavigation } from './router.ts';

export function LastKnownStatus({ watch }: { watch: WatchEntry | undefined }) {
  const now = useNow();
  const checkedAt = useStored(pollStateItem)?.lastSuccessAt;
  const { route } = useNavigation();
  // The watcher's, with when it last got through, is newer than the row's where both are there.
  const watched = watch && checkedAt !== undefined;
  const status = watched ? watch.status : route.name === 'detail' ? route.status : undefined;
  if (!status) return null;
  return (
    <p class="muted" data-testid="last-known">
      <StatusChip status={status} quiet />{' '}
      {watched
        ? t('lastKnownStatus', statusLabel(status), formatAgo(checkedAt, now))
        : t('listedStatus', statusLabel(status))}
    </p>
  );
}

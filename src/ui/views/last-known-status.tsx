// What the desk knew of an inquiry that cannot be read now (a 429, Persona out of reach): the
// status the row it was opened from showed, or else the one its watchlist entry has. Opened from
// a row in a rate-limit window, the detail showed the row's title and the problem, and nothing of
// what the row had just said. No time is claimed for the watchlist's: the watcher asks about
// expired inquiries less often and about decided ones not at all, so its last check's time is
// not this entry's.
import { t } from '../../shared/i18n.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';
import { StatusChip } from '../components/status-chip.tsx';
import { useNavigation } from './router.ts';

export function LastKnownStatus({ watch }: { watch: WatchEntry | undefined }) {
  const { route } = useNavigation();
  const listed = route.name === 'detail' ? route.status : undefined;
  const status = listed ?? watch?.status;
  if (!status) return null;
  return (
    <p class="muted" data-testid="last-known">
      <StatusChip status={status} quiet />{' '}
      {t(listed ? 'listedStatus' : 'lastKnownStatus', statusLabel(status))}
    </p>
  );
}

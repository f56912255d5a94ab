// Persona answered one of the pages' own requests while the watcher's last check had failed
// (offline, a 5xx): the watcher checks again now, rather than at its back-off's end, so the
// watchlist's "Last check failed" and the grey badge go with the outage they were about. The
// background debounces it as it does a popup's opening (watch/next-hold.ts, mayStartCycle).
import { pollStateItem } from '../shared/generated/first-screen-items.ts';
import { sendRequest } from '../shared/send-request.ts';
import { readItem } from '../shared/storage.ts';

export async function checkAfterAnswer(): Promise<void> {
  try {
    const poll = await readItem(pollStateItem);
    if (poll.failures > 0) await sendRequest({ type: 'refreshWatchlist' });
  } catch {}
}

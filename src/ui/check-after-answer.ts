// Persona answered one of the pages' own requests while the watcher's last check had failed for
// want of an answer (offline, a timeout, a 5xx): the watcher checks again now, rather than at its
// back-off's end, so the watchlist's "Last check failed" and the grey badge go with the outage
// they were about. The background debounces it as it does a popup's opening
// (watch/next-hold.ts, mayStartCycle).
import { pollStateItem } from '../shared/generated/first-screen-items.ts';
import { sendRequest } from '../shared/send-request.ts';
import { readItem } from '../shared/storage.ts';

// For want of an answer, as outcome-unknown.ts has them; not imported from there, which would make
// it a file of its own, one more that the first screen's chunk names for the views that load it.
const OUTAGES = ['network', 'timeout', 'server'];

export async function checkAfterAnswer(): Promise<void> {
  try {
    const poll = await readItem(pollStateItem);
    // Not a failure of the watcher's own (a refused key, an answer it could not read): its back-off
    // stands, as an answer to another request says nothing of it.
    const outage = OUTAGES.includes(poll.lastError?.kind ?? '');
    if (poll.failures > 0 && outage) await sendRequest({ type: 'refreshWatchlist' });
  } catch {}
}

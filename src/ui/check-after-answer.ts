// Persona answered one of the pages' own requests while the watcher's last check had failed for
// want of an answer (offline, a timeout, a 5xx): the watcher checks again now, rather than at its
// back-off's end, so the watchlist's "Last check failed" and the grey badge go with the outage
// they were about. And the other way: Persona refused the key (401) on a page's request while the
// watcher's checks went through: the watcher checks now, so the watchlist says so and offers the
// settings, rather than "checked just now" for up to a period. The background debounces either as
// it does a popup's opening (watch/next-hold.ts, mayStartCycle).
import { pollStateItem } from '../shared/generated/first-screen-items.ts';
import { sendRequest } from '../shared/send-request.ts';
import { readItem } from '../shared/storage.ts';

// For want of an answer, as outcome-unknown.ts has them; not imported from there, which would make
// it a file of its own, one more that the first screen's chunk names for the views that load it.
const OUTAGES = ['network', 'timeout', 'server'];

/** `refused`: the request's failure, when it had one; none, Persona answered it. */
export async function checkAfterAnswer(refused?: {
  kind: string;
  status?: number | undefined;
}): Promise<void> {
  try {
    const poll = await readItem(pollStateItem);
    if (refused) {
      const keyRefused = refused.kind === 'unauthorized' && refused.status === 401;
      if (keyRefused && poll.failures === 0) await sendRequest({ type: 'refreshWatchlist' });
      return;
    }
    // Not a failure of the watcher's own (a refused key, an answer it could not read): its back-off
    // stands, as an answer to another request says nothing of it.
    const outage = OUTAGES.includes(poll.lastError?.kind ?? '');
    if (poll.failures > 0 && outage) await sendRequest({ type: 'refreshWatchlist' });
  } catch {}
}

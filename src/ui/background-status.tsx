import { t } from '../shared/i18n.ts';
import { usePing } from './use-ping.ts';

/** A quiet line: the version once the background answered, or why it did not. It says nothing of
 * Persona: "Background ready" beside the watchlist's "Last check failed" read as a contradiction.
 * Only the failure is live: the version, said at each opening of the popup, was noise. The live
 * region is there, empty, from the first render, so a failure written into it is said.
 */
export function BackgroundStatus() {
  const ping = usePing();
  return (
    <p class="background-status" data-testid="background-status">
      {ping.state === 'waiting'
        ? t('bgConnecting')
        : ping.state === 'ok' && t('bgReady', ping.reply.version)}
      <span role="status">{ping.state === 'failed' && ping.error.message}</span>
    </p>
  );
}

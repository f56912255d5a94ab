import { t } from '../shared/i18n.ts';
import { usePing } from './use-ping.ts';

/** A quiet line: the version once the background answered, or why it did not. It says nothing of
 * Persona: "Background ready" beside the watchlist's "Last check failed" read as a contradiction.
 */
export function BackgroundStatus() {
  const ping = usePing();
  const text =
    ping.state === 'waiting'
      ? t('bgConnecting')
      : ping.state === 'ok'
        ? t('bgReady', ping.reply.version)
        : ping.error.message;
  return (
    <p class={`background-status is-${ping.state}`} role="status" data-testid="background-status">
      {text}
    </p>
  );
}

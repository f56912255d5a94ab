import { usePing } from './use-ping.ts';

/** A quiet line that says whether the background answered, and its version. */
export function BackgroundStatus() {
  const ping = usePing();
  const text =
    ping.state === 'waiting'
      ? 'Connecting to the background…'
      : ping.state === 'ok'
        ? `Background ready · v${ping.reply.version}`
        : ping.error.message;
  return (
    <p class={`background-status is-${ping.state}`} role="status" data-testid="background-status">
      {text}
    </p>
  );
}

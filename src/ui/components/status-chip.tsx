import { describeStatus, type Tone } from '../../shared/persona/status.ts';

/** Persona's raw status word, as text, coloured by tone (the word itself is the accessible part). */
export function StatusChip({ status, tone }: { status: string; tone?: Tone }) {
  return (
    <code class={`chip tone-${tone ?? describeStatus(status).tone}`} data-testid="status">
      {status}
    </code>
  );
}

import { describeStatus, type Tone } from '../../shared/persona/status.ts';

/** Persona's raw status word, as text, coloured by tone (the word itself is the accessible part). */
export function StatusChip({
  status,
  tone,
  testId,
}: {
  status: string;
  tone?: Tone;
  testId?: string;
}) {
  return (
    <code class={`chip tone-${tone ?? describeStatus(status).tone}`} data-testid={testId}>
      {status}
    </code>
  );
}

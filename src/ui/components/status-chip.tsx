import { describeStatus, type Tone } from '../../shared/persona/status.ts';

/**
 * Persona's raw status word, as text, coloured by tone. Where the status's meaning is written
 * beside it (or for screen readers only), the word is `quiet`: a screen reader says the meaning
 * once ("Needs review"), not the code and then the meaning ("needs_review Needs review").
 */
export function StatusChip({
  status,
  tone,
  testId,
  quiet,
}: {
  status: string;
  tone?: Tone;
  testId?: string;
  quiet?: boolean;
}) {
  return (
    <code
      class={`chip tone-${tone ?? describeStatus(status).tone}`}
      data-testid={testId}
      aria-hidden={quiet}
    >
      {status}
    </code>
  );
}

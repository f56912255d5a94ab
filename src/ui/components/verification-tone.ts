// A verification's or a check's colour, from Persona's status: the pages' to say, so the
// background's script, which keeps the status, carries no tones (view-model.ts).
import type { Tone } from '../../shared/persona/status.ts';

/** Verification and check statuses: `passed`, `failed`, `requires_retry`, … (open lists too). */
export function verificationTone(status: string): Tone {
  if (status === 'passed' || status === 'confirmed') return 'success';
  if (status === 'failed' || status === 'tentatively_failed') return 'danger';
  if (status === 'requires_retry' || status === 'tentatively_passed') return 'warning';
  if (status === 'submitted' || status === 'initiated') return 'info';
  return 'neutral';
}

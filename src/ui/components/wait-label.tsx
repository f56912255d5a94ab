import { t } from '../../shared/i18n.ts';
import { formatNumber } from './format-time.ts';

interface Props {
  label: string;
  /** Seconds left; the label alone at 0. */
  wait: number;
  /** The label with the count, where a button words it apart ("Create in 12 s"). */
  counted?: string;
}

/**
 * A button's words while it waits out Persona's limit or a passphrase miss. The count is shown
 * ("Confirm approve in 12 s") but left out of the button's name, which says the wait in words that
 * stay the same ("Confirm approve, after the wait"): a name that changed each second could be read
 * again each second while the button had the focus (review s60, L3). The seconds are said in the
 * message beside it, which says why it waits.
 */
export function WaitLabel({ label, wait, counted }: Props) {
  if (wait <= 0) return <>{label}</>;
  return (
    <>
      <span aria-hidden="true">{counted ?? t('actionIn', label, formatNumber(wait))}</span>
      <span class="sr-only">{t('actionAfterWait', label)}</span>
    </>
  );
}

import { t } from '../../shared/i18n.ts';
import { formatNumber } from './format-time.ts';

interface Props {
  label: string;
  /** Seconds left; the label alone at 0. */
  wait: number;
  /** The label with the count, where a button words it apart ("Create in 12 s"). */
  counted?: string;
  /**
   * The count's id, for the button's aria-describedby where no message beside it says the seconds
   * (a wrong passphrase's wait): read with the button, as a description, which a screen reader
   * does not read out again as it changes.
   */
  countId?: string;
}

/**
 * A button's words while it waits out Persona's limit or a passphrase miss. The count is shown
 * ("Confirm approve in 12 s") but left out of the button's name, which says the wait in words that
 * stay the same ("Confirm approve, after the wait"): a name that changed each second could be read
 * again each second while the button had the focus. The seconds are said in the 429's message
 * beside it, or in the button's description (`countId`). The name starts with the label shown, so
 * speech input's "click Confirm approve" still finds it (WCAG 2.5.3); "click Confirm approve in 12"
 * does not, which no one would say of a count that moves.
 */
export function WaitLabel({ label, wait, counted, countId }: Props) {
  if (wait <= 0) return <>{label}</>;
  return (
    <>
      <span aria-hidden="true" id={countId}>
        {counted ?? t('actionIn', label, formatNumber(wait))}
      </span>
      <span class="sr-only">{t('actionAfterWait', label)}</span>
    </>
  );
}

import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { keyShortcutsItem } from '../shared/page-items.ts';
import { writeItem } from '../shared/storage.ts';
import { useStored } from '../ui/use-stored.ts';

/**
 * The single-key shortcuts of an opened inquiry (src/ui/views/decision-keys.ts), on or off. Saved
 * as it is clicked, as the sections beside it act: a way of working, not a setting Save checks
 * with Persona. Open desk pages take the change at once (storage.onChanged).
 */
export function KeyboardSection() {
  const on = useStored(keyShortcutsItem);
  // What the last click did: said, since nothing else on this page changes with it.
  const [outcome, setOutcome] = useState<'on' | 'off' | 'failed'>();
  const toggle = (next: boolean) =>
    writeItem(keyShortcutsItem, next).then(
      () => setOutcome(next ? 'on' : 'off'),
      () => setOutcome('failed'),
    );
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('decisionKeysHeading')}</h2>
      <label class="check">
        <input
          type="checkbox"
          // Not drawn as on before the stored value is read: a click then would write the
          // opposite of what the reviewer saw.
          disabled={on === undefined}
          checked={on !== false}
          aria-describedby="keys-explained"
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        {t('decisionKeysLabel')}
      </label>
      <p class="section-note" id="keys-explained">
        {t('decisionKeysExplained')}
      </p>
      <p class="muted" role="status">
        {outcome === 'on' && t('decisionKeysOn')}
        {outcome === 'off' && t('decisionKeysOff')}
      </p>
      {outcome === 'failed' && (
        <p class="banner is-error" role="alert">
          {t('decisionKeysNotSaved')}
        </p>
      )}
    </section>
  );
}

import { t } from '../shared/i18n.ts';
import { usePolicy } from '../ui/use-policy.ts';
import { ActivityLogSection } from './activity-log-section.tsx';
import { KeyboardSection } from './keyboard-section.tsx';
import { PassphraseSection } from './passphrase-section.tsx';

/**
 * What acts at once rather than on Save: the decision keys, the passphrase lock and the activity
 * log.
 */
export function TrustSections() {
  const policy = usePolicy();
  return (
    <div class="page options trust">
      {/* Below the settings' Save: said, since a section looks like the ones Save saves. */}
      <p class="at-once">{t('actsAtOnce')}</p>
      <KeyboardSection />
      <PassphraseSection required={policy.requirePassphrase === true} />
      <ActivityLogSection reviewer={policy.reviewer} />
    </div>
  );
}

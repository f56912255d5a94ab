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
      <KeyboardSection />
      <PassphraseSection required={policy.requirePassphrase === true} />
      <ActivityLogSection reviewer={policy.reviewer} />
    </div>
  );
}

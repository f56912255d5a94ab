import { ActivityLogSection } from './activity-log-section.tsx';
import { PassphraseSection } from './passphrase-section.tsx';

/** What acts at once rather than on Save: the passphrase lock and the activity log. */
export function TrustSections() {
  return (
    <div class="page options trust">
      <PassphraseSection required={false} />
      <ActivityLogSection />
    </div>
  );
}

import { browser } from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';

/** The key lives on the options page; this is the way there from any error about it. */
export function OpenSettingsButton({ primary }: { primary?: boolean }) {
  return (
    <button
      type="button"
      class={primary ? 'primary' : undefined}
      onClick={() => void browser.runtime.openOptionsPage()}
    >
      {t('openSettings')}
    </button>
  );
}

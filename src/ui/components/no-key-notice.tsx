import { t } from '../../shared/i18n.ts';
import { OpenSettingsButton } from './open-settings-button.tsx';

/** Shown instead of empty lists when no key is saved: nothing works until there is one. */
export function NoKeyNotice() {
  return (
    <div class="banner is-warn" data-testid="no-key">
      <p class="banner-text">
        <strong>{t('noKeyLead')}</strong> {t('noKeyText')}
      </p>
      <div class="row banner-actions">
        <OpenSettingsButton primary />
      </div>
    </div>
  );
}

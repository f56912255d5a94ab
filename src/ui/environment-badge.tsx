import { t } from '../shared/i18n.ts';
import type { KeyInfo } from '../shared/storage-items.ts';

/** Always-visible environment: sandbox is calm, production is loud, no key says so. */
export function EnvironmentBadge({ keyInfo }: { keyInfo: KeyInfo | null | undefined }) {
  if (keyInfo === undefined) return null;
  if (keyInfo === null) {
    return (
      <span class="env-badge is-none" data-testid="environment">
        {t('envNoKey')}
      </span>
    );
  }
  const production = keyInfo.environment === 'production';
  return (
    <span
      class={`env-badge ${production ? 'is-production' : 'is-sandbox'}`}
      data-testid="environment"
      title={t(production ? 'envProductionTitle' : 'envSandboxTitle')}
    >
      {t(production ? 'envProduction' : 'envSandbox')}
    </span>
  );
}

export function ProductionWarning({ keyInfo }: { keyInfo: KeyInfo | null | undefined }) {
  if (keyInfo?.environment !== 'production') return null;
  return (
    <div class="banner is-danger" role="alert">
      <strong>{t('productionWarningLead')}</strong> {t('productionWarning')}
    </div>
  );
}

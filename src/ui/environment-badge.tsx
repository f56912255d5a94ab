import type { KeyInfo } from '../shared/storage-items.ts';

/** Always-visible environment: sandbox is calm, production is loud, no key says so. */
export function EnvironmentBadge({ keyInfo }: { keyInfo: KeyInfo | null | undefined }) {
  if (keyInfo === undefined) return null;
  if (keyInfo === null) {
    return (
      <span class="env-badge is-none" data-testid="environment">
        No key
      </span>
    );
  }
  const production = keyInfo.environment === 'production';
  return (
    <span
      class={`env-badge ${production ? 'is-production' : 'is-sandbox'}`}
      data-testid="environment"
      title={production ? 'Production: real people, real decisions' : 'Sandbox: test data only'}
    >
      {production ? 'Production' : 'Sandbox'}
    </span>
  );
}

export function ProductionWarning({ keyInfo }: { keyInfo: KeyInfo | null | undefined }) {
  if (keyInfo?.environment !== 'production') return null;
  return (
    <div class="banner is-danger" role="alert">
      <strong>Production key in use.</strong> Inquiries, approvals and declines affect real people
      and real customers.
    </div>
  );
}

import type { ErrorInfo } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';

/** One failure, said plainly, with Persona's request id for a support ticket when there is one. */
export function ErrorMessage({
  error,
  action,
}: {
  error: ErrorInfo;
  action?: preact.ComponentChildren;
}) {
  return (
    <div class="banner is-error" role="alert" data-error-kind={error.kind}>
      <p class="banner-text">{error.message}</p>
      {error.requestId && (
        <p class="banner-meta">
          {t('requestId')} <code>{error.requestId}</code>
        </p>
      )}
      {action}
    </div>
  );
}

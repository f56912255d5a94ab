import type { ErrorInfo } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import { t } from '../shared/i18n.ts';

/** One failure, said plainly, with Persona's request id for a support ticket when there is one. */
export function ErrorMessage({
  error,
  action,
  ticking,
  id,
}: {
  error: ErrorInfo;
  /** For the field it is about to name it (`aria-describedby`). */
  id?: string;
  action?: preact.ComponentChildren;
  /**
   * The words count down (a 429's wait): said once as the alert appears, not again each second,
   * which an alert (atomic, assertive) would otherwise do. Read on demand, they are current.
   */
  ticking?: boolean;
}) {
  return (
    <div class="banner is-error" role="alert" id={id} data-error-kind={error.kind}>
      <p class="banner-text" aria-live={ticking ? 'off' : undefined}>
        {error.message}
      </p>
      {(error.tries ?? 0) > 1 && (
        <p class="banner-meta">{t('failedTimes', formatNumber(error.tries ?? 0))}</p>
      )}
      {error.requestId && (
        <p class="banner-meta">
          {t('requestId')} <code>{error.requestId}</code>
        </p>
      )}
      {action}
    </div>
  );
}

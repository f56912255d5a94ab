import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { InquiryReply } from '../../shared/messages.ts';
import { formatRelative, useNow } from '../components/format-time.ts';
import { StatusChip } from '../components/status-chip.tsx';

interface Props {
  reply: InquiryReply;
  loading: boolean;
  dashboardUrl: string | undefined;
  onRefresh: () => void;
}

/** Who and where: id, reference, raw status word with its meaning, freshness, dashboard link. */
export function DetailHead({ reply, loading, dashboardUrl, onRefresh }: Props) {
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { inquiry, stale } = reply;
  return (
    <header class="detail-head">
      <div class="row">
        <h2 class="view-title grow" tabIndex={-1} ref={heading}>
          <code>{inquiry.id}</code>
        </h2>
        {dashboardUrl && (
          <a href={dashboardUrl} target="_blank" rel="noreferrer">
            {t('openInPersona')}
          </a>
        )}
      </div>
      {inquiry.referenceId && (
        <p class="muted wrap-anywhere">{t('reference', inquiry.referenceId)}</p>
      )}
      <p class="status-line" id="detail-status" tabIndex={-1}>
        <StatusChip status={inquiry.status} tone={inquiry.tone} testId="status" />{' '}
        <span>{inquiry.statusLabel}</span>
      </p>
      {inquiry.redacted && <p class="banner is-warn">{t('redactedBanner')}</p>}
      {stale ? (
        <div class="banner is-warn" role="status" data-testid="stale">
          <p class="banner-text">
            {t('staleCopy', formatRelative(reply.fetchedAt, now), stale.message)}
          </p>
          <RefreshButton loading={loading} onRefresh={onRefresh} />
        </div>
      ) : (
        <p class="freshness muted">
          {loading ? t('updating') : t('updated', formatRelative(reply.fetchedAt, now))}{' '}
          <RefreshButton loading={loading} onRefresh={onRefresh} link />
        </p>
      )}
    </header>
  );
}

/**
 * Stays in place and focusable while the refresh runs (aria-disabled, not disabled): a disabled or
 * removed button drops the keyboard focus to the top of the page.
 */
function RefreshButton({
  loading,
  onRefresh,
  link,
}: {
  loading: boolean;
  onRefresh: () => void;
  link?: boolean;
}) {
  return (
    <button
      type="button"
      class={link ? 'link' : undefined}
      aria-disabled={loading}
      onClick={() => {
        if (!loading) onRefresh();
      }}
    >
      {t('refresh')}
    </button>
  );
}

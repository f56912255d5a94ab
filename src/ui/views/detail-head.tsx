import type { Ref } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { ErrorInfo } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import { t } from '../../shared/i18n.ts';
import type { InquiryReply } from '../../shared/messages.ts';
import { describeStatus } from '../../shared/persona/status.ts';
import type { NamedTemplate } from '../../shared/settings.ts';
import { useAnnounce } from '../components/announce.tsx';
import { formatAgo, useNow } from '../components/format-time.ts';
import { InquiryTitle } from '../components/inquiry-title.tsx';
import { liveWait, waitsForReset } from '../components/problem-message.tsx';
import { SidePanelButton } from '../components/side-panel-button.tsx';
import { StatusChip } from '../components/status-chip.tsx';
import { templateLabel } from '../components/template-label.ts';
import { WaitLabel } from '../components/wait-label.tsx';
import { focusLost } from '../focus.ts';
import { useSecondsLeft } from '../use-seconds-left.ts';
import { openedRow } from './opened-row.ts';
import { useNavigation } from './router.ts';

interface Props {
  reply: InquiryReply;
  loading: boolean;
  dashboardUrl: string | undefined;
  /** The settings' named templates, to name the inquiry's template. */
  templates: NamedTemplate[] | undefined;
  onRefresh: () => void;
  /** An action's or a tag's answer from Persona's rate limit: Refresh waits for its reset too. */
  limit?: ErrorInfo | undefined;
  /** When the watcher last saw the inquiry's status change (its watchlist entry), if watched. */
  changedAt?: number | undefined;
}

/** Who and where: reference and id, raw status word with its meaning, freshness, dashboard link. */
export function DetailHead({
  reply,
  loading,
  dashboardUrl,
  templates,
  onRefresh,
  limit,
  changedAt,
}: Props) {
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  // Back from an inquiry opened under Other inquiries, the focus goes there (earlier-inquiries.tsx).
  const returning = openedRow(useNavigation().route) !== undefined;
  useEffect(() => {
    if (!returning) heading.current?.focus();
  }, []);
  const { inquiry, stale } = reply;
  const { label } = describeStatus(inquiry.status);
  // A status that changes while the inquiry is open (the watcher's check, another page's
  // decision, a refresh) is said, as it is shown: as news, which gives way to the answer of an act
  // of this page's that brought it (announce.tsx). Not what the view's own first read brings: the
  // copy it opened from (kept since a create) can be older than the row the reviewer just opened it
  // from, and its status is not news to them. A change the watcher saw after the view opened is,
  // read or not.
  const announce = useAnnounce();
  const shown = useRef(inquiry);
  const opening = useRef(loading);
  const openedAt = useRef(Date.now());
  useEffect(() => {
    const before = shown.current;
    shown.current = inquiry;
    const changed = before.id === inquiry.id && before.status !== inquiry.status;
    const seenSince = (changedAt ?? 0) > openedAt.current;
    // "Status now: Approved", not "Approved": said after a decision of this page's that Persona
    // refused (someone decided first), the bare word read as that decision made.
    if (changed && (!opening.current || seenSince)) announce(t('statusNowNews', label), true);
  }, [inquiry]);
  // After the effect above: an answer that comes as the first read ends is still the opening's.
  useEffect(() => {
    if (!loading) opening.current = false;
  }, [loading]);
  const bannerText = useId();
  // Shown from a copy because of Persona's rate limit: Refresh counts down to the window's reset,
  // and the words with it (the background's "Wait 38 s" is that wait when it answered).
  const limited = waitsForReset(stale) && stale?.retryAfterSeconds !== undefined;
  const wait = useSecondsLeft(limited ? stale.retryAfterSeconds : 0, stale);
  const problem = stale && (limited ? liveWait(stale.kind, wait) : stale.message);
  // A refresh sent into the window a change was just refused in would be refused as well.
  const limitWait = useSecondsLeft(limit?.retryAfterSeconds ?? 0, limit);
  // A Refresh pressed in the freshness line and answered from a copy moves to the banner, and
  // back once answered from Persona: the keyboard focus goes with it, not to the top of the page.
  // Each is read with what its line says.
  const refreshPlace = useRef<HTMLElement>(null);
  const shownStale = useRef(stale);
  // The banner's Refresh answered from a copy again: the banner stays, its button keeps the
  // focus, and nothing new would be read; its words are said again.
  const pressedInBanner = useRef(false);
  useEffect(() => {
    // Not as the view opens: its heading takes the focus then, or the row it came back to.
    if (shownStale.current !== stale && focusLost()) {
      refreshPlace.current?.querySelector('button')?.focus();
    }
    if (pressedInBanner.current && shownStale.current && stale && stale !== shownStale.current) {
      announce(problem || '');
    }
    if (stale !== shownStale.current) pressedInBanner.current = false;
    shownStale.current = stale;
  }, [stale]);
  const refreshFromBanner = () => {
    pressedInBanner.current = true;
    onRefresh();
  };
  const freshness = useId();
  return (
    <header class="detail-head">
      <div class="row">
        {/* Focused as the view opens: whose inquiry it is, then the id, read with its status,
            which a reviewer looks for before the id. */}
        <h2 class="view-title grow" tabIndex={-1} ref={heading} aria-describedby="detail-status">
          <InquiryTitle id={inquiry.id} referenceId={inquiry.referenceId} />
        </h2>
        {dashboardUrl && (
          <a href={dashboardUrl} target="_blank" rel="noreferrer">
            {t('openInPersona')}
          </a>
        )}
        <SidePanelButton id={inquiry.id} />
      </div>
      {inquiry.templateId && (
        <p class="muted wrap-anywhere" data-testid="template">
          {templateLabel(inquiry, templates)}
        </p>
      )}
      <p class="status-line" id="detail-status" tabIndex={-1}>
        <StatusChip status={inquiry.status} testId="status" quiet /> <span>{label}</span>
      </p>
      {inquiry.redacted && <p class="banner is-warn">{t('redactedBanner')}</p>}
      {stale ? (
        <div class="banner is-warn" role="status" data-testid="stale">
          {/* Counting down, said once as the banner appears, not again each second. */}
          <p class="banner-text" id={bannerText} aria-live={limited ? 'off' : undefined}>
            {t('staleCopy', formatAgo(reply.fetchedAt, now), problem ?? '')}
          </p>
          <div aria-live={limited ? 'off' : undefined} ref={refreshPlace as Ref<HTMLDivElement>}>
            {/* It takes the focus from the line's Refresh: read with why. */}
            <RefreshButton
              loading={loading}
              onRefresh={refreshFromBanner}
              wait={Math.max(wait, limitWait)}
              describedBy={bannerText}
            />
          </div>
        </div>
      ) : (
        <p class="freshness muted" ref={refreshPlace as Ref<HTMLParagraphElement>}>
          <span id={freshness}>
            {loading ? t('updating') : t('updated', formatAgo(reply.fetchedAt, now))}
          </span>{' '}
          <RefreshButton
            loading={loading}
            onRefresh={onRefresh}
            link
            wait={limitWait}
            describedBy={freshness}
          />
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
  wait = 0,
  describedBy,
}: {
  loading: boolean;
  onRefresh: () => void;
  link?: boolean;
  describedBy?: string;
  /** Seconds until a refresh can be answered (a rate-limit window); 0 for now. */
  wait?: number;
}) {
  const busy = loading || wait > 0;
  return (
    <button
      type="button"
      class={link ? 'link' : undefined}
      aria-disabled={busy}
      aria-describedby={describedBy}
      onClick={() => {
        if (!busy) onRefresh();
      }}
    >
      <WaitLabel label={t('refresh')} wait={wait} counted={t('refreshIn', formatNumber(wait))} />
    </button>
  );
}

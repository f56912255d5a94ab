import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { InquiryReply, OneTimeLink } from '../../shared/messages.ts';
import { dashboardInquiryUrl } from '../../shared/persona/dashboard-url.ts';
import { isFinalStatus, statusLabel } from '../../shared/persona/status.ts';
import { offersLink } from '../../shared/persona/status-actions.ts';
import { linksItem, settingsItem, watchlistItem } from '../../shared/storage-items.ts';
import { useAnnounce } from '../components/announce.tsx';
import { AttentionList } from '../components/attention-list.tsx';
import { InquiryTitle } from '../components/inquiry-title.tsx';
import { LinkPanel } from '../components/link-panel.tsx';
import { type Signal, signals, withoutResults } from '../components/needs-a-look.ts';
import { ProblemMessage, waitsForReset } from '../components/problem-message.tsx';
import { useEvidence } from '../evidence/use-evidence.ts';
import { focusLost } from '../focus.ts';
import { markSeen } from '../mark-seen.ts';
import { useStored } from '../use-stored.ts';
import { DetailActions } from './detail-actions.tsx';
import { DetailBody } from './detail-body.tsx';
import { DetailHead } from './detail-head.tsx';
import { DetailTags } from './detail-tags.tsx';
import { LastKnownStatus } from './last-known-status.tsx';
import { useAimHold } from './use-aim-hold.ts';
import { useEarlierInquiries } from './use-earlier-inquiries.ts';
import { useInquiry } from './use-inquiry.ts';
import './views.css';

/**
 * After a change whose answer never came (the background stopped, a 5xx), Persona may still be
 * making it when the first read goes out: the inquiry is read again this long after, each time
 * while its status has not moved, for a minute in all. A slow decision (8 s was seen in testing)
 * was left showing Approve and Decline on an inquiry Persona had decided until the next poll.
 */
export const REREAD_AFTER_MS = [4_000, 10_000, 30_000, 60_000] as const;
export const REREAD_AGAIN_MS = REREAD_AFTER_MS[0];

/**
 * A copy older than this is read again when the reviewer comes back to it (its window takes the
 * focus): the side panel stays open beside the chat, and a colleague may decide the inquiry while
 * the reviewer answers there. One read a return at most, not a timer's: the team shares the limit.
 */
export const REREAD_ON_RETURN_MS = 30_000;

/** Whether two lists of what needs a look say the same, in the same order. */
const sameSignals = (a: readonly Signal[], b: readonly Signal[]) =>
  a.length === b.length && a.every((signal, i) => signal.text === b[i]?.text);

interface Props {
  id: string;
  initial?: (InquiryReply & { link?: OneTimeLink | null }) | undefined;
  /** The reference the row it was opened from showed: said while the inquiry is not in yet. */
  referenceId?: string | undefined;
}

/** One inquiry: status, actions, link, and everything Persona found, refreshed in place. */
export function DetailView({ id, initial, referenceId }: Props) {
  const { shown, loading, slow, error, load, accept } = useInquiry(id, initial);
  // Asked as the detail opens: what it finds is said above the decision (needs-a-look.ts).
  const earlier = useEarlierInquiries(shown?.inquiry);
  // A confirmation open, Approve's or Decline's: the list above it is held as it was when it
  // opened, and Other inquiries' line keeps its place in Approve's if they were still being read
  // then, or could not be (`slot`). A read ending meanwhile moved the form under the pointer,
  // 115 px when seen in testing; the confirmation says it instead (confirm-action.tsx).
  const [held, setHeld] = useState<{ list: Signal[]; slot: boolean }>();
  const { found } = earlier;
  const settings = useStored(settingsItem);
  const links = useStored(linksItem);
  const watch = useStored(watchlistItem)?.find((entry) => entry.id === id);
  const [freshLink, setFreshLink] = useState<OneTimeLink | null | undefined>(initial?.link);
  // New link out: the link on the card is the one it replaces (link-panel.tsx).
  const [renewing, setRenewing] = useState(false);
  // The last rate-limit answer an action or a tag change met, for Refresh to wait out too.
  const [limited, setLimited] = useState<ErrorInfo>();
  // Photos, network, reports' matches, earlier inquiries and activity: loaded on demand.
  const loadedEvidence = useEvidence();
  const evidence = loadedEvidence.state === 'loaded' ? loadedEvidence.views : undefined;

  // One read shortly (`soon`), and a decision's reads for a minute (`again`), apart: neither
  // calls the other off.
  const soon = useRef<ReturnType<typeof setTimeout>>(undefined);
  const again = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(
    () => () => {
      clearTimeout(soon.current);
      again.current.forEach(clearTimeout);
    },
    [],
  );
  // The status on screen, for a timer set renders ago.
  const status = useRef<string>(undefined);
  status.current = shown?.inquiry.status;
  const readSoon = () => {
    clearTimeout(soon.current);
    soon.current = setTimeout(() => void load(), REREAD_AGAIN_MS);
  };
  // A decision moves the status: read while it has not, for a minute. A change that moves none
  // is read as a tag's is.
  const rereadDecision = (later?: boolean, moves = true) => {
    if (!moves) return rereadTag(later);
    void load();
    if (!later) return;
    const from = status.current;
    again.current.forEach(clearTimeout);
    again.current = REREAD_AFTER_MS.map((ms) =>
      setTimeout(() => status.current === from && void load(), ms),
    );
  };
  // A tag moves no status: one read shortly, as for any change.
  const rereadTag = (later?: boolean) => {
    void load();
    if (later) readSoon();
  };
  // A change whose read after it failed is answered with the change's own copy, which names the
  // verifications and reports without their results (background/handlers/actions.ts): the
  // results on screen are kept with it, so Approve still lists what it would pass over, and the
  // inquiry is read again shortly (then, if Persona is still out of reach, once the watcher gets
  // through: use-inquiry.ts).
  const acceptChange = (reply: InquiryReply) => {
    const { inquiry: answer } = reply;
    const before = shown?.inquiry;
    if (!withoutResults(answer)) return accept(reply);
    accept(
      before
        ? {
            ...reply,
            inquiry: {
              ...answer,
              verifications: before.verifications,
              reports: before.reports,
              ...(before.sessions ? { sessions: before.sessions } : {}),
            },
          }
        : reply,
    );
    readSoon();
  };

  // The watcher found a change while this detail is open: read it, so the screen is not behind
  // the badge. Only a change after the copy on screen counts, once each; a read already on its
  // way (the first, useInquiry's, or a Refresh) is waited for, and then the copy it brought told
  // apart from the change.
  const changedAt = watch?.changedAt;
  const behind = changedAt !== undefined && (!shown || shown.fetchedAt < changedAt);
  const readFor = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!behind || loading || readFor.current === changedAt) return;
    readFor.current = changedAt;
    // The read that failed was this change's (the first, useInquiry's): not again at once, into
    // the rate limit, the outage or the refused key it has just met. Try again is on screen.
    if (error) return;
    void load();
  }, [changedAt, loading]);
  useEffect(() => {
    // Looking at the change is what "seen" means for the watchlist highlight and the badge, so
    // not before the copy on screen has it.
    if (watch && !watch.seen && !behind) {
      markSeen(id);
    }
  }, [watch?.seen, behind]);

  // Back at a copy that is no longer fresh, before deciding on it: an inquiry not watched has no
  // watcher to say that someone decided it meanwhile, and a watched one waits for the next check.
  // Not while a read is out, a failure is on screen, or the rate limit held a change of this page's.
  useEffect(() => {
    const back = () => {
      if (
        shown &&
        !loading &&
        !error &&
        !limited &&
        !isFinalStatus(shown.inquiry.status) &&
        Date.now() - shown.fetchedAt > REREAD_ON_RETURN_MS
      )
        void load();
    };
    window.addEventListener('focus', back);
    return () => window.removeEventListener('focus', back);
  }, [shown, loading, error, limited]);

  // Refused for Persona's rate limit with nothing to show: read again once its window has reset,
  // as Try again would, not left for the reviewer to see that the wait is over. Once per refusal
  // (a refusal again waits for its own reset), and not before the reset: one read a window.
  useEffect(() => {
    const seconds = error?.retryAfterSeconds;
    if (shown || !waitsForReset(error) || seconds === undefined) return;
    const timer = setTimeout(() => void load(), seconds * 1000 + 500);
    return () => clearTimeout(timer);
  }, [error]);

  // Come by itself after a failed read (the reset's read, the watcher's): the title keeps the
  // focus, and a screen reader, which last heard "Loading the inquiry…", hears that it came.
  const announce = useAnnounce();
  const failedFirst = useRef(false);
  useEffect(() => {
    if (!shown) failedFirst.current ||= Boolean(error);
    else if (failedFirst.current) {
      failedFirst.current = false;
      announce(t('inquiryCame', statusLabel(shown.inquiry.status)));
    }
  }, [shown === undefined, error]);

  // Before the inquiry is in (loading, or an unknown id's error), the title has the focus the view
  // that opened it took with it, so a screen reader says where the reviewer is; DetailHead's
  // takes it once the inquiry comes.
  const pending = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!shown && focusLost()) pending.current?.focus();
  }, [shown === undefined, error]);

  // What needs a look, at the head of the detail and in Approve's confirmation alike; while the
  // confirmation is open, the head shows the list held when it opened. Held too while the pointer
  // aims at the decision's buttons (use-aim-hold.ts), no confirmation open.
  const look = shown ? signals(shown.inquiry, found, held?.slot) : [];
  const aimed = useAimHold(look, sameSignals);

  if (!shown) {
    return (
      <div class="view">
        {/* The reference its row showed, or the watchlist has (opened by its address), loading
            or failed too: the id alone is 32 characters no one matches to a chat. */}
        <h2 class="view-title" tabIndex={-1} ref={pending}>
          <InquiryTitle id={id} referenceId={referenceId ?? watch?.referenceId} />
        </h2>
        {error ? (
          <>
            <ProblemMessage error={error} onRetry={() => load()} />
            <LastKnownStatus watch={watch} />
          </>
        ) : (
          <p class="muted" role="status">
            {/* As the actions say it: a slow read is not a stuck desk. */}
            {slow ? `${t('loadingInquiry')} ${t('stillWaiting')}` : t('loadingInquiry')}
          </p>
        )}
      </div>
    );
  }
  const { inquiry } = shown;
  const link = freshLink ?? links?.[id];
  return (
    <div class="view detail">
      <DetailHead
        reply={shown}
        loading={loading}
        dashboardUrl={settings && dashboardInquiryUrl(settings.baseUrl, id)}
        templates={settings?.templates}
        // Other inquiries too: one of them declined meanwhile is a reason to look twice.
        onRefresh={() => {
          load();
          earlier.load();
        }}
        limit={limited}
        changedAt={changedAt}
      />
      {error && <ProblemMessage error={error} onRetry={() => load()} />}
      {/* Before the decision's buttons: read, and reached by Tab, first. */}
      <AttentionList
        inquiry={inquiry}
        signals={held?.list ?? aimed.value}
        sectionsShown={Boolean(evidence)}
      />
      <div {...aimed.hold}>
        <DetailActions
          inquiry={inquiry}
          warnings={look.map((signal) => signal.text)}
          calm={look.every((signal) => signal.calm)}
          onConfirming={(open) =>
            setHeld(open ? { list: aimed.value, slot: typeof found !== 'number' } : undefined)
          }
          watched={Boolean(watch)}
          onReply={acceptChange}
          onLink={setFreshLink}
          onRenewing={setRenewing}
          onStale={rereadDecision}
          onLimited={setLimited}
        />
      </div>
      {link && offersLink(inquiry.status) && (
        <LinkPanel
          link={link}
          chatTemplate={settings?.chatTemplate ?? ''}
          inquiryExpired={inquiry.status === 'expired'}
          startedAt={inquiry.timestamps.startedAt}
          renewing={renewing}
        />
      )}
      {loadedEvidence.state === 'failed' && (
        <div class="banner is-error" role="alert">
          <p class="banner-text">{t('evidenceNotLoaded')}</p>
          <button type="button" onClick={loadedEvidence.retry}>
            {t('tryAgain')}
          </button>
        </div>
      )}
      {evidence && <evidence.PhotoSection inquiry={inquiry} />}
      <DetailBody
        inquiry={inquiry}
        reports={evidence && <evidence.ReportsSection reports={inquiry.reports} />}
      />
      {evidence && (
        <>
          <evidence.DeviceNetwork sessions={inquiry.sessions} />
          <evidence.BehaviourSection behaviors={inquiry.behaviors} />
          <evidence.EarlierInquiries earlier={earlier} />
          <evidence.ActivitySection inquiry={inquiry} />
        </>
      )}
      <DetailTags
        inquiry={inquiry}
        onReply={acceptChange}
        onStale={rereadTag}
        onLimited={setLimited}
      />
      {evidence && <evidence.SavePdfButton id={inquiry.id} />}
    </div>
  );
}

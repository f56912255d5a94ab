import { useRef, useState } from 'preact/hooks';
import {
  type AuditAction,
  type AuditEntry,
  type AuditTrail,
  fingerprintOf,
  INTERRUPTED,
  trailToCsv,
  type VerifyResult,
  verifyExport,
  verifyTrail,
} from '../shared/audit/trail.ts';
import type { ErrorKind } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import { formatDateTime } from '../shared/format-date-time.ts';
import { type MessageKey, t, uiLocale } from '../shared/i18n.ts';
import { sendRequest } from '../shared/send-request.ts';
import { keyInfoItem } from '../shared/storage-items.ts';
import { useStored } from '../ui/use-stored.ts';
import { detailsInWords } from './audit-details.ts';
import { type AgainstLog, againstLog } from './file-against-log.ts';
import { newestFirst } from './log-order.ts';
import { useAuditTrail } from './use-audit-trail.ts';
import { useOverflows } from './use-overflows.ts';

const SHOWN = 50;

/** Shown in the table in the reviewer's language; the exports keep the recorded words, and the
 *  CSV these beside them (`actionLabel`). */
const actionLabels: Record<AuditAction, MessageKey> = {
  create: 'auditCreate',
  approve: 'auditApprove',
  decline: 'auditDecline',
  markForReview: 'auditMarkForReview',
  expire: 'auditExpire',
  setTags: 'auditSetTags',
  addTag: 'auditAddTag',
  removeTag: 'auditRemoveTag',
  newLink: 'auditNewLink',
  reveal: 'auditReveal',
  photosShown: 'auditPhotosShown',
  savePdf: 'auditSavePdf',
  keySaved: 'auditKeySaved',
  keyRemoved: 'auditKeyRemoved',
  passphraseSet: 'auditPassphraseSet',
  passphraseChanged: 'auditPassphraseChanged',
  lock: 'auditLock',
  autoLock: 'auditAutoLock',
  unlock: 'auditUnlock',
  productionAllowed: 'auditProductionAllowed',
  productionDisallowed: 'auditProductionDisallowed',
  settingsChanged: 'auditSettingsChanged',
};

// An error kind in words; the kind itself stays beside them, as the exports have it.
const kindLabels: Record<ErrorKind, MessageKey> = {
  unauthorized: 'logKindUnauthorized',
  forbidden: 'logKindForbidden',
  not_found: 'logKindNotFound',
  conflict: 'logKindConflict',
  invalid: 'logKindInvalid',
  rate_limited: 'logKindRateLimited',
  quota_exceeded: 'logKindQuotaExceeded',
  server: 'logKindServer',
  network: 'logKindNetwork',
  timeout: 'logKindTimeout',
  bad_response: 'logKindBadResponse',
  no_key: 'logKindNoKey',
  refused: 'logKindRefused',
  bad_request: 'logKindBadRequest',
  internal: 'logKindInternal',
  startup_failed: 'logKindStartupFailed',
  disconnected: 'logKindDisconnected',
};

function outcomeOf(entry: AuditEntry): string {
  if (entry.outcome === 'ok') return t('logOutcomeOk');
  if (entry.errorKind === INTERRUPTED) return t('logOutcomeInterrupted');
  const kind = entry.errorKind ?? '';
  const words = Object.hasOwn(kindLabels, kind) ? t(kindLabels[kind as ErrorKind]) : undefined;
  return t('logOutcomeError', words ? `${words} (${kind})` : kind);
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A checked file against this browser's log (file-against-log.ts), in words. */
function describeAgainst(against: AgainstLog): string {
  if (against.kind === 'same') return t('fileSameAsLog');
  if (against.kind === 'elsewhere') return t('fileNotInLog');
  if (against.seq === undefined) return t('fileEmptyBehindLog', formatNumber(against.after));
  const seq = formatNumber(against.seq);
  return against.after === 1
    ? t('fileBehindLogOne', seq)
    : t('fileBehindLog', formatNumber(against.after), seq);
}

/** What a check found, and the fingerprint of what it checked. */
function describe(result: VerifyResult): { text: string; print?: string } {
  // Named as the table shows it (its action and time), beside its number in the Entry column.
  if (!result.ok) {
    const { entry } = result;
    const named = entry ? ` (${t(actionLabels[entry.action])}, ${when(entry.at)})` : '';
    return { text: t('chainBroken', `${result.reason}${named}`) };
  }
  const entries = formatNumber(result.entries);
  const verdict = result.firstSeq
    ? t('chainVerifiesSince', entries, formatNumber(result.firstSeq))
    : result.entries === 1
      ? t('chainVerifiesOne')
      : t('chainVerifies', entries);
  return { text: verdict, print: t('chainFingerprint', result.fingerprint) };
}

// With seconds: an audit entry's time is read to the second.
let withSeconds: Intl.DateTimeFormat | undefined;
function when(ms: number): string {
  withSeconds ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'medium' });
  return formatDateTime(ms, withSeconds);
}

/**
 * Who the log's entries are signed by (background audit/record.ts `currentReviewer`): the name
 * the organisation's policy sets, else the masked key, which everyone sharing it signs alike.
 */
function SignedAs({ reviewer }: { reviewer: string | undefined }) {
  const keyInfo = useStored(keyInfoItem);
  if (keyInfo === undefined && !reviewer) return null;
  return (
    <p class="hint" data-testid="log-signer">
      {reviewer
        ? t('logSignedByPolicy', reviewer)
        : keyInfo
          ? t('logSignedByKey', keyInfo.masked)
          : t('logSignedNoKey')}
    </p>
  );
}

/**
 * The audit trail: the latest entries, its exports, and checks of it or of an exported file.
 * `reviewer`: the name the organisation's policy gives the reviewer, if it does.
 */
export function ActivityLogSection({ reviewer }: { reviewer?: string | undefined }) {
  const trail = useAuditTrail();
  // `about`: the fingerprint of the log a Verify checked. Once entries are added it no longer
  // describes the log shown, and goes (a file's check is about the file, and stays). `last`: the
  // hash a checked file ends in, held against this browser's log as it is at each render.
  const [said, setVerdict] = useState<{
    ok: boolean;
    text: string;
    print?: string;
    about?: string;
    last?: string;
  }>();
  if (!trail) return null;
  const fingerprint = fingerprintOf(trail);
  const verdict = said?.about === undefined || said.about === fingerprint ? said : undefined;

  async function exported(name: string, type: string, text: string) {
    download(name, type, text);
    // Only a fingerprint kept elsewhere shows a copy edited and hashed again (trail.ts).
    // The log's fingerprint, not the file's alone: a CSV and a JSON export of it share it.
    setVerdict({ ok: true, text: t('exportFingerprint', name, fingerprint) });
    await sendRequest({ type: 'auditExported' }).catch(() => undefined);
  }
  // The reviewer's date when the file is made, as the page shows it ("Last exported …"), not UTC's.
  const stamp = () => {
    const now = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  };
  const check = async (run: () => Promise<VerifyResult>, about?: string) => {
    const result = await run();
    // A file is also held against this browser's log, which shows what its end cannot.
    const last = !about && result.ok ? result.last : undefined;
    setVerdict({
      ok: result.ok,
      ...describe(result),
      ...(about ? { about } : {}),
      ...(last ? { last } : {}),
    });
  };

  return (
    <section aria-labelledby="activity-heading" class="activity-log">
      <h2 id="activity-heading">{t('activityLog')}</h2>
      <p class="hint">{t('activityLogHint')}</p>
      <SignedAs reviewer={reviewer} />
      <p data-testid="log-facts">
        {trail.entries.length === 1
          ? t('logEntriesOne')
          : t('logEntries', formatNumber(trail.entries.length))}{' '}
        {trail.checkpoint
          ? t(
              'logDropped',
              formatNumber(trail.checkpoint.dropped),
              when(trail.checkpoint.droppedAt),
            )
          : t('logNoneDropped')}{' '}
        {trail.lastExportedAt
          ? t('logLastExported', when(trail.lastExportedAt))
          : t('logNeverExported')}
      </p>
      <div class="row wrap">
        <button
          type="button"
          onClick={() =>
            void exported(
              `inquiry-desk-activity-${stamp()}.csv`,
              'text/csv;charset=utf-8',
              // A byte-order mark: spreadsheet programs read the file as UTF-8 (the key's "…").
              `\uFEFF${trailToCsv(trail, (action) => t(actionLabels[action]))}`,
            )
          }
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          onClick={() =>
            void exported(
              `inquiry-desk-activity-${stamp()}.json`,
              'application/json',
              JSON.stringify(trail, null, 2),
            )
          }
        >
          {t('exportJson')}
        </button>
        <button type="button" onClick={() => void check(() => verifyTrail(trail), fingerprint)}>
          {t('verify')}
        </button>
      </div>
      <div class="field">
        <label for="verify-file">{t('checkExportedFile')}</label>
        <input
          id="verify-file"
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file) {
              const text = await file.text();
              await check(() => verifyExport(text));
            }
          }}
        />
      </div>
      <div aria-live="polite">
        {verdict && (
          <div
            class={verdict.ok ? 'banner is-ok' : 'banner is-error'}
            role={verdict.ok ? 'status' : 'alert'}
            data-testid="verify-result"
          >
            {[
              verdict.text,
              verdict.last && describeAgainst(againstLog(trail, verdict.last)),
              verdict.print,
            ]
              .filter(Boolean)
              .join(' ')}
          </div>
        )}
      </div>
      <LatestEntries trail={trail} />
    </section>
  );
}

/** A reviewer this long or shorter (a masked key, most names and emails) keeps to one line when
 *  the table has room; a policy's name may run to 200 characters and wraps. */
const SHORT_REVIEWER = 32;

export function LatestEntries({ trail }: { trail: AuditTrail }) {
  const latest = newestFirst(trail.entries, SHOWN);
  const box = useRef<HTMLDivElement>(null);
  const overflows = useOverflows(box, latest.length > 0);
  if (latest.length === 0) return <p class="muted">{t('logNothingYet')}</p>;
  return (
    // Where the table is wider than its card, the card scrolls it, not the page. The box then
    // takes the focus, so the keyboard scrolls it, named by the caption it holds. Not when it fits:
    // a region named as the table is would have its name read twice. A div, not a <section>: the
    // page draws its sections as cards.
    <div
      class="log-scroll"
      ref={box}
      {...(overflows && { role: 'region', tabIndex: 0, 'aria-labelledby': 'log-caption' })}
    >
      <table class="log-table">
        <caption class="muted" id="log-caption">
          {latest.length === 1 ? t('logLatestOne') : t('logLatest', formatNumber(latest.length))}
        </caption>
        <thead>
          <tr>
            <th scope="col" aria-sort="descending">
              {t('logWhen')}
            </th>
            {/* What happened and how it ended first, who last: on one desk it is the same key on
                every row. A table that scrolls sideways (larger text) shows the first columns;
                the 32-character id would push the outcome out of view. */}
            <th scope="col">{t('logAction')}</th>
            <th scope="col">{t('logOutcome')}</th>
            <th scope="col">{t('logInquiry')}</th>
            <th scope="col">{t('logReviewer')}</th>
            {/* The entry's number (seq), as the exports and a failed check name it. */}
            <th scope="col">{t('logEntryNo')}</th>
          </tr>
        </thead>
        <tbody>
          {latest.map(({ entry: e, recordedLater }) => (
            <tr key={e.seq}>
              <td>
                {when(e.at)}
                {recordedLater && <span class="log-later muted">{t('logRecordedLater')}</span>}
              </td>
              <td data-label={t('logAction')}>
                {t(actionLabels[e.action])}
                {/* The space keeps the two apart for a screen reader, which reads the cell as one. */}
                {e.details?.[0] && (
                  <>
                    {' '}
                    <span class="log-details muted">{detailsInWords(e).join(', ')}</span>
                  </>
                )}
              </td>
              <td class="log-outcome" data-label={t('logOutcome')}>
                {outcomeOf(e)}
                {e.requestId ? ` (${e.requestId})` : ''}
              </td>
              <td class="log-id" data-label={t('logInquiry')}>
                {e.inquiryId}
              </td>
              <td
                data-label={t('logReviewer')}
                class={
                  e.reviewer.length <= SHORT_REVIEWER ? 'log-reviewer log-short' : 'log-reviewer'
                }
              >
                {e.reviewer}
              </td>
              <td class="log-seq" data-label={t('logEntryNo')}>
                {formatNumber(e.seq)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

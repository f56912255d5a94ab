import { formatDateTime } from '../../shared/format-date-time.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import { canExpire } from '../../shared/persona/status-actions.ts';
import type { InquiryTimestamps } from '../../shared/persona/view-model.ts';

const steps: [keyof InquiryTimestamps, MessageKey][] = [
  ['createdAt', 'stepCreated'],
  ['startedAt', 'stepStarted'],
  ['completedAt', 'stepCompleted'],
  ['failedAt', 'stepFailed'],
  ['markedForReviewAt', 'stepMarkedForReview'],
  ['decisionedAt', 'stepDecisioned'],
  ['expiredAt', 'stepExpired'],
  ['expiresAt', 'stepExpires'],
  ['redactedAt', 'stepRedacted'],
];

/** When a step happened; one whose time does not parse goes last. */
function timeOf(value: string | undefined): number {
  const time = Date.parse(value ?? '');
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/**
 * The inquiry's lifecycle as dated steps, in the order they happened (an expired inquiry resumed
 * and decided later has its decision after its expiry); steps that did not happen are left out,
 * and so is an expiry the status has put behind it. Steps at the same time keep the lifecycle's
 * order.
 */
export function Timeline({
  timestamps,
  status,
}: {
  timestamps: InquiryTimestamps;
  status: string;
}) {
  const happened = steps
    .filter(([key]) => timestamps[key] && (key !== 'expiresAt' || canExpire(status)))
    .sort(([a], [b]) => timeOf(timestamps[a]) - timeOf(timestamps[b]) || 0);
  if (happened.length === 0) return null;
  return (
    <dl class="facts timeline">
      {happened.map(([key, label]) => (
        <div class="fact" key={key}>
          <dt>{t(label)}</dt>
          <dd>
            <time dateTime={timestamps[key]}>{formatDateTime(timestamps[key] ?? '')}</time>
          </dd>
        </div>
      ))}
    </dl>
  );
}

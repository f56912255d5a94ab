// The same person's other inquiries, earlier and later (a failed one may have a later success):
// the account's (`filter[account-id]`) and the same reference ID's (`filter[reference-id]`), or
// the one of the two the inquiry has, newest first. Asked by the detail as it opens
// (use-earlier-inquiries.ts).
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../../shared/format.ts';
import { formatDateTime } from '../../shared/format-date-time.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { EARLIER_HEADING } from '../components/needs-a-look.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { openedRow } from '../views/opened-row.ts';
import { useNavigation } from '../views/router.ts';
import { SummaryList } from '../views/summary-list.tsx';
import { type EarlierRead, full } from '../views/use-earlier-inquiries.ts';

const sameAs = {
  account: 'sameAccount',
  reference: 'sameReference',
  both: 'sameAccountOrReference',
  none: 'sameReference',
} as const;

/** `earlier`: the detail's read of them (use-earlier-inquiries.ts). */
export function EarlierInquiries({ earlier: { read, load } }: { earlier: EarlierRead }) {
  // Back from one of these inquiries: the section is where the reviewer was. Its title has the
  // focus (and is scrolled to) while the list is asked for again, then the row that was opened
  // takes it (summary-list.tsx); if that row is no longer listed, the title keeps it.
  const heading = useRef<HTMLHeadingElement>(null);
  const returning = openedRow(useNavigation().route) !== undefined;
  useEffect(() => {
    if (returning) heading.current?.focus();
  }, []);
  const { error } = read;
  const items = read.data?.items;
  const by = read.data?.by ?? 'none';
  const missed = read.data?.missed;
  return (
    <section aria-labelledby={EARLIER_HEADING}>
      <h3 id={EARLIER_HEADING} tabIndex={-1} ref={heading}>
        {t('otherInquiries')}
      </h3>
      {error ? (
        <ProblemMessage error={error} onRetry={load} />
      ) : items === undefined ? (
        <p class="muted" role="status">
          {t('lookingForOthers')}
        </p>
      ) : (
        <>
          {/* Asked by the account and by the reference ID, one read failed: what the other found
              is listed, and neither "the only inquiry" nor the list is taken for the whole. */}
          {missed && (
            <ProblemMessage
              error={{ ...missed, message: `${t(missedWords[by])} ${missed.message}` }}
              onRetry={load}
            />
          )}
          {items.length === 0 ? (
            missed ? null : (
              <p class="muted">{by === 'none' ? t('nothingToLookBy') : t('onlyInquiry')}</p>
            )
          ) : (
            <Listed items={items} by={by} mayBeMore={read.data?.mayBeMore ?? full({ items })} />
          )}
        </>
      )}
    </section>
  );
}

/** Which half a failed read leaves out, said before its reason. */
const missedWords = {
  account: 'othersByReferenceNotRead',
  reference: 'othersByAccountNotRead',
  both: 'othersByReferenceNotRead',
  none: 'othersByReferenceNotRead',
} as const;

function Listed({
  items,
  by,
  mayBeMore,
}: {
  items: InquirySummary[];
  by: keyof typeof sameAs;
  mayBeMore: boolean;
}) {
  return (
    <>
      <p class="muted">{t(sameAs[by])}</p>
      {/* A full page (less this inquiry, when it is among them): there may be older ones. */}
      {mayBeMore && (
        <p class="muted" data-testid="earlier-more">
          {t(
            by === 'both' ? 'earlierMayBeMoreEither' : 'earlierMayBeMore',
            formatNumber(items.length),
          )}
        </p>
      )}
      <SummaryList
        class="plain-list inquiry-list"
        // Not the section's name again: what the list holds.
        label={t(sameAs[by])}
        items={items}
        meta={(item) => (item.createdAt ? formatDateTime(item.createdAt) : undefined)}
      />
    </>
  );
}

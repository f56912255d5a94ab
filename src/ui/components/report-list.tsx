import { t } from '../../shared/i18n.ts';
import type { ReportView } from '../../shared/persona/view-model.ts';
import { reportRowId } from './needs-a-look.ts';
import { resultWords } from './result-words.ts';
import { StatusChip } from './status-chip.tsx';
import { reportLabel } from './view-labels.ts';

function matchText(hasMatch: boolean | undefined): [string, string] {
  if (hasMatch === true) return [t('matchFound'), 'tone-danger'];
  if (hasMatch === false) return [t('noMatch'), 'tone-success'];
  return [t('matchUnknown'), 'muted'];
}

/** A report's row: its kind, its match flag, and its status (said when Persona gave none). */
export function ReportRowParts({ report }: { report: ReportView }) {
  const [text, tone] = matchText(report.hasMatch);
  return (
    <>
      <span class="grow">{reportLabel(report.type)}</span>
      <span class={`report-match ${tone}`}>{text}</span>
      {report.status ? (
        <ReportStatus status={report.status} />
      ) : (
        <span class="muted">{t('statusNotGiven')}</span>
      )}
    </>
  );
}

/** Persona's word, and the reader's beside it where they differ, which are then the ones heard. */
function ReportStatus({ status }: { status: string }) {
  const words = resultWords(status, true);
  // One unit, kept together as a verification's is (views.css .result).
  return (
    <span class="result">
      <StatusChip status={status} quiet={words ? true : undefined} />
      {words && <span class="result-words">{words}</span>}
    </span>
  );
}

/** Watchlist, PEP and adverse-media reports with their match flag. */
export function ReportList({ reports }: { reports: ReportView[] }) {
  return (
    <ul class="plain-list">
      {reports.map((report) => (
        <li
          key={report.id}
          id={reportRowId(report.id)}
          class="report-row"
          title={report.type}
          tabIndex={-1}
        >
          <ReportRowParts report={report} />
        </li>
      ))}
    </ul>
  );
}

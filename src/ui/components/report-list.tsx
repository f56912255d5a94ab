import { t } from '../../shared/i18n.ts';
import type { ReportView } from '../../shared/persona/view-model.ts';
import { StatusChip } from './status-chip.tsx';
import { reportLabel } from './view-labels.ts';

function matchText(hasMatch: boolean | undefined): [string, string] {
  if (hasMatch === true) return [t('matchFound'), 'tone-danger'];
  if (hasMatch === false) return [t('noMatch'), 'tone-success'];
  return [t('matchUnknown'), 'muted'];
}

/** Watchlist, PEP and adverse-media reports with their match flag. */
export function ReportList({ reports }: { reports: ReportView[] }) {
  return (
    <ul class="plain-list">
      {reports.map((report) => {
        const [text, tone] = matchText(report.hasMatch);
        return (
          <li key={report.id} class="report-row" title={report.type}>
            <span class="grow">{reportLabel(report.type)}</span>
            <span class={`report-match ${tone}`}>{text}</span>
            {report.status ? (
              <StatusChip status={report.status} />
            ) : (
              <span class="muted">{t('statusNotGiven')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n.ts';
import { isMaskedField } from '../../shared/persona/fields.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { FieldList } from '../components/field-list.tsx';
import { ReportList } from '../components/report-list.tsx';
import { Timeline } from '../components/timeline.tsx';
import { useReveal } from '../components/use-reveal.ts';
import { VerificationCard } from '../components/verification-card.tsx';
import { verificationNames } from '../components/view-labels.ts';

/**
 * What Persona knows about the inquiry: timeline, verifications with checks, fields, reports.
 * `reports` replaces the plain report list (the evidence views' list opens each report).
 */
export function DetailBody({
  inquiry,
  reports,
}: {
  inquiry: InquiryView;
  reports?: ComponentChildren;
}) {
  // Each reveal of masked personal data goes into the audit trail: the inquiry's id and the
  // field's name, never its value.
  const reveal = useReveal((key) => {
    sendRequest({ type: 'recordReveal', id: inquiry.id, field: revealedField(key, inquiry) }).catch(
      () => {},
    );
  });
  const names = verificationNames(inquiry.verifications);
  const anySensitive =
    inquiry.fields.some(isMaskedField) ||
    inquiry.verifications.some((v) => v.fields.some(isMaskedField));
  return (
    <>
      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">{t('timeline')}</h3>
        <Timeline timestamps={inquiry.timestamps} status={inquiry.status} />
      </section>
      {(inquiry.reviewerComment || inquiry.note) && (
        <dl class="facts">
          {inquiry.reviewerComment && (
            <div class="fact">
              <dt>{t('reviewerComment')}</dt>
              <dd class="as-typed">{inquiry.reviewerComment}</dd>
            </div>
          )}
          {inquiry.note && (
            <div class="fact">
              <dt>{t('note')}</dt>
              <dd class="as-typed">{inquiry.note}</dd>
            </div>
          )}
        </dl>
      )}
      <section aria-labelledby="verifications-heading">
        {/* Focusable by script: where "none yet" in what needs a look leads (needs-a-look.ts). */}
        <h3 id="verifications-heading" tabIndex={-1}>
          {t('verifications')}
        </h3>
        {inquiry.verifications.length === 0 ? (
          <p class="muted">{t('noVerifications')}</p>
        ) : (
          inquiry.verifications.map((v) => (
            <VerificationCard
              key={v.id}
              verification={v}
              reveal={reveal}
              label={names.get(v.id) ?? ''}
            />
          ))
        )}
      </section>
      <section aria-labelledby="fields-heading">
        <div class="section-head">
          <h3 id="fields-heading">{t('fields')}</h3>
          {anySensitive && (
            <button type="button" class="link" onClick={reveal.toggleAll}>
              {t(reveal.all ? 'hideAll' : 'revealAll')}
            </button>
          )}
        </div>
        <FieldList fields={inquiry.fields} scope="inquiry" reveal={reveal} />
      </section>
      {reports ??
        (inquiry.reports.length > 0 && (
          <section aria-labelledby="reports-heading">
            <h3 id="reports-heading">{t('reports')}</h3>
            <ReportList reports={inquiry.reports} />
          </section>
        ))}
    </>
  );
}

/**
 * A reveal's key (field-list.tsx: `<scope>:<field key>`, the scope `inquiry` or a verification's
 * id; or `all`) as the audit trail names it: the field by its name (`birthdate`), the one the
 * options page labels, and a verification by its type, which a reader of the log can tell without
 * the inquiry at hand (`government-id:identification-number`).
 */
export function revealedField(key: string, inquiry: InquiryView): string {
  const at = key.indexOf(':');
  if (at < 0) return key;
  const scope = key.slice(0, at);
  const fieldKey = key.slice(at + 1);
  const verification = inquiry.verifications.find((v) => v.id === scope);
  const fields = verification?.fields ?? inquiry.fields;
  const name = fields.find((f) => f.key === fieldKey)?.name ?? fieldKey;
  // As the background takes it (messages.ts): a name's characters, 100 at most; a longer name
  // cut short is still logged, as every reveal is.
  return `${verification?.type.replace(/^verification\//, '') ?? scope}:${name}`
    .replace(/[^\w.:-]/g, '_')
    .slice(0, 100);
}

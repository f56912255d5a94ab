import { Fragment } from 'preact';
import { t, uiLocale } from '../../shared/i18n.ts';
import { isMaskedField } from '../../shared/persona/fields.ts';
import type { FieldView } from '../../shared/persona/view-model.ts';
import { fieldWords } from './field-words.ts';
import type { Reveal } from './use-reveal.ts';
import { fieldLabel } from './view-labels.ts';

interface Props {
  fields: FieldView[];
  /** Keeps reveal keys apart when several lists (inquiry, each verification) share one state. */
  scope: string;
  reveal: Reveal;
  /**
   * Where the list is, for its buttons' names: a birthdate shown on the ID card and again among
   * the inquiry's fields is two "Reveal Date of birth" buttons a screen reader cannot tell apart.
   */
  context?: string;
}

let dates: Intl.DateTimeFormat | undefined;

/**
 * A date as Persona sends a birthdate or an expiry ("1995-04-13"), in the reviewer's language
 * like every other date on the desk, in a `<time>` that keeps the original; anything else as sent.
 */
function FieldValue({ value }: { value: string }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return <>{value}</>;
  // A calendar date, not an instant: read and written in UTC, so no time zone moves its day.
  dates ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeZone: 'UTC' });
  return <time dateTime={value}>{dates.format(Date.parse(value))}</time>;
}

/**
 * Extracted fields; identity numbers and birthdates stay masked until revealed
 * (docs/architecture.md#read-results).
 */
export function FieldList({ fields, scope, reveal, context }: Props) {
  if (fields.length === 0) return <p class="muted">{t('noFields')}</p>;
  return (
    <dl class="facts field-list">
      {fields.map((field) => {
        const key = `${scope}:${field.key}`;
        const masked = isMaskedField(field);
        const shown = !masked || reveal.isShown(key);
        const label = fieldLabel(field.name);
        return (
          <Fragment key={key}>
            <dt>{label}</dt>
            <dd class="field-value">
              {shown ? (
                <span class="value">
                  <FieldValue value={fieldWords(field.name, field.value)} />
                </span>
              ) : (
                <span class="masked-value">
                  <span aria-hidden="true">••••••</span>
                  <span class="sr-only">{t('hidden')}</span>
                </span>
              )}
              {masked && !reveal.all && (
                <button
                  type="button"
                  class="link"
                  aria-label={t(
                    shown ? 'hideField' : 'revealField',
                    context ? `${label} (${context})` : label,
                  )}
                  onClick={() => reveal.toggle(key)}
                >
                  {t(shown ? 'hide' : 'reveal')}
                </button>
              )}
            </dd>
          </Fragment>
        );
      })}
    </dl>
  );
}

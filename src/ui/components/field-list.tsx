import { Fragment } from 'preact';
import { t } from '../../shared/i18n.ts';
import type { FieldView } from '../../shared/persona/view-model.ts';
import type { Reveal } from './use-reveal.ts';

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
        const shown = !field.sensitive || reveal.isShown(key);
        return (
          <Fragment key={key}>
            <dt>{field.label}</dt>
            <dd class="field-value">
              {shown ? (
                <span class="value">{field.value}</span>
              ) : (
                <span class="masked">
                  <span aria-hidden="true">••••••</span>
                  <span class="sr-only">{t('hidden')}</span>
                </span>
              )}
              {field.sensitive && !reveal.all && (
                <button
                  type="button"
                  class="link"
                  aria-label={t(
                    shown ? 'hideField' : 'revealField',
                    context ? `${field.label} (${context})` : field.label,
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

// The search box's words for a query the shared classifier (shared/persona/classify-query.ts)
// calls malformed.
import { t } from '../../shared/i18n.ts';

export { classifyQuery, type Query } from '../../shared/persona/classify-query.ts';

export function malformedMessage(text: string): string {
  return t('malformedId', text);
}

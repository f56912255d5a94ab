// After a 5xx answer to a create, the inquiry may exist or not (https://docs.withpersona.com/errors).
// Repeating the key would only replay the 5xx (https://docs.withpersona.com/idempotence), so the
// inquiry is looked for by its reference ID, among those made since this attempt began.
import type { PersonaClient } from '../../shared/persona/client.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';

/** Persona's clock and ours differ a little; an inquiry made this long before we asked counts. */
export const CLOCK_SLACK_MS = 60_000;

export async function findCreated(
  client: Pick<PersonaClient, 'listInquiries'>,
  referenceId: string,
  templateId: string,
  startedAt: number,
): Promise<InquiryView | undefined> {
  const since = startedAt - CLOCK_SLACK_MS;
  const page = await client.listInquiries({
    referenceId,
    createdAfter: new Date(since),
    pageSize: 10,
    // Only what tells the inquiry apart: no personal data for a lookup.
    fields: {
      inquiry: [
        'created-at',
        'reference-id',
        'inquiry-template',
        'inquiry-template-version',
        'template',
      ],
    },
  });
  // Newest first; the template must match too, or it is some other inquiry for this customer. A
  // create by version (`itmplv_`) names the version; the inquiry also names its template.
  return page.data.items.find((item) => {
    const created = Date.parse(item.timestamps.createdAt ?? '');
    const sameTemplate =
      !item.templateId || item.templateId === templateId || item.templateVersionId === templateId;
    // An unreadable time (NaN) is never `>=`.
    return sameTemplate && created >= since;
  });
}

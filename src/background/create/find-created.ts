// After a 5xx answer to a create, the inquiry may exist or not (https://docs.withpersona.com/errors).
// Repeating the key would only replay the 5xx (https://docs.withpersona.com/idempotence), so the
// inquiry is looked for by its reference ID, among those made since this attempt began.
import type { PersonaClient } from '../../shared/persona/client.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';

/**
 * How long before the click an inquiry may have been made and still count: the `Date` header
 * tells Persona's clock to the second, and the list's trip adds its own time.
 */
export const CLOCK_SLACK_MS = 60_000;

/**
 * Persona lists an inquiry's reference ID's inquiries newest first: the one the create made, if
 * any, is on the first page. Made since the click, by Persona's clock, as `created-at` is: the
 * click's time on this computer's clock, which may be minutes off, is moved by how far the list's
 * `Date` is from it. Asked for by reference ID alone: a `created-at-start` on this computer's
 * clock would leave out the inquiry sought where the clock is fast.
 */
export async function findCreated(
  client: Pick<PersonaClient, 'listInquiries'>,
  referenceId: string,
  templateId: string,
  startedAt: number,
): Promise<InquiryView | undefined> {
  const page = await client.listInquiries({
    referenceId,
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
  const now = Date.now();
  const since = startedAt - CLOCK_SLACK_MS + (page.meta.date ?? now) - now;
  // The template must match too, or it is some other inquiry for this customer. A
  // create by version (`itmplv_`) names the version; the inquiry also names its template.
  return page.data.items.find((item) => {
    const created = Date.parse(item.timestamps.createdAt ?? '');
    const sameTemplate =
      !item.templateId || item.templateId === templateId || item.templateVersionId === templateId;
    // An unreadable time (NaN) is never `>=`.
    return sameTemplate && created >= since;
  });
}

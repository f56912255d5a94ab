// The evidence a reviewer opens after the detail is on screen: photos, a report's matches, the
// events, earlier inquiries of the same person, the PDF. One Persona request each (photos: one
// per image); nothing here is cached, and photos and PDFs are never stored.

import { bytesToBase64 } from '../../shared/base64.ts';
import { EARLIER_PAGE_SIZE } from '../../shared/earlier-inquiries.ts';
import { DeskError, deskError, toErrorInfo } from '../../shared/errors.ts';
import type { PhotoReply, Reply, RequestOf } from '../../shared/messages.ts';
import { photoFetcher } from '../../shared/persona/photo-fetch.ts';
import { summarise } from '../inquiries/adopt-inquiry.ts';
import { cachedInquiry } from '../inquiry-cache.ts';
import type { Handlers } from '../message-router.ts';
import { openPersona } from '../persona-access.ts';
import { checkInquiryId } from './check-inquiry-id.ts';
import { getInquiry } from './inquiries.ts';

// Signed file URLs live 6 h by default and keys may shorten that
// (https://docs.withpersona.com/downloading-files): an older detail is read again first.
const PHOTO_URLS_FRESH_MS = 5 * 60_000;

/**
 * The photo URLs come from Persona's own answer for this inquiry (the cached detail, else one
 * read), never from the page, so a page cannot make the background fetch anything else.
 */
export async function showPhotos(request: RequestOf<'showPhotos'>): Promise<Reply<'showPhotos'>> {
  checkInquiryId(request.id);
  const { settings } = await openPersona();
  const cached = await cachedInquiry(request.id);
  const entry =
    cached && Date.now() - cached.fetchedAt < PHOTO_URLS_FRESH_MS
      ? cached
      : await getInquiry({ type: 'getInquiry', id: request.id, refresh: true });
  const fetchPhoto = photoFetcher({ baseUrl: settings.baseUrl });
  const wanted = entry.inquiry.verifications.flatMap((v) =>
    (v.photos ?? []).map((photo) => ({ ...photo, verificationId: v.id })),
  );
  const photos = await Promise.all(
    wanted.map(async ({ url, ...named }): Promise<PhotoReply> => {
      try {
        const photo = await fetchPhoto(url);
        return { ...named, type: photo.type, base64: bytesToBase64(photo.bytes) };
      } catch (error) {
        return { ...named, error: toErrorInfo(error) };
      }
    }),
  );
  // None could be shown (their links expired, say): the request failed, and the reviewer and the
  // activity log hear it as such, not as photos shown.
  const failed = photos.find((photo) => photo.error)?.error;
  if (failed && photos.every((photo) => photo.error)) throw new DeskError(failed);
  return { photos };
}

export async function getReport(request: RequestOf<'getReport'>): Promise<Reply<'getReport'>> {
  if (!/^rep_[A-Za-z0-9]+$/.test(request.reportId)) {
    throw deskError('invalid', 'reportIdShape');
  }
  const { client } = await openPersona();
  return { report: (await client.getReport(request.reportId)).data };
}

export async function listEvents(request: RequestOf<'listEvents'>): Promise<Reply<'listEvents'>> {
  checkInquiryId(request.id);
  const { client } = await openPersona();
  return { events: (await client.listEvents(request.id)).data };
}

/** The account's inquiries (`filter[account-id]`), or without one the reference ID's. */
export async function earlierInquiries(
  request: RequestOf<'earlierInquiries'>,
): Promise<Reply<'earlierInquiries'>> {
  checkInquiryId(request.id);
  const by = request.accountId ? 'account' : request.referenceId ? 'reference' : 'none';
  if (by === 'none') return { items: [], by };
  const { client } = await openPersona();
  const page = await client.listInquiries(
    request.accountId
      ? { accountIds: [request.accountId], pageSize: EARLIER_PAGE_SIZE }
      : { referenceId: request.referenceId, pageSize: EARLIER_PAGE_SIZE },
  );
  const items = page.data.items.filter((item) => item.id !== request.id).map(summarise);
  return { items, by };
}

export async function printInquiry(
  request: RequestOf<'printInquiry'>,
): Promise<Reply<'printInquiry'>> {
  checkInquiryId(request.id);
  const { client } = await openPersona();
  const printed = await client.printInquiry(request.id);
  return { filename: printed.filename, base64: bytesToBase64(printed.bytes) };
}

export const evidenceHandlers = {
  showPhotos,
  getReport,
  listEvents,
  earlierInquiries,
  printInquiry,
} satisfies Partial<Handlers>;

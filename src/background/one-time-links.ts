// One-time links are single-use secrets: kept in storage.session only, never in storage.local.
import type { OneTimeLink } from '../shared/messages.ts';
import { linksItem } from '../shared/storage-items.ts';
import { editItem } from './edit-item.ts';

export async function rememberLink(id: string, link: OneTimeLink): Promise<OneTimeLink> {
  await editItem(linksItem, (links) => ({ value: { ...links, [id]: link }, result: undefined }));
  return link;
}

/** The link Persona made with the inquiry (`meta.auto-create-one-time-link`), if any. */
export async function rememberLinkFromCreate(
  id: string,
  meta: { oneTimeLink?: string; oneTimeLinkShort?: string; oneTimeLinkExpiresAt?: string },
  now: number,
): Promise<OneTimeLink | null> {
  if (!meta.oneTimeLink) return null;
  return rememberLink(id, {
    url: meta.oneTimeLink,
    createdAt: now,
    ...(meta.oneTimeLinkShort ? { shortUrl: meta.oneTimeLinkShort } : {}),
    ...(meta.oneTimeLinkExpiresAt ? { expiresAt: meta.oneTimeLinkExpiresAt } : {}),
  });
}

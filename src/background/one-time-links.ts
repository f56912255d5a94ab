// One-time links are single-use secrets: kept in storage.session only, never in storage.local.
import type { OneTimeLink } from '../shared/messages.ts';
import { readItem, writeItem } from '../shared/storage.ts';
import { linksItem } from '../shared/storage-items.ts';

export async function rememberLink(id: string, link: OneTimeLink): Promise<OneTimeLink> {
  const links = await readItem(linksItem);
  links[id] = link;
  await writeItem(linksItem, links);
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

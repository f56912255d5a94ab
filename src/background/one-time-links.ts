// One-time links are single-use secrets: kept in storage.session only, never in storage.local.
// A link is kept only when it is Persona's (trusted-link.ts): anything else is never shown.
import { DeskError, deskError } from '../shared/errors.ts';
import { linksItem, settingsItem } from '../shared/generated/stored-items.ts';
import type { OneTimeLink } from '../shared/messages.ts';
import { isTrustedLink } from '../shared/persona/trusted-link.ts';
import { readItem } from '../shared/storage.ts';
import { updateItem } from './edit-item.ts';
import { dropIfKeyGone } from './key-custody.ts';

export function refusedLinkError(): DeskError {
  return deskError('refused', 'linkRefused');
}

/** `masked`: the key Persona made the link for (keyInfo.masked); see dropIfKeyGone. */
export async function rememberLink(
  id: string,
  link: OneTimeLink,
  masked: string,
): Promise<OneTimeLink> {
  const { baseUrl } = await readItem(settingsItem);
  const trusted = (url: string) => isTrustedLink(url, baseUrl);
  if (!trusted(link.url) || (link.shortUrl && !trusted(link.shortUrl))) throw refusedLinkError();
  await updateItem(linksItem, (links) => ({ ...links, [id]: link }));
  await dropIfKeyGone(masked, linksItem.key);
  return link;
}

/** What Persona answers about a one-time link it made, in a create's or a link request's `meta`. */
export interface LinkMeta {
  oneTimeLink?: string;
  oneTimeLinkShort?: string;
  oneTimeLinkExpiresAt?: string;
}

/**
 * The link Persona made with the inquiry (`meta.auto-create-one-time-link`), if any. A refused link
 * is dropped (null): the inquiry exists and is watched either way, and "New link" says why.
 */
export async function rememberLinkFromCreate(
  id: string,
  meta: LinkMeta | undefined,
  now: number,
  masked: string,
): Promise<OneTimeLink | null> {
  if (!meta?.oneTimeLink) return null;
  return keepLink(id, masked, {
    url: meta.oneTimeLink,
    createdAt: now,
    ...(meta.oneTimeLinkShort ? { shortUrl: meta.oneTimeLinkShort } : {}),
    ...(meta.oneTimeLinkExpiresAt ? { expiresAt: meta.oneTimeLinkExpiresAt } : {}),
  });
}

function keepLink(id: string, masked: string, link: OneTimeLink): Promise<OneTimeLink | null> {
  return rememberLink(id, link, masked).catch((error: unknown) => {
    if (error instanceof DeskError && error.info.kind === 'refused') return null;
    throw error;
  });
}

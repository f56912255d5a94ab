import { render, type VNode } from 'preact';
import { firstScreenItems } from '../shared/generated/first-screen-items.ts';
import { t } from '../shared/i18n.ts';
import './base.css';
import './popup.css';
import { preloadStored } from './use-stored.ts';

/**
 * Mounts a desk page (the popup, the side panel): its first screen's stored items are read in one
 * go first, so the first render already shows them. A failed read only means each view reads its
 * own items, as it would without the preload.
 */
export async function mountDesk(app: VNode): Promise<void> {
  // Screen readers pick their voice from the page's language: that of the catalogue in use.
  document.documentElement.lang = t('lang');
  await preloadStored(firstScreenItems).catch(() => undefined);
  const root = document.getElementById('app');
  if (root) render(app, root);
}

import { render, type VNode } from 'preact';
import { t } from '../shared/i18n.ts';
import './base.css';
import './popup.css';
import { holdEffectsUntilFirstPaint } from './first-paint.ts';
import { firstScreenRead } from './first-screen-read.ts';
import { startTypeAhead } from './type-ahead.ts';

/**
 * Mounts a desk page (the popup, the side panel) once its first screen's stored items are read
 * (first-screen-read.ts), so the first render already shows them. A failed read only means each view
 * reads its own items, as it would without the preload.
 */
export async function mountDesk(app: VNode): Promise<void> {
  // Screen readers pick their voice from the page's language: that of the catalogue in use.
  document.documentElement.lang = t('lang');
  // An id pasted or typed before the search box has the focus is kept for it.
  startTypeAhead();
  await firstScreenRead;
  const root = document.getElementById('app');
  if (!root) return;
  const release = holdEffectsUntilFirstPaint();
  render(app, root);
  // Nothing to paint yet (a side panel whose route is still being written): the effects that
  // would bring it must not wait for a first paint.
  if (!root.textContent?.trim()) release();
}

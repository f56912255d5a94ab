// Renders the store pages (store-pages.ts) in a plain headless Chromium and writes the PNGs:
// screenshots/<n>-<view>.png at 1280×800 and the 440×280 promo tile.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../launch-extension.ts';
import { repoRoot } from '../paths.ts';
import type { CapturedView, ViewName } from './capture-views.ts';
import {
  PROMO_TILE_SIZE,
  promoTilePage,
  SCREENSHOT_SIZE,
  type Size,
  screenshotPage,
} from './store-pages.ts';
import { PROMO_TILE_FILE, SCREENSHOTS_DIR, STORE_SHOTS } from './store-shots.ts';

async function render(browser: Browser, html: string, size: Size): Promise<Buffer> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setContent(html, { waitUntil: 'load' });
    const shoot = () => page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } });
    // Headless Chromium now and then has no frame to give ("Unable to capture screenshot", seen
    // once on a loaded machine): a second try, a moment later, gets one.
    return await shoot().catch(async () => {
      await page.waitForTimeout(250);
      return shoot();
    });
  } finally {
    await page.close();
  }
}

/** Writes every asset under `outDir`; returns their paths. */
export async function renderStoreAssets(options: {
  chromiumPath: string;
  outDir: string;
  views: Record<ViewName, CapturedView>;
  name: string;
}): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const written: string[] = [];
  try {
    mkdirSync(join(options.outDir, SCREENSHOTS_DIR), { recursive: true });
    for (const shot of STORE_SHOTS) {
      const { png, view } = options.views[shot.view];
      const html = screenshotPage({
        png,
        view,
        title: shot.title,
        text: shot.text,
        label: shot.label,
      });
      const path = join(options.outDir, SCREENSHOTS_DIR, shot.file);
      writeFileSync(path, await render(browser, html, SCREENSHOT_SIZE));
      written.push(path);
    }
    const tile = promoTilePage({
      iconPng: readFileSync(join(repoRoot, 'public', 'icons', 'icon-128.png')),
      name: options.name,
      tagline: 'Persona identity verification, from the toolbar',
    });
    const path = join(options.outDir, PROMO_TILE_FILE);
    writeFileSync(path, await render(browser, tile, PROMO_TILE_SIZE));
    written.push(path);
  } finally {
    await browser.close();
  }
  return written;
}

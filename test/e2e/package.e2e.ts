// `npm run package` end to end, as its function: both store builds (rebuilt only when stale)
// checked and zipped, and the store images captured from the development build in Chromium against
// the sandbox. The zips are read back with fflate's unzip, the PNGs decoded with fast-png; the
// Chrome zip is loaded in Chromium and the Firefox zip in Firefox ESR, to see what a user installs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { decode } from 'fast-png';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_FILE } from '../../scripts/lib/background-bundle.ts';
import { PERSONA_CONNECT_SOURCES } from '../../scripts/lib/content-security-policy.ts';
import { GECKO_ID } from '../../scripts/lib/firefox-manifest.ts';
import { launchExtension } from '../../scripts/lib/launch-extension.ts';
import { listFiles } from '../../scripts/lib/list-files.ts';
import { policySources } from '../../scripts/lib/package-checks.ts';
import {
  BUILDS,
  CAPTURE_BUILD,
  type PackageResult,
  packageExtension,
} from '../../scripts/lib/package-extension.ts';
import { POPUP_VIEW, SIDE_PANEL_VIEW } from '../../scripts/lib/store/capture-views.ts';
import {
  PROMO_TILE_SIZE,
  SCREENSHOT_SIZE,
  viewPlacement,
} from '../../scripts/lib/store/store-pages.ts';
import {
  PROMO_TILE_FILE,
  SCREENSHOTS_DIR,
  STORE_SHOTS,
} from '../../scripts/lib/store/store-shots.ts';
import { STORE_MODE } from '../../scripts/lib/store-build.ts';
import { findChromium } from './browser-path.ts';
import { buildIfStale } from './build-if-stale.ts';
import { byRole, launchFirefox } from './firefox-harness.ts';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
let outDir = '';
let result: PackageResult;
const log: string[] = [];

beforeAll(async () => {
  // The images' build (dist/), then the two store builds that are zipped.
  buildIfStale();
  for (const { dir, config } of Object.values(BUILDS)) {
    buildIfStale({ outDir: dir, config, mode: STORE_MODE });
  }
  outDir = mkdtempSync(join(tmpdir(), 'inquiry-desk-store-'));
  result = await packageExtension({
    skipBuild: true,
    assets: true,
    outDir,
    log: (line) => log.push(line),
  });
}, 180_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/**
 * The background's file: one classic script in strict mode (scripts/lib/background-bundle.ts) that
 * loads nothing else: Chromium refuses `import()` in a service worker, and every static import
 * would be one more file fetched before the first answer.
 */
function backgroundScript(files: Record<string, Uint8Array>, name: string): void {
  const script = Buffer.from(files[name] as Uint8Array).toString('utf8');
  expect(script.length, name).toBeGreaterThan(10_000);
  // Compiles as a classic script: an `import` or `export` statement would be a SyntaxError.
  expect(() => new Script(script, { filename: name })).not.toThrow();
  expect(script.startsWith('"use strict";'), `${name} is strict`).toBe(true);
  expect(script, `${name} imports nothing`).not.toMatch(/\bimport\s*\(/);
  // The store's worker has no test hook (src/background/index.ts).
  expect(script, `${name} has no inquiryDesk hook`).not.toMatch(/\binquiryDesk\b/);
}

/** The store's policy: requests go to Persona's hosts, over https, and nowhere else. */
function personaOnly(manifest: { content_security_policy: { extension_pages: string } }): void {
  const policy = manifest.content_security_policy.extension_pages;
  expect(policySources(policy, 'connect-src')).toEqual([...PERSONA_CONNECT_SOURCES]);
  expect(policy).not.toMatch(/127\.0\.0\.1|localhost|http:/);
}

function unzipped(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

/** The zip's files written out to a new folder, to load as a user's browser would. */
function unpack(zip: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inquiry-desk-store-unpacked-'));
  for (const [name, data] of Object.entries(unzipped(zip))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/**
 * Run in one of the add-on's pages: the directive its policy names when the page fetches from
 * loopback, or "none" when nothing is refused in 5 s (the fetch fails all the same, nothing
 * listening on port 9).
 */
async function loopbackFetchBlockedBy(): Promise<string> {
  const violation = new Promise<string>((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
    setTimeout(() => resolve('none'), 5_000);
  });
  await fetch('http://127.0.0.1:9/').catch(() => undefined);
  return violation;
}
const manifestOf = (files: Record<string, Uint8Array>) =>
  JSON.parse(Buffer.from(files['manifest.json'] as Uint8Array).toString('utf8'));

/** [r, g, b] of one pixel of a decoded RGB(A) image. */
function pixel(image: ReturnType<typeof decode>, x: number, y: number): number[] {
  const start = (y * image.width + x) * image.channels;
  return [...image.data.slice(start, start + 3)];
}

describe('npm run package', () => {
  it('zips the Chrome build whole, with its service worker, side panel and version', () => {
    expect(result.zips.chrome).toBe(join(outDir, `inquiry-desk-${pkg.version}-chrome.zip`));
    const files = unzipped(result.zips.chrome);
    expect(Object.keys(files).sort()).toEqual(listFiles(join(root, BUILDS.chrome.dir)));
    const manifest = manifestOf(files);
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.background).toEqual({ service_worker: BACKGROUND_FILE });
    backgroundScript(files, BACKGROUND_FILE);
    personaOnly(manifest);
    expect(manifest.side_panel.default_path).toBe('src/side-panel/index.html');
    expect(manifest.permissions).toContain('sidePanel');
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });

  it('zips the Firefox build whole, with background scripts, sidebar, add-on id and consent', () => {
    expect(result.zips.firefox).toBe(join(outDir, `inquiry-desk-${pkg.version}-firefox.zip`));
    const files = unzipped(result.zips.firefox);
    expect(Object.keys(files).sort()).toEqual(listFiles(join(root, BUILDS.firefox.dir)));
    const manifest = manifestOf(files);
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.background).toEqual({ scripts: [BACKGROUND_FILE] });
    backgroundScript(files, BACKGROUND_FILE);
    personaOnly(manifest);
    expect(manifest.sidebar_action.default_panel).toBe('src/side-panel/index.html');
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual([
      'authenticationInfo',
      'personallyIdentifyingInfo',
    ]);
    expect(log).toContain(`Linting ${BUILDS.firefox.dir}/ with web-ext …`);
  });

  it('zips not the development build, which keeps loopback and the hook for the tests', () => {
    const dev = join(root, CAPTURE_BUILD.dir);
    const policy = JSON.parse(readFileSync(join(dev, 'manifest.json'), 'utf8'))
      .content_security_policy.extension_pages as string;
    expect(policySources(policy, 'connect-src')).toContain('http://127.0.0.1:*');
    expect(readFileSync(join(dev, BACKGROUND_FILE), 'utf8')).toMatch(/\binquiryDesk\b/);
  });

  it('installs from the Chrome zip a desk that refuses a local base URL and lets nothing out to one', async () => {
    const unpacked = unpack(result.zips.chrome);
    const ext = await launchExtension({
      chromiumPath: findChromium(),
      extensionDir: unpacked,
      headless: true,
    });
    try {
      const worker = await ext.serviceWorker();
      expect(await worker.evaluate(() => 'inquiryDesk' in globalThis)).toBe(false);
      const page = await ext.openPage('src/options/index.html');
      const baseUrl = page.getByRole('textbox', { name: 'API base URL' });
      await baseUrl.fill('http://127.0.0.1:4010');
      await page.getByRole('button', { name: 'Save' }).click();
      // allTextContents does not wait for the error to be there: a Save that went through fails
      // here within the poll's time, not the test's.
      await expect
        .poll(() => page.locator('#base-url-error').allTextContents())
        .toEqual([
          'The API base URL names this computer (127.0.0.1): only a development build of ' +
            'Inquiry Desk calls the local Persona sandbox there, and this one calls Persona ' +
            'only. Use https://api.withpersona.com/api/v1.',
        ]);
      expect(await baseUrl.getAttribute('aria-invalid')).toBe('true');
      // The hint names Persona's hosts only.
      expect(await page.locator('#base-url-hint').textContent()).not.toMatch(/127|localhost/);
      expect(await worker.evaluate(() => chrome.storage.local.get('settings'))).toEqual({});
      // And the policy stops a request to loopback even were one made.
      expect(await page.evaluate(loopbackFetchBlockedBy)).toBe('connect-src');
    } finally {
      await ext.close();
      rmSync(unpacked, { recursive: true, force: true });
    }
  }, 60_000);

  it('installs from the Firefox zip an add-on that refuses a local base URL and lets nothing out to one', async () => {
    const unpacked = unpack(result.zips.firefox);
    const ff = await launchFirefox(unpacked);
    try {
      const page = await ff.openPage('src/options/index.html');
      // Firefox's background is a page: the options page can reach its global, which has no hook.
      const hooked = await page.evaluate(async () => {
        const { runtime } = (globalThis as unknown as { browser: typeof chrome }).browser;
        const background = await (
          runtime as unknown as { getBackgroundPage(): Promise<object> }
        ).getBackgroundPage();
        return 'inquiryDesk' in background;
      });
      expect(hooked).toBe(false);
      const baseUrl = await byRole(page, 'textbox', 'API base URL');
      await baseUrl.evaluate((el) => {
        (el as HTMLInputElement).focus();
        (el as HTMLInputElement).select();
      });
      await page.keyboard.type('http://127.0.0.1:4010');
      await (await byRole(page, 'button', 'Save')).click();
      await expect
        .poll(() => page.$eval('#base-url-error', (el) => el.textContent).catch(() => null))
        .toBe(
          'The API base URL names this computer (127.0.0.1): only a development build of ' +
            'Inquiry Desk calls the local Persona sandbox there, and this one calls Persona ' +
            'only. Use https://api.withpersona.com/api/v1.',
        );
      expect(await page.$eval('#base-url-hint', (el) => el.textContent)).not.toMatch(
        /127|localhost/,
      );
      const stored = await page.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get('settings'),
      );
      expect(stored).toEqual({});
      expect(await page.evaluate(loopbackFetchBlockedBy)).toBe('connect-src');
    } finally {
      await ff.close();
      rmSync(unpacked, { recursive: true, force: true });
    }
  }, 90_000);

  it('writes the four 1280×800 screenshots: the light-themed view placed right of the caption', () => {
    expect(result.assets).toEqual([
      ...STORE_SHOTS.map((shot) => join(outDir, SCREENSHOTS_DIR, shot.file)),
      join(outDir, PROMO_TILE_FILE),
    ]);
    for (const shot of STORE_SHOTS) {
      const image = decode(readFileSync(join(outDir, SCREENSHOTS_DIR, shot.file)));
      expect([image.width, image.height], shot.file).toEqual([
        SCREENSHOT_SIZE.width,
        SCREENSHOT_SIZE.height,
      ]);
      // The caption column is the brand blue; the view's left padding is the light scheme's
      // white (#fff; the dark scheme's is #17181b), so the capture is there and light.
      const [r, g, b] = pixel(image, 30, 400) as [number, number, number];
      expect(b - Math.max(r, g), `${shot.file}: brand background`).toBeGreaterThan(80);
      const place = viewPlacement(shot.view === 'side-panel' ? SIDE_PANEL_VIEW : POPUP_VIEW);
      expect(pixel(image, place.x + 4, place.y + place.height / 2), `${shot.file}: view`).toEqual([
        255, 255, 255,
      ]);
    }
  });

  it('writes the 440×280 promo tile', () => {
    const tile = decode(readFileSync(join(outDir, PROMO_TILE_FILE)));
    expect([tile.width, tile.height]).toEqual([PROMO_TILE_SIZE.width, PROMO_TILE_SIZE.height]);
  });
});

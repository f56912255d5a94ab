// The one vite configuration of the extension's pages, for either browser and either build:
// vite.config.ts (Chrome) and vite.firefox.config.ts (Firefox) each name their browser, and vite's
// `--mode store` picks the store's build (scripts/lib/store-build.ts). What differs between the
// browsers is here, side by side: crxjs's browser mode, the manifest, the output folder and the
// build target.
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import type { PluginOption, UserConfig } from 'vite';
import manifest from '../../manifest.json' with { type: 'json' };
import { separateBackground, type WithBackground } from './background-bundle.ts';
import { connectSources, contentSecurityPolicy } from './content-security-policy.ts';
import { FIREFOX_MIN_VERSION, firefoxManifest } from './firefox-manifest.ts';
import { firstScreenChunk } from './first-screen-chunk.ts';
import { inlineFirstScreenCss } from './inline-first-screen-css.ts';
import { leanPreload } from './lean-preload.ts';
import type { Target } from './package-checks.ts';
import { isStoreMode, STORE_OUT_DIRS, storeBuildDefine } from './store-build.ts';

/** The browsers the Chrome build runs in (bench/bundle-floor.ts bundles for them too). */
export const CHROME_TARGET = 'chrome116';

/** The development build's folder per browser (`npm run build`, `npm run build:firefox`). */
const DEV_OUT_DIRS: Record<Target, string> = { chrome: 'dist', firefox: 'dist-firefox' };

/**
 * crxjs for the pages of this manifest, and the plugin that builds its worker apart as one file
 * (scripts/lib/background-bundle.ts). Generic, so each browser's manifest keeps its own type.
 */
function pagesAndBackground<M extends WithBackground>(
  full: M,
  browser?: 'firefox',
): [pages: PluginOption, background: PluginOption] {
  const { manifest: pages, plugin } = separateBackground(full);
  return [crx({ manifest: pages, ...(browser ? { browser } : {}) }), plugin];
}

export function extensionConfig(browser: Target, mode: string): UserConfig {
  const store = isStoreMode(mode);
  const chrome = browser === 'chrome';
  // The worker (Firefox: the background scripts) is built apart, as one file.
  const [pages, background] = chrome
    ? pagesAndBackground(manifest)
    : pagesAndBackground(firefoxManifest(manifest), 'firefox');
  return {
    define: storeBuildDefine(store),
    plugins: [
      preact(),
      pages,
      background,
      inlineFirstScreenCss(),
      leanPreload(),
      contentSecurityPolicy(connectSources(store)),
    ],
    build: {
      outDir: (store ? STORE_OUT_DIRS : DEV_OUT_DIRS)[browser],
      target: chrome ? CHROME_TARGET : `firefox${FIREFOX_MIN_VERSION.split('.')[0]}`,
      // The side panel page (Firefox: the sidebar's) is named only in manifest.side_panel
      // (sidebar_action), which crxjs does not follow.
      rollupOptions: {
        input: { sidePanel: 'src/side-panel/index.html' },
        // What the desk pages load before their first paint, as one file.
        output: { manualChunks: firstScreenChunk() },
      },
      // Chrome has had <link rel=modulepreload> since 66: the polyfill would only add bytes to
      // the popup's first paint (docs/benchmarks.md).
      ...(chrome ? { modulePreload: { polyfill: false } } : {}),
      // MV3 forbids remote code and eval; sourcemaps would only bloat the store package.
      sourcemap: false,
      emptyOutDir: true,
    },
    // crxjs serves from a dev server in `vite dev`; tests and users load the built dist/ instead.
    ...(chrome ? { server: { port: 5173, strictPort: true } } : {}),
  };
}

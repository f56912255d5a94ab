// `npm run build:firefox`: the same sources as vite.config.ts, built as a Firefox MV3 add-on into
// dist-firefox/ with crxjs's Firefox mode (background scripts instead of a service worker);
// with `--mode store`, the store's build into dist-store/firefox/ (scripts/lib/store-build.ts).
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { separateBackground } from './scripts/lib/background-bundle.ts';
import { connectSources, contentSecurityPolicy } from './scripts/lib/content-security-policy.ts';
import { FIREFOX_MIN_VERSION, firefoxManifest } from './scripts/lib/firefox-manifest.ts';
import { firstScreenChunk } from './scripts/lib/first-screen-chunk.ts';
import { inlineFirstScreenCss } from './scripts/lib/inline-first-screen-css.ts';
import { leanPreload } from './scripts/lib/lean-preload.ts';
import { isStoreMode, STORE_OUT_DIRS, storeBuildDefine } from './scripts/lib/store-build.ts';

// The background scripts are built apart, as one file (scripts/lib/background-bundle.ts).
const { manifest: pages, plugin: background } = separateBackground(firefoxManifest(manifest));

export default defineConfig(({ mode }) => {
  const store = isStoreMode(mode);
  return {
    define: storeBuildDefine(store),
    plugins: [
      preact(),
      crx({ manifest: pages, browser: 'firefox' }),
      background,
      inlineFirstScreenCss(),
      leanPreload(),
      contentSecurityPolicy(connectSources(store)),
    ],
    build: {
      outDir: store ? STORE_OUT_DIRS.firefox : 'dist-firefox',
      target: `firefox${FIREFOX_MIN_VERSION.split('.')[0]}`,
      // The sidebar page is named only in manifest.sidebar_action, which crxjs does not follow.
      rollupOptions: {
        input: { sidePanel: 'src/side-panel/index.html' },
        // What the desk pages load before their first paint, as one file.
        output: { manualChunks: firstScreenChunk() },
      },
      sourcemap: false,
      emptyOutDir: true,
    },
  };
});

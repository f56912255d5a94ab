import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { separateBackground } from './scripts/lib/background-bundle.ts';
import { connectSources, contentSecurityPolicy } from './scripts/lib/content-security-policy.ts';
import { firstScreenChunk } from './scripts/lib/first-screen-chunk.ts';
import { inlineFirstScreenCss } from './scripts/lib/inline-first-screen-css.ts';
import { leanPreload } from './scripts/lib/lean-preload.ts';
import { isStoreMode, STORE_OUT_DIRS, storeBuildDefine } from './scripts/lib/store-build.ts';

/** The browsers the Chrome build runs in (bench/bundle-floor.ts bundles for them too). */
export const CHROME_TARGET = 'chrome116';

// The worker is built apart, as one file (scripts/lib/background-bundle.ts).
const { manifest: pages, plugin: background } = separateBackground(manifest);

// `vite build` is the development build into dist/; `vite build --mode store` the store's, into
// dist-store/chrome/ (scripts/lib/store-build.ts).
export default defineConfig(({ mode }) => {
  const store = isStoreMode(mode);
  return {
    define: storeBuildDefine(store),
    plugins: [
      preact(),
      crx({ manifest: pages }),
      background,
      inlineFirstScreenCss(),
      leanPreload(),
      contentSecurityPolicy(connectSources(store)),
    ],
    build: {
      outDir: store ? STORE_OUT_DIRS.chrome : 'dist',
      target: CHROME_TARGET,
      // The side panel page is named only in manifest.side_panel, which crxjs does not follow.
      rollupOptions: {
        input: { sidePanel: 'src/side-panel/index.html' },
        // What the desk pages load before their first paint, as one file.
        output: { manualChunks: firstScreenChunk() },
      },
      // Chrome has had <link rel=modulepreload> since 66: the polyfill would only add bytes to the
      // popup's first paint (docs/benchmarks.md).
      modulePreload: { polyfill: false },
      // MV3 forbids remote code and eval; sourcemaps would only bloat the store package.
      sourcemap: false,
      emptyOutDir: true,
    },
    // crxjs serves from a dev server in `vite dev`; tests and users load the built dist/ instead.
    server: { port: 5173, strictPort: true },
  };
});

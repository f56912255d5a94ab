// `npm run build:firefox`: the same sources as vite.config.ts, built as a Firefox MV3 add-on into
// dist-firefox/ with crxjs's Firefox mode (background scripts instead of a service worker).
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { FIREFOX_MIN_VERSION, firefoxManifest } from './scripts/lib/firefox-manifest.ts';

export default defineConfig({
  plugins: [preact(), crx({ manifest: firefoxManifest(manifest), browser: 'firefox' })],
  build: {
    outDir: 'dist-firefox',
    target: `firefox${FIREFOX_MIN_VERSION.split('.')[0]}`,
    // The sidebar page is named only in manifest.sidebar_action, which crxjs does not follow.
    rollupOptions: { input: { sidePanel: 'src/side-panel/index.html' } },
    sourcemap: false,
    emptyOutDir: true,
  },
});

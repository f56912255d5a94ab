// `npm run build:firefox`: the same sources as vite.config.ts, built as a Firefox MV3 add-on into
// dist-firefox/ with crxjs's Firefox mode (background scripts instead of a service worker); with
// `--mode store`, the store's build into dist-store/firefox/ (scripts/lib/extension-config.ts).
import { defineConfig } from 'vite';
import { extensionConfig } from './scripts/lib/extension-config.ts';

export default defineConfig(({ mode }) => extensionConfig('firefox', mode));

// `vite build`: the development build into dist/; `vite build --mode store`: the store's, into
// dist-store/chrome/ (scripts/lib/extension-config.ts, scripts/lib/store-build.ts).
import { defineConfig } from 'vite';
import { extensionConfig } from './scripts/lib/extension-config.ts';

export default defineConfig(({ mode }) => extensionConfig('chrome', mode));

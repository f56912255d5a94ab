// The two builds of the same sources (src/shared/store-build.ts says how the code tells them
// apart). `npm run build` / `build:firefox` build the development build into dist/ and
// dist-firefox/: the local sandbox is reachable on loopback and the worker keeps its test hook,
// for `npm start`, the end-to-end tests and the bench. `vite build --mode store` (what
// `npm run package` runs) builds the one the stores get, into dist-store/chrome/ and
// dist-store/firefox/: its content security policy lets requests go to Persona's hosts only, its
// options page and worker refuse a local base URL, and its worker has no hook. Apart from dist/,
// so that packaging never leaves a store build where `npm start` and the tests would load it.
import { STORE_BUILD_NAME } from '../../src/shared/store-build.ts';
import type { Target } from './package-checks.ts';

export const STORE_MODE = 'store';

/** Where `vite build --mode store` writes each browser's build. */
export const STORE_OUT_DIRS: Record<Target, string> = {
  chrome: 'dist-store/chrome',
  firefox: 'dist-store/firefox',
};

export function isStoreMode(mode: string): boolean {
  return mode === STORE_MODE;
}

/** vite's `define` for the one build or the other: the bundles keep only that build's branch. */
export function storeBuildDefine(store: boolean): Record<string, string> {
  return { [STORE_BUILD_NAME]: JSON.stringify(store) };
}

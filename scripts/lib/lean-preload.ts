// Vite's build wraps each `import()` of a chunk loaded on demand in `__vitePreload(load, deps)`,
// from a module of its own making (`\0vite/preload-helper.js`), which goes into the chunk that
// first needs it: the desk's, loaded before the popup's first paint. That module here is a
// re-export of src/ui/preload-deps.ts, which adds the same links as Vite's helper and leaves out
// its branches for pages the desk is not (see there): 332 B gzip off the first screen
// (docs/architecture.md#budgets). Vite writes `deps` as paths from the root for a base of "/" and
// no `renderBuiltUrl`, which that helper takes them as, so the plugin refuses any other.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The id under which Vite's build loads its preload helper (its plugin `vite:build-import-analysis`). */
const helperId = /^\0vite\/preload-helper\.js$/;

const helper = fileURLToPath(new URL('../../src/ui/preload-deps.ts', import.meta.url));

/** The module Vite's build gets in place of its own helper. */
export const helperModule = `export { preloadDeps as __vitePreload } from ${JSON.stringify(helper)};`;

export function leanPreload(): Plugin {
  let replaced = false;
  return {
    name: 'inquiry-desk:lean-preload',
    apply: 'build',
    // Before Vite's own plugins, so that its load of the helper is never reached.
    enforce: 'pre',
    configResolved(config) {
      if (config.base !== '/' || config.experimental.renderBuiltUrl) {
        throw new Error('lean preload: the pages are built for a base of "/" only');
      }
    },
    buildStart() {
      replaced = false;
    },
    load: {
      filter: { id: helperId },
      handler() {
        replaced = true;
        return helperModule;
      },
    },
    // Should a later Vite load its helper another way, the build stops rather than ship Vite's
    // helper unnoticed, or this one where Vite's calls have changed.
    // Vite's helper is known in any chunk by the event it alone sends: a chunk whose preloads carry
    // one dep only has no `__vite__mapDeps` to find it by.
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((chunk) => chunk.type === 'chunk');
      const preloads = chunks.some((chunk) => chunk.code.includes('__vite__mapDeps('));
      const vites = chunks.some((chunk) => chunk.code.includes('vite:preloadError'));
      if ((preloads && !replaced) || vites) {
        this.error("lean preload: Vite's preload helper was not replaced");
      }
    },
  };
}

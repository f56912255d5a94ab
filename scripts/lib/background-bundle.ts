// The background built apart from the pages, as one file. In one build with the popup, the side
// panel and the options page, the bundler puts every module they share with the worker into
// shared chunks, tree-shaken once for all entries: the worker then starts by loading several files and
// carries what only the pages use, and the pages what only the worker uses. Chromium refuses
// `import()` in a service worker, so nothing would be gained by splitting the worker either. Here
// crxjs builds the pages from the manifest without `background`; this plugin bundles the
// background entry alone (same root, mode, defines, target and minifier, no code splitting),
// emits it into the same output, and puts `background` back into the manifest crxjs writes.
//
// The bundle is a classic script (a strict-mode IIFE, no `"type": "module"`): it imports nothing,
// so being a module gains it nothing, and Chromium 156 restarts it markedly faster as a classic
// worker (docs/benchmarks.md, cold start): both the wait before the script runs and the run
// itself shrink, which suggests Chromium keeps compiled code between starts for classic worker
// scripts only. The IIFE keeps its top-level names out of the worker's global scope, as a module
// would.
// docs/benchmarks.md measures what the worker and each page load.
import type { CrxPlugin } from '@crxjs/vite-plugin';
import { build, type ConfigEnv, type ResolvedConfig, type Rolldown } from 'vite';

/** The worker's file in the built extension. */
export const BACKGROUND_FILE = 'background.js';

/**
 * How the worker is minified (the bench's bundle floor builds it the same way): terser, not the
 * pages' minifier, since its second pass leaves the worker some 300 bytes smaller gzipped
 * (docs/benchmarks.md, background), at no cost in the pages' build time. Vite turns on terser's
 * `safari10` workarounds by default; the worker runs only in Chromium and Firefox, and without
 * them it is some 70 bytes smaller gzipped. `pure_getters` lets terser drop a property read whose
 * value nobody uses (some 45 bytes gzipped): the worker reads no getter for its side effect (no
 * `chrome.runtime.lastError` read to silence a warning, no layout read), and its tests run on this
 * build. `inline: 1` inlines only simple functions: at terser's default (3), many a function that
 * takes arguments and is called once is written into its call site as a function expression called
 * at once, which gzip compressed worse here than the declaration and call it replaces. With
 * `inline: 1` and a third pass the worker is some 30 bytes smaller gzipped (some 200 bytes larger
 * before gzip; measured 2026-12-05). `unsafe_arrows` (which needs `ecma` 2015 or later; 2020 also
 * lets terser write the syntax of those years, such as `??`, which the worker's browsers, Chromium
 * 116 and Firefox, both far past it, run) writes an anonymous `function` expression as
 * an arrow, some 30 bytes smaller gzipped (25,595 to 25,566 B, measured 2026-12-05). Terser itself
 * leaves a function that uses `this` or `arguments`, is named or is a generator; what an arrow
 * lacks besides is `new` and a `.prototype`, and the worker calls none of its functions with `new`
 * (what it constructs is built-ins and its classes, DeskError, StartupFailed and ExchangeFailure,
 * which stay classes) and reads no function's `prototype` (the one `.prototype` read, in
 * stored-check-more.ts, is of a stored value's constructor, `Object` for any plain object).
 * `sequences: false` leaves consecutive statements as statements instead of joining them with
 * commas: some 100 bytes larger before gzip, some 10 smaller after it (25,431 to 25,420 B,
 * measured 2026-12-05); it changes only how the code is written. A fourth pass: 6 bytes smaller
 * gzipped (measured 2026-12-06; a fifth and sixth find nothing more). Three
 * choices of how the code is written, 5 bytes gzipped together (measured 2026-12-06):
 * the wrapper as `(function(){…})()` rather than `!function(){…}()` (`negate_iife`), switch
 * statements left as written (`switches`), and every string in double quotes (`quote_style`). Not
 * `compress.module`: its 10 bytes are rolldown's "use strict", which it drops, and the worker is
 * strict like the modules it is written as.
 */
export const WORKER_MINIFIER = {
  minify: 'terser',
  terserOptions: {
    safari10: false,
    ecma: 2020,
    compress: {
      passes: 4,
      pure_getters: true,
      inline: 1,
      unsafe_arrows: true,
      sequences: false,
      negate_iife: false,
      switches: false,
    },
    format: { quote_style: 2 },
  },
} as const;

type Background = { service_worker: string; type?: string } | { scripts: string[]; type?: string };

export interface WithBackground {
  manifest_version: number;
  name: string;
  version: string;
  background?: Background;
  [key: string]: unknown;
}

/**
 * The manifest minus `background`. `Omit` alone would lose the keys crxjs requires when the
 * manifest's type has an index signature (the Firefox one), so they are picked back.
 */
type Pages<M extends WithBackground> = Omit<M, 'background'> &
  Pick<M, 'manifest_version' | 'name' | 'version'>;

/** The background's entry (a service worker, or Firefox's one background script). */
function entryOf(background: Background): string {
  if ('service_worker' in background) return background.service_worker;
  const [entry, ...more] = background.scripts;
  if (!entry || more.length > 0) throw new Error('background.scripts must name exactly one entry');
  return entry;
}

/** The manifest's `background` pointed at the bundle, in the same shape (Chrome's or Firefox's). */
function builtBackground(background: Background): Background {
  return 'service_worker' in background
    ? { service_worker: BACKGROUND_FILE }
    : { scripts: [BACKGROUND_FILE] };
}

/**
 * Splits `background` off the manifest: crxjs gets `manifest` (the pages and everything else), and
 * `plugin`, placed after crxjs's plugins, builds the background and adds it back. Only in a
 * build: crxjs's dev server (`vite`, which the scripts here do not use) keeps its own worker loader
 * with hot reload, so it gets the whole manifest.
 */
export function separateBackground<M extends WithBackground>(
  full: M,
): { manifest: (env: ConfigEnv) => M | Pages<M>; plugin: CrxPlugin } {
  const { background, ...pages } = full;
  if (!background) throw new Error('the manifest has no background');
  const entry = entryOf(background);
  let config: ResolvedConfig;
  let bundling: Promise<Bundled> | undefined;
  const plugin: CrxPlugin = {
    name: 'inquiry-desk:background-bundle',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    // Every build, `--watch` rebuilds included, bundles the worker beside the pages' own module
    // work, and emits it once both are done; a change in any of the worker's modules starts one.
    buildStart() {
      bundling = bundleBackground(config, entry);
      // Awaited in buildEnd; this only keeps a failure there from counting as unhandled first.
      bundling.catch(() => undefined);
    },
    async buildEnd(error) {
      const done = bundling;
      bundling = undefined;
      if (error || !done) return;
      const { chunk, maps } = await done;
      for (const id of chunk.moduleIds) if (!id.startsWith('\0')) this.addWatchFile(id);
      this.emitFile({ type: 'asset', fileName: chunk.fileName, source: chunk.code });
      for (const map of maps)
        this.emitFile({ type: 'asset', fileName: map.fileName, source: map.source });
    },
    renderCrxManifest(manifest) {
      return { ...manifest, background: builtBackground(background) } as typeof manifest;
    },
  };
  return {
    manifest: (env) => (env.command === 'build' ? (pages as Pages<M>) : full),
    plugin,
  };
}

/** The one script, and its source map when the pages' build writes them too. */
interface Bundled {
  chunk: Rolldown.OutputChunk;
  maps: Rolldown.OutputAsset[];
}

async function bundleBackground(config: ResolvedConfig, entry: string): Promise<Bundled> {
  const result = await build({
    configFile: false,
    root: config.root,
    mode: config.mode,
    // The build's constants (src/shared/store-build.ts): the store's worker keeps no test hook.
    define: config.define,
    logLevel: 'warn',
    // No plugins: the worker is plain TypeScript (no JSX, CSS or assets).
    build: {
      write: false,
      target: config.build.target,
      ...(config.build.minify ? WORKER_MINIFIER : { minify: false }),
      sourcemap: config.build.sourcemap,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: entry,
        // Strict like the module code it is written as.
        output: {
          format: 'iife',
          strict: true,
          codeSplitting: false,
          entryFileNames: BACKGROUND_FILE,
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  const chunks = outputs.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const maps = outputs.filter(
    (o): o is Rolldown.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.map'),
  );
  const [chunk, ...more] = chunks;
  if (!chunk || more.length > 0 || outputs.length !== chunks.length + maps.length) {
    throw new Error(
      `${entry} should build into one script, not ${outputs.map((o) => o.fileName).join(', ')}`,
    );
  }
  // Nothing may be left to load: Chromium refuses `import()` in a service worker, and a static
  // import would be one more file before the first answer.
  const loads = [...chunk.imports, ...chunk.dynamicImports];
  if (loads.length > 0) {
    throw new Error(`${entry} should bundle everything it loads, but imports ${loads.join(', ')}`);
  }
  return { chunk, maps };
}

// How much of the popup and the background is the three libraries the product is specified with
// (docs/architecture.md#budgets: Preact, zod/mini, webextension-polyfill): the floor under the
// bundle budgets. Each entry is bundled on its own with vite's build() API (rolldown, minified,
// nothing written), once as it is and once with a library marked external; the gzip difference is
// that library's share. One bundle per entry, so the popup's figures leave out what dist/ adds by
// sharing chunks between the popup and the options page; dist/'s worker is one such bundle too
// (scripts/lib/background-bundle.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build, version as viteVersion } from 'vite';
import { WORKER_MINIFIER } from '../scripts/lib/background-bundle.ts';
import { CHROME_TARGET } from '../scripts/lib/extension-config.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { storeBuildDefine } from '../scripts/lib/store-build.ts';

/** The libraries, each with the package names whose imports (and subpaths) it covers. */
export const LIBRARIES = [
  { name: 'preact', packages: ['preact'] }, // preact, preact/hooks, preact/jsx-runtime
  { name: 'zod/mini', packages: ['zod'] }, // zod, zod/mini
  { name: 'webextension-polyfill', packages: ['webextension-polyfill'] },
] as const;

export type LibraryName = (typeof LIBRARIES)[number]['name'];

const ENTRIES = {
  popup: 'src/popup/main.tsx',
  background: 'src/background/index.ts',
} as const;

export interface LibraryShare {
  library: LibraryName;
  /** False when the entry does not import it (its share is then 0). */
  used: boolean;
  /** Gzip bytes of the whole bundle minus the bundle with this library external. */
  gzipBytes: number;
}

export interface BundleFloor {
  entry: string;
  /** One bundle of everything the entry loads, gzip. */
  jsGzipBytes: number;
  cssGzipBytes: number;
  libraries: LibraryShare[];
  /** The bundle minus the bundle with all three external (gzip does not add up exactly). */
  librariesGzipBytes: number;
  /** What is left with all three external: the product's own JS. */
  ownJsGzipBytes: number;
}

export interface BundleFloors {
  bundler: string;
  popup: BundleFloor;
  background: BundleFloor;
}

interface Built {
  js: number;
  css: number;
  /** Bare imports left in the output: the externals actually reached. */
  imports: string[];
}

const covers = (packages: readonly string[], id: string) =>
  packages.some((name) => id === name || id.startsWith(`${name}/`));

async function bundle(
  entry: string,
  external: readonly string[],
  minifier: { minify: true } | typeof WORKER_MINIFIER,
): Promise<Built> {
  const result = await build({
    configFile: false,
    root: repoRoot,
    mode: 'production',
    logLevel: 'silent',
    plugins: [preact()], // as vite.config.ts; crxjs only adds the manifest and the loader
    // As dist/ is built (scripts/lib/store-build.ts): the development build's code, not both.
    define: storeBuildDefine(false),
    build: {
      write: false,
      ...minifier,
      sourcemap: false,
      modulePreload: false,
      target: CHROME_TARGET,
      rolldownOptions: {
        input: join(repoRoot, entry),
        external: (id) => covers(external, id),
        output: { format: 'es', codeSplitting: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  if (outputs.length === 0) throw new Error(`vite build() of ${entry} produced no output`);
  const built: Built = { js: 0, css: 0, imports: [] };
  for (const out of outputs) {
    const bytes = gzipSync(out.type === 'chunk' ? out.code : out.source).length;
    if (out.fileName.endsWith('.css')) built.css += bytes;
    else if (out.fileName.endsWith('.js')) built.js += bytes;
    if (out.type === 'chunk') built.imports.push(...out.imports);
  }
  return built;
}

async function floorOf(
  entry: string,
  minifier: Parameters<typeof bundle>[2] = { minify: true },
): Promise<BundleFloor> {
  if (!existsSync(join(repoRoot, entry))) throw new Error(`${entry} is not there`);
  // With all three external, the bundle's bare imports say which of them the entry reaches. Only
  // those are bundled again without the library: one it never imports has a share of 0, its build
  // would be the whole bundle's bytes. An entry that reaches none (the worker) is its whole bundle
  // already: four terser builds fewer.
  const own = await bundle(
    entry,
    LIBRARIES.flatMap((l) => l.packages),
    minifier,
  );
  const reached = LIBRARIES.map(({ packages }) => own.imports.some((id) => covers(packages, id)));
  // The builds left are independent: run together, they take the stage less time on two cores.
  const [whole, withouts] = await Promise.all([
    reached.some(Boolean) ? bundle(entry, [], minifier) : own,
    Promise.all(
      LIBRARIES.map(({ packages }, i) =>
        reached[i] ? bundle(entry, packages, minifier) : undefined,
      ),
    ),
  ]);
  const libraries: LibraryShare[] = LIBRARIES.map(({ name }, i) => {
    const without = withouts[i];
    return {
      library: name,
      used: without !== undefined,
      gzipBytes: without === undefined ? 0 : whole.js - without.js,
    };
  });
  return {
    entry,
    jsGzipBytes: whole.js,
    cssGzipBytes: whole.css,
    libraries,
    librariesGzipBytes: whole.js - own.js,
    ownJsGzipBytes: own.js,
  };
}

export async function measureBundleFloor(): Promise<BundleFloors> {
  const [popup, background] = await Promise.all([
    floorOf(ENTRIES.popup),
    // Minified as dist/'s worker is (scripts/lib/background-bundle.ts).
    floorOf(ENTRIES.background, WORKER_MINIFIER),
  ]);
  return {
    bundler: `vite ${viteVersion} build(), one bundle per entry, minified`,
    popup,
    background,
  };
}

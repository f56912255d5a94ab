// `npm run package` as a function (scripts/package.ts parses the options): fresh store builds
// (store-build.ts) in dist-store/chrome/ and dist-store/firefox/, each checked (package-checks.ts)
// and zipped for its store, plus the store's screenshots and promo tile made from the real UI
// (store/). Nothing is written unless both builds pass their checks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../../test/e2e/browser-path.ts';
import { BACKGROUND_FILE } from './background-bundle.ts';
import { explainedWarnings } from './lint-report.ts';
import { listFiles } from './list-files.ts';
import {
  type BuiltManifest,
  buildProblems,
  chromeProblems,
  firefoxProblems,
  type PackageJson,
  storeProblems,
  type Target,
  zipFileName,
} from './package-checks.ts';
import { repoRoot } from './paths.ts';
import { parseReadmePermissions } from './readme-permissions.ts';
import { captureViews } from './store/capture-views.ts';
import { renderStoreAssets } from './store/render-store-assets.ts';
import { STORE_MODE, STORE_OUT_DIRS } from './store-build.ts';
import { runWebExtLint } from './web-ext-lint.ts';
import { createZip } from './zip.ts';

/** What is zipped: the store's builds. */
export const BUILDS: Record<Target, { dir: string; config: string }> = {
  chrome: { dir: STORE_OUT_DIRS.chrome, config: 'vite.config.ts' },
  firefox: { dir: STORE_OUT_DIRS.firefox, config: 'vite.firefox.config.ts' },
};

/**
 * What the store images are captured from: the development build in dist/ (`npm run build`). It
 * shows the same pages, and only it reaches the local sandbox the captures run against (and has
 * the worker hook they set it up through).
 */
export const CAPTURE_BUILD = { dir: 'dist', config: 'vite.config.ts' };

export interface PackageOptions {
  /**
   * Package the store builds that are there (and capture from the dist/ that is there) instead of
   * building them afresh.
   */
  skipBuild: boolean;
  /** Screenshots and promo tile too (they need Chromium); zips only when false. */
  assets: boolean;
  outDir: string;
  log: (line: string) => void;
}

export interface PackageResult {
  zips: Record<Target, string>;
  /** Screenshots, then the promo tile; empty without assets. */
  assets: string[];
}

/** Thrown with every problem found, so the caller prints them all at once. */
export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not packaged:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function readBuilt(target: Target): { manifest: BuiltManifest; worker: string } {
  const { dir } = BUILDS[target];
  try {
    return {
      manifest: JSON.parse(readFileSync(join(repoRoot, dir, 'manifest.json'), 'utf8')),
      worker: readFileSync(join(repoRoot, dir, BACKGROUND_FILE), 'utf8'),
    };
  } catch {
    throw new PackageError([
      `${dir}/ is missing its manifest.json or ${BACKGROUND_FILE}: run \`npm run build:store\`, ` +
        'or drop --skip-build.',
    ]);
  }
}

/** `vite build` with one config, in one mode (the development build's when none). */
function viteBuild(config: string, mode?: string): void {
  const args = ['vite', 'build', '--config', config, '--logLevel', 'warn'];
  execFileSync('npx', mode ? [...args, '--mode', mode] : args, {
    cwd: repoRoot,
    stdio: 'inherit',
    // A production build whatever the shell says: NODE_ENV=test or development would keep
    // Preact's development code in it (vitest sets test).
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export async function packageExtension(options: PackageOptions): Promise<PackageResult> {
  const { log } = options;
  if (!options.skipBuild) {
    // Always rebuild: the store builds there may be of older sources.
    for (const { dir, config } of Object.values(BUILDS)) {
      log(`Building ${dir}/ …`);
      viteBuild(config, STORE_MODE);
    }
    // The images' build too: `npm run dev` leaves a development build in dist/ that looks just as
    // fresh as `npm run build`'s.
    if (options.assets) {
      log(`Building ${CAPTURE_BUILD.dir}/ for the store images …`);
      viteBuild(CAPTURE_BUILD.config);
    }
  }

  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
  const readmeText = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const readme = parseReadmePermissions(readmeText);
  const chrome = readBuilt('chrome');
  const firefox = readBuilt('firefox');
  const files = {
    chrome: listFiles(join(repoRoot, BUILDS.chrome.dir)),
    firefox: listFiles(join(repoRoot, BUILDS.firefox.dir)),
  };
  log(`Linting ${BUILDS.firefox.dir}/ with web-ext …`);
  const lint = runWebExtLint(join(repoRoot, BUILDS.firefox.dir));
  const problems = [
    ...buildProblems(BUILDS.chrome.dir, chrome.manifest, files.chrome, pkg),
    ...storeProblems(BUILDS.chrome.dir, chrome.manifest, chrome.worker),
    ...chromeProblems(chrome.manifest, readme),
    ...buildProblems(BUILDS.firefox.dir, firefox.manifest, files.firefox, pkg),
    ...storeProblems(BUILDS.firefox.dir, firefox.manifest, firefox.worker),
    ...firefoxProblems(firefox.manifest, readme, lint, explainedWarnings(readmeText)),
  ];
  if (problems.length > 0) throw new PackageError(problems);

  mkdirSync(options.outDir, { recursive: true });
  const zips = {} as Record<Target, string>;
  for (const target of ['chrome', 'firefox'] as const) {
    const dir = join(repoRoot, BUILDS[target].dir);
    const zip = createZip(
      files[target].map((name) => ({ name, data: readFileSync(join(dir, name)) })),
    );
    zips[target] = join(options.outDir, zipFileName(pkg, target));
    writeFileSync(zips[target], zip);
    log(
      `Wrote ${zips[target]}: ${files[target].length} files, ${(zip.length / 1024).toFixed(1)} KB`,
    );
  }

  let assets: string[] = [];
  if (options.assets) {
    if (!existsSync(join(repoRoot, CAPTURE_BUILD.dir, 'manifest.json'))) {
      throw new PackageError([
        `${CAPTURE_BUILD.dir}/ is missing, which the store images are captured from: run ` +
          '`npm run build`, or drop --skip-build, or pass --no-assets.',
      ]);
    }
    log('Capturing the store screenshots in Chromium against the local sandbox …');
    const chromiumPath = findChromium();
    const views = await captureViews({
      chromiumPath,
      extensionDir: join(repoRoot, CAPTURE_BUILD.dir),
    });
    assets = await renderStoreAssets({
      chromiumPath,
      outDir: options.outDir,
      views,
      name: String(chrome.manifest.name ?? pkg.name),
    });
    for (const path of assets) log(`Wrote ${path}`);
  }
  return { zips, assets };
}

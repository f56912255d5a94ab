// `npm run package` as a function (scripts/package.ts parses the options): fresh builds of dist/
// and dist-firefox/, each checked (package-checks.ts), zipped for its store, plus the store's
// screenshots and promo tile made from the real UI (store/). Nothing is written unless both
// builds pass their checks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../../test/e2e/browser-path.ts';
import { explainedWarnings } from './lint-report.ts';
import { listFiles } from './list-files.ts';
import {
  type BuiltManifest,
  buildProblems,
  chromeProblems,
  firefoxProblems,
  type PackageJson,
  type Target,
  zipFileName,
} from './package-checks.ts';
import { repoRoot } from './paths.ts';
import { parseReadmePermissions } from './readme-permissions.ts';
import { captureViews } from './store/capture-views.ts';
import { renderStoreAssets } from './store/render-store-assets.ts';
import { runWebExtLint } from './web-ext-lint.ts';
import { createZip } from './zip.ts';

export const BUILDS: Record<Target, { dir: string; config: string }> = {
  chrome: { dir: 'dist', config: 'vite.config.ts' },
  firefox: { dir: 'dist-firefox', config: 'vite.firefox.config.ts' },
};

export interface PackageOptions {
  /** Package the dist/ and dist-firefox/ that are there instead of building them afresh. */
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

function readManifest(target: Target): BuiltManifest {
  const { dir } = BUILDS[target];
  try {
    return JSON.parse(readFileSync(join(repoRoot, dir, 'manifest.json'), 'utf8'));
  } catch {
    const build = target === 'chrome' ? 'npm run build' : 'npm run build:firefox';
    throw new PackageError([
      `${dir}/manifest.json is missing or unreadable: run \`${build}\`, or drop --skip-build.`,
    ]);
  }
}

export async function packageExtension(options: PackageOptions): Promise<PackageResult> {
  const { log } = options;
  if (!options.skipBuild) {
    // Always rebuild: `npm run dev` leaves a development build in dist/ that looks just as fresh.
    for (const { dir, config } of Object.values(BUILDS)) {
      log(`Building ${dir}/ …`);
      execFileSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn'], {
        cwd: repoRoot,
        stdio: 'inherit',
        // The store's build whatever the shell says: NODE_ENV=test or development would keep
        // Preact's development code in it (vitest sets test).
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
  }

  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
  const readmeText = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const readme = parseReadmePermissions(readmeText);
  const chrome = readManifest('chrome');
  const firefox = readManifest('firefox');
  const files = {
    chrome: listFiles(join(repoRoot, BUILDS.chrome.dir)),
    firefox: listFiles(join(repoRoot, BUILDS.firefox.dir)),
  };
  log('Linting dist-firefox/ with web-ext …');
  const lint = runWebExtLint(join(repoRoot, BUILDS.firefox.dir));
  const problems = [
    ...buildProblems(BUILDS.chrome.dir, chrome, files.chrome, pkg),
    ...chromeProblems(chrome, readme),
    ...buildProblems(BUILDS.firefox.dir, firefox, files.firefox, pkg),
    ...firefoxProblems(firefox, readme, lint, explainedWarnings(readmeText)),
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
    log('Capturing the store screenshots in Chromium against the local sandbox …');
    const chromiumPath = findChromium();
    const views = await captureViews({
      chromiumPath,
      extensionDir: join(repoRoot, BUILDS.chrome.dir),
    });
    assets = await renderStoreAssets({
      chromiumPath,
      outDir: options.outDir,
      views,
      name: String(chrome.name ?? pkg.name),
    });
    for (const path of assets) log(`Wrote ${path}`);
  }
  return { zips, assets };
}

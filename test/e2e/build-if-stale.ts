import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Chrome's build (the default), or Firefox's with `{ outDir: 'dist-firefox', config: … }`. */
export interface BuildTarget {
  outDir: string;
  config: string;
  /** Build inputs besides the shared sources (e.g. the code that derives the manifest). */
  inputs?: string[];
  /** vite's `--mode`: `store` for the store's build (scripts/lib/store-build.ts). */
  mode?: string;
}

const chromeBuild: BuildTarget = { outDir: 'dist', config: 'vite.config.ts' };

/**
 * `npm test` builds right before the end-to-end run; `npm run test:e2e` alone must not test a
 * stale build, so it rebuilds when any source is newer than the built manifest.
 */
export function buildIfStale(target: BuildTarget = chromeBuild): string {
  const dist = join(root, target.outDir);
  let built = 0;
  try {
    built = statSync(join(dist, 'manifest.json')).mtimeMs;
  } catch {
    // never built
  }
  const shared = [
    'src',
    'public',
    '_locales',
    'manifest.json',
    'package.json',
    // The build's own plugins: what they write into dist/ is what the tests load.
    'scripts/lib',
  ];
  const sources = [...shared, target.config, ...(target.inputs ?? [])];
  if (built === 0 || sources.some((s) => newestMtime(join(root, s)) > built)) {
    const args = ['vite', 'build', '--config', target.config, '--logLevel', 'warn'];
    if (target.mode) args.push('--mode', target.mode);
    // The build the extension ships, whoever asks: vitest sets NODE_ENV=test, which a child build
    // inherits, and Vite then keeps Preact's development code (the first screen 21,944 B gzip
    // against 20,478).
    const env = { ...process.env, NODE_ENV: 'production' };
    execFileSync('npx', args, { cwd: root, stdio: 'inherit', env });
  }
  return dist;
}

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * `npm test` builds right before the end-to-end run; `npm run test:e2e` alone must not test a
 * stale dist/, so it rebuilds when any source is newer than the built manifest.
 */
export function buildIfStale(): string {
  const dist = join(root, 'dist');
  let built = 0;
  try {
    built = statSync(join(dist, 'manifest.json')).mtimeMs;
  } catch {
    // never built
  }
  const sources = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'];
  if (built === 0 || sources.some((s) => newestMtime(join(root, s)) > built)) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  return dist;
}

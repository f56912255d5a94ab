import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory `npm run` or `tsx` was started from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A path as the user would type it from here: relative inside the working directory. */
export function shownPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? path : near;
}

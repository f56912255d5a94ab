import { accessSync, constants } from 'node:fs';

const candidates = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Debian's Chromium: `CHROME_PATH` first, then the two places the package installs it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const tried = env.CHROME_PATH ? [env.CHROME_PATH, ...candidates] : candidates;
  for (const path of tried) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    `No Chromium found (looked at ${tried.join(', ')}). Install it with ` +
      '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROME_PATH.',
  );
}

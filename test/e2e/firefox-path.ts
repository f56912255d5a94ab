import { accessSync, constants } from 'node:fs';

/** Debian's Firefox ESR: `FIREFOX_PATH` first, then where the package installs it. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const tried = [env.FIREFOX_PATH, '/usr/bin/firefox-esr'].filter((p): p is string => Boolean(p));
  for (const path of tried) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    `No Firefox found (looked at ${tried.join(', ')}). Install it with ` +
      '`sudo apt-get update && sudo apt-get install -y firefox-esr`, or set FIREFOX_PATH.',
  );
}

import { accessSync, constants } from 'node:fs';

interface Browser {
  name: string;
  /** The environment variable that points at another build, looked at first. */
  variable: string;
  /** Where Debian's package installs it. */
  paths: string[];
  aptPackage: string;
}

function findBrowser(browser: Browser, env: NodeJS.ProcessEnv): string {
  const override = env[browser.variable];
  const tried = override ? [override, ...browser.paths] : browser.paths;
  for (const path of tried) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    `No ${browser.name} found (looked at ${tried.join(', ')}). Install it with ` +
      `\`sudo apt-get update && sudo apt-get install -y ${browser.aptPackage}\`, or set ${browser.variable}.`,
  );
}

/** Debian's Chromium: `CHROME_PATH` first, then the two places the package installs it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  return findBrowser(
    {
      name: 'Chromium',
      variable: 'CHROME_PATH',
      paths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'],
      aptPackage: 'chromium',
    },
    env,
  );
}

/** Debian's Firefox ESR: `FIREFOX_PATH` first, then where the package installs it. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  return findBrowser(
    {
      name: 'Firefox',
      variable: 'FIREFOX_PATH',
      paths: ['/usr/bin/firefox-esr'],
      aptPackage: 'firefox-esr',
    },
    env,
  );
}

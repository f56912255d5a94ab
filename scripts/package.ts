// `npm run package`: fresh store builds (`vite build --mode store`: no local sandbox, no test
// hook; scripts/lib/store-build.ts) in dist-store/chrome/ and dist-store/firefox/, each checked
// (README.md's permissions table; its content security policy and worker; web-ext lint for
// Firefox), zipped for its store, plus the store's screenshots and promo tile made from the real
// UI of the development build in dist/. Listing text: docs/store-listing.md.
//   --skip-build   package the store builds that are there, and capture the images from the dist/
//                  that is there (e.g. a CI step just ran `npm run build:store` and `npm run build`)
//   --no-assets    the two zips only (the assets need Chromium)
//   --out-dir DIR  where to write the zips and images (default: dist-store/)
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PackageError, packageExtension } from './lib/package-extension.ts';
import { repoRoot, shownPath } from './lib/paths.ts';

const { values } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    'no-assets': { type: 'boolean', default: false },
    'out-dir': { type: 'string' },
  },
});

const started = Date.now();
const outDir = resolve(values['out-dir'] ?? join(repoRoot, 'dist-store'));
try {
  const { zips, assets } = await packageExtension({
    skipBuild: values['skip-build'],
    assets: !values['no-assets'],
    outDir,
    log: (line) => console.log(line.replaceAll(outDir, shownPath(outDir))),
  });
  console.log(
    `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${shownPath(zips.chrome)} and ${shownPath(zips.firefox)}` +
      (assets.length > 0 ? `, ${assets.length} store images` : '') +
      '. Permissions match README.md.\n' +
      'Chrome: https://chrome.google.com/webstore/devconsole  ' +
      'Firefox: https://addons.mozilla.org/developers/  Listing text: docs/store-listing.md',
  );
} catch (error) {
  console.error(error instanceof PackageError ? error.message : `npm run package failed: ${error}`);
  process.exit(1);
}

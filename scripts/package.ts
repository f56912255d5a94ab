// `npm run package`: a fresh production build of dist/, checked against the README's permission
// promises, zipped as <name>-<version>.zip for the Chrome Web Store.
//   --skip-build   zip the dist/ that is there (e.g. one a CI step just built)
//   --out FILE     where to write the zip (default: ./<name>-<version>.zip)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkManifestPermissions, type ManifestAccess } from './lib/check-manifest-permissions.ts';
import { listFiles } from './lib/list-files.ts';
import { repoRoot, shownPath } from './lib/paths.ts';
import { parseReadmePermissions } from './lib/readme-permissions.ts';
import { createZip } from './lib/zip.ts';

const { values } = parseArgs({
  options: { 'skip-build': { type: 'boolean', default: false }, out: { type: 'string' } },
});

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const dist = join(repoRoot, 'dist');
if (!values['skip-build']) {
  // Always rebuild: `npm run dev` leaves a development build in dist/ that looks just as fresh.
  console.log('Building dist/ …');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
}

let manifest: ManifestAccess & { version?: string };
try {
  manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
} catch {
  fail([
    'dist/manifest.json is missing or unreadable: run `npm run build` (or drop --skip-build).',
  ]);
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
if (manifest.version !== pkg.version) {
  fail([
    `The built manifest says version ${manifest.version} but package.json says ${pkg.version}.`,
    'Set the same version in manifest.json and package.json, then run npm run package again.',
  ]);
}

const problems = checkManifestPermissions(
  manifest,
  parseReadmePermissions(readFileSync(join(repoRoot, 'README.md'), 'utf8')),
);
if (problems.length > 0) {
  fail([
    'Not packaged: the built manifest and README.md\'s "Permissions" section disagree:',
    ...problems.map((p) => `  - ${p}`),
    'Store reviewers read that table: change the manifest, or explain the permission there.',
  ]);
}

const files = listFiles(dist);
// Source maps are built off on purpose (vite.config.ts); one here means a non-production dist/.
const maps = files.filter((f) => f.endsWith('.map'));
if (maps.length > 0) fail([`dist/ holds source maps (${maps.join(', ')}): rebuild without them.`]);

const out = resolve(values.out ?? join(repoRoot, `${pkg.name}-${pkg.version}.zip`));
const zip = createZip(files.map((name) => ({ name, data: readFileSync(join(dist, name)) })));
writeFileSync(out, zip);
console.log(
  `Wrote ${shownPath(out)}: ${files.length} files, ${(zip.length / 1024).toFixed(1)} KB. ` +
    'Permissions match README.md. Upload it at https://chrome.google.com/webstore/devconsole',
);

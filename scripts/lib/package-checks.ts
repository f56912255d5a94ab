// What `npm run package` checks in each build before it zips anything: pure functions over the
// built manifest, its file list, the README's promises and web-ext's report, each returning the
// problems as sentences for the terminal (empty = fine).
import { checkManifestPermissions, type ManifestAccess } from './check-manifest-permissions.ts';
import { CHROME_ONLY_PERMISSIONS } from './firefox-manifest.ts';
import { type LintReport, lintProblems } from './lint-report.ts';
import type { ReadmePermissions } from './readme-permissions.ts';

export type Target = 'chrome' | 'firefox';

export interface BuiltManifest extends ManifestAccess {
  version?: string;
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[] } };
  };
}

export interface PackageJson {
  name: string;
  version: string;
}

/** `inquiry-desk-0.1.0-chrome.zip`: one name per store, the version the manifest carries. */
export function zipFileName(pkg: PackageJson, target: Target): string {
  return `${pkg.name}-${pkg.version}-${target}.zip`;
}

/** Checks both stores share: the version, and no source maps (vite configs build them off). */
export function buildProblems(
  dir: string,
  manifest: BuiltManifest,
  files: readonly string[],
  pkg: PackageJson,
): string[] {
  const problems: string[] = [];
  if (manifest.version !== pkg.version) {
    problems.push(
      `${dir}/manifest.json says version ${manifest.version} but package.json says ${pkg.version}: ` +
        'set the same version in manifest.json and package.json.',
    );
  }
  const maps = files.filter((f) => f.endsWith('.map'));
  if (maps.length > 0) {
    problems.push(`${dir}/ holds source maps (${maps.join(', ')}): rebuild without them.`);
  }
  return problems;
}

/** The Chrome manifest against README.md's Permissions table (store reviewers read that table). */
export function chromeProblems(manifest: BuiltManifest, readme: ReadmePermissions): string[] {
  return checkManifestPermissions(manifest, readme).map(
    (p) => `${p} (change the manifest, or explain the permission in README.md)`,
  );
}

/**
 * The Firefox manifest: the same table without Chrome-only permissions, an add-on id and the data
 * consent AMO asks for, and web-ext lint with no errors and no warning README.md leaves unexplained.
 */
export function firefoxProblems(
  manifest: BuiltManifest,
  readme: ReadmePermissions,
  lint: LintReport,
  explainedWarnings: string[],
): string[] {
  const forFirefox = {
    ...readme,
    permissions: readme.permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.has(p)),
  };
  const problems = checkManifestPermissions(manifest, forFirefox);
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id) problems.push('browser_specific_settings.gecko.id is missing');
  if (!gecko?.data_collection_permissions?.required?.length) {
    problems.push('browser_specific_settings.gecko.data_collection_permissions is missing');
  }
  return [...problems, ...lintProblems(lint, explainedWarnings).map((p) => `web-ext lint: ${p}`)];
}

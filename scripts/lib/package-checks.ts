// What `npm run package` checks in each build before it zips anything: pure functions over the
// built manifest, its file list, its worker's script, the README's promises and web-ext's report,
// each returning the problems as sentences for the terminal (empty = fine).
import { checkManifestPermissions, type ManifestAccess } from './check-manifest-permissions.ts';
import { PERSONA_CONNECT_SOURCES } from './content-security-policy.ts';
import { CHROME_ONLY_PERMISSIONS } from './firefox-manifest.ts';
import { type LintReport, lintProblems } from './lint-report.ts';
import type { ReadmePermissions } from './readme-permissions.ts';

export type Target = 'chrome' | 'firefox';

export interface BuiltManifest extends ManifestAccess {
  version?: string;
  content_security_policy?: { extension_pages?: string };
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

/** The sources of one directive of a content security policy; undefined when it has none. */
export function policySources(policy: string, directive: string): string[] | undefined {
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === directive) return sources;
  }
  return undefined;
}

/**
 * What only the store's build may be (scripts/lib/store-build.ts), so that a development build in
 * its place is never zipped: requests may go to Persona's hosts and nowhere else (no local
 * sandbox, no plain http), and the worker has no test hook (src/background/index.ts).
 */
export function storeProblems(dir: string, manifest: BuiltManifest, worker: string): string[] {
  const problems: string[] = [];
  const rebuild = 'build it with `vite build --mode store` (npm run package does)';
  const policy = manifest.content_security_policy?.extension_pages;
  const connect = policy === undefined ? undefined : policySources(policy, 'connect-src');
  const allowed: readonly string[] = PERSONA_CONNECT_SOURCES;
  if (connect === undefined) {
    problems.push(`${dir}/manifest.json has no connect-src in its content security policy.`);
  } else {
    const others = connect.filter((source) => !allowed.includes(source));
    if (others.length > 0) {
      problems.push(
        `${dir}/manifest.json lets requests go to ${others.join(' ')} besides Persona's hosts: ` +
          `${rebuild}.`,
      );
    }
  }
  if (/\binquiryDesk\b/.test(worker)) {
    problems.push(`The worker in ${dir}/ carries the inquiryDesk test hook: ${rebuild}.`);
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

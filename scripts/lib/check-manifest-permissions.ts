import type { ReadmePermissions } from './readme-permissions.ts';

/** The parts of a built MV3 manifest that grant access. */
export interface ManifestAccess {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  [key: string]: unknown;
}

/**
 * Every way the manifest differs from the README's promise, as sentences for the terminal. Both
 * directions count: a permission the README does not explain would surprise a store reviewer,
 * and a table row the manifest lacks means the README describes an extension that is not this one.
 */
export function checkManifestPermissions(
  manifest: ManifestAccess,
  readme: ReadmePermissions,
): string[] {
  const problems: string[] = [];
  const granted = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
  const hosts = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    // Content-script matches grant host access too (and the README promises there are none).
    ...(manifest.content_scripts ?? []).flatMap(
      (script) => (script as { matches?: string[] }).matches ?? [],
    ),
  ];
  for (const p of granted) {
    if (!readme.permissions.includes(p)) {
      problems.push(
        `permission "${p}" is in the manifest but not in README.md's Permissions table`,
      );
    }
  }
  for (const h of hosts) {
    if (!readme.hostPermissions.includes(h)) {
      problems.push(
        `host permission "${h}" is in the manifest but not in README.md's Permissions table`,
      );
    }
  }
  for (const p of readme.permissions) {
    if (!granted.includes(p)) {
      problems.push(`README.md's Permissions table lists "${p}", which the manifest lacks`);
    }
  }
  for (const h of readme.hostPermissions) {
    if (!hosts.includes(h)) {
      problems.push(`README.md's Permissions table lists "${h}", which the manifest lacks`);
    }
  }
  for (const name of readme.forbidden) {
    // A forbidden name is either a permission (`tabs`, `<all_urls>`) or a manifest key.
    if (granted.includes(name) || hosts.includes(name) || name in manifest) {
      problems.push(`README.md promises no "${name}", but the manifest has it`);
    }
  }
  return problems;
}

// Reads the README's "Permissions" section: the table of what the extension asks for, and the
// sentence after it listing what it must never have. The README is the reviewer-facing promise,
// so the package is checked against it rather than against a second list kept in code.

export interface ReadmePermissions {
  /** API permissions from the table's first column, e.g. `storage`. */
  permissions: string[];
  /** Match patterns from the table's first column, e.g. `https://api.withpersona.com/*`. */
  hostPermissions: string[];
  /** Names in the "No …" sentence below the table, e.g. `tabs`, `<all_urls>`, content_scripts. */
  forbidden: string[];
}

const isHostPattern = (token: string) => token === '<all_urls>' || token.includes('://');

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}

export function parseReadmePermissions(readme: string): ReadmePermissions {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^#{2,3}\s+Permissions\s*$/i.test(line));
  if (start === -1) throw new Error('README.md has no "## Permissions" section.');
  const end = lines.findIndex((line, i) => i > start && /^#{1,2}\s/.test(line));
  const section = lines.slice(start + 1, end === -1 ? undefined : end);

  const rows = section.filter((line) => line.trim().startsWith('|'));
  // Row 0 is the header, row 1 the |---| separator.
  const tokens = rows.slice(2).flatMap((row) => backticked(row.split('|')[1] ?? ''));
  if (tokens.length === 0) {
    throw new Error('README.md\'s "## Permissions" section has no table of `permission` | why.');
  }
  // Paragraphs, not lines: the sentence wraps.
  const promises = section
    .join('\n')
    .split(/\n\s*\n/)
    .filter((paragraph) => /^No\b/.test(paragraph.trim()));
  const forbidden = promises.flatMap((line) => backticked(line));
  // "No content scripts" is prose, not a backticked name; it means the `content_scripts` key.
  if (promises.some((line) => /content scripts/i.test(line))) forbidden.push('content_scripts');
  return {
    permissions: tokens.filter((t) => !isHostPattern(t)),
    hostPermissions: tokens.filter(isHostPattern),
    forbidden,
  };
}

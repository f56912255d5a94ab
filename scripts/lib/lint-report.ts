// Judges a `web-ext lint --output json` report against the README's "Firefox" section, whose
// table explains each warning that is left on purpose: errors always fail, and so does a warning
// whose code the README does not explain (a new one must be fixed or explained, not ignored).

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** The backticked codes in the first column of the table under "Warnings web-ext lint leaves". */
export function explainedWarnings(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) =>
    /^#{2,4}\s+Warnings `web-ext lint` leaves\s*$/.test(line),
  );
  if (start === -1)
    throw new Error('README.md has no "### Warnings `web-ext lint` leaves" section.');
  const end = lines.findIndex((line, i) => i > start && /^#{1,4}\s/.test(line));
  const rows = lines
    .slice(start + 1, end === -1 ? undefined : end)
    .filter((line) => line.trim().startsWith('|'))
    .slice(2);
  return rows.flatMap((row) =>
    [...(row.split('|')[1] ?? '').matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1] as string),
  );
}

const describe = (m: LintMessage) => `${m.code}${m.file ? ` (${m.file})` : ''}: ${m.message}`;

/** Every reason the report fails, as lines for the terminal; empty when it passes. */
export function lintProblems(report: LintReport, explained: string[]): string[] {
  const known = new Set(explained);
  return [
    ...report.errors.map((m) => `error ${describe(m)}`),
    ...report.warnings
      .filter((m) => !known.has(m.code))
      .map((m) => `warning not explained in README.md ${describe(m)}`),
  ];
}

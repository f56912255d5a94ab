// `npm run lint:firefox`: Mozilla's own linter (web-ext lint) on the built dist-firefox/. Fails on
// any error and on any warning the README's "Firefox" section does not explain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainedWarnings, type LintReport, lintProblems } from './lib/lint-report.ts';
import { repoRoot } from './lib/paths.ts';
import { runWebExtLint } from './lib/web-ext-lint.ts';

let report: LintReport;
try {
  report = runWebExtLint(join(repoRoot, 'dist-firefox'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const explained = explainedWarnings(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
for (const warning of report.warnings) {
  const mark = explained.includes(warning.code) ? 'explained in README' : 'NOT EXPLAINED';
  console.log(`warning ${warning.code} (${warning.file ?? 'manifest'}): ${mark}`);
}
const problems = lintProblems(report, explained);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ` +
    `${report.notices.length} notices`,
);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}

// `npm run lint:firefox`: Mozilla's own linter (web-ext lint) on the built dist-firefox/. Fails on
// any error and on any warning the README's "Firefox" section does not explain.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainedWarnings, type LintReport, lintProblems } from './lib/lint-report.ts';
import { repoRoot } from './lib/paths.ts';

const dist = join(repoRoot, 'dist-firefox');
let output: string;
try {
  readFileSync(join(dist, 'manifest.json'));
  output = execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', dist, '--output', 'json', '--no-input'],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
} catch (error) {
  // web-ext exits 1 when it found errors; the report is still on stdout.
  const stdout = (error as { stdout?: string }).stdout;
  if (!stdout) {
    console.error('dist-firefox/ is missing or web-ext failed: run `npm run build:firefox` first.');
    process.exit(1);
  }
  output = stdout;
}

const report = JSON.parse(output) as LintReport;
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

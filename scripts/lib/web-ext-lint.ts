// Runs Mozilla's linter (`web-ext lint`) on a built add-on and returns its JSON report, for
// `npm run lint:firefox` and `npm run package`; lint-report.ts judges it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LintReport } from './lint-report.ts';
import { repoRoot } from './paths.ts';

export function runWebExtLint(dir: string): LintReport {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no manifest.json: run \`npm run build:firefox\` first.`);
  }
  let output: string;
  try {
    output = execFileSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'],
      { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
  } catch (error) {
    // web-ext exits 1 when it found errors; the report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw new Error(`web-ext lint failed on ${dir} without a report.`);
    output = stdout;
  }
  return JSON.parse(output) as LintReport;
}

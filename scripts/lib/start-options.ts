import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './paths.ts';

export const START_USAGE = `Usage: npm start [-- options]

Builds the extension (when sources changed), starts the local Persona sandbox with demo data,
and opens Chromium with the extension connected to it, showing the popup in a tab.

  --headless         run Chromium without a window (no display needed)
  --exit-when-ready  stop everything and exit 0 once the popup shows the demo inquiries
  --port N           sandbox port (default 4010; 0 picks a free one)
  --data FILE        sandbox state file (default .sandbox-data.json; delete it for fresh data)
  --seed N           demo inquiries to create when the data file is new (default 24)
  --help             show this help`;

export interface StartOptions {
  headless: boolean;
  exitWhenReady: boolean;
  port: number;
  dataFile: string;
  seed: number;
  help: boolean;
}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`--${name} must be a whole number ≥ 0, got "${value}"`);
  }
  return parsed;
}

export function parseStartOptions(argv: string[]): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      headless: { type: 'boolean', default: false },
      'exit-when-ready': { type: 'boolean', default: false },
      port: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  return {
    headless: values.headless ?? false,
    exitWhenReady: values['exit-when-ready'] ?? false,
    port: count('port', values.port, 4010),
    // In the repository root by default, where .gitignore already ignores .sandbox-data*.json.
    dataFile: resolve(values.data ?? join(repoRoot, '.sandbox-data.json')),
    seed: count('seed', values.seed, 24),
    help: values.help ?? false,
  };
}

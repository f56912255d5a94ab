import { parseArgs } from 'node:util';
import { startSandbox } from './index.ts';

const USAGE = `Usage: npm run sandbox -- [options]

  --port N         port to listen on (default 4010; 0 picks a free one)
  --host HOST      address to bind (default 127.0.0.1)
  --data FILE      keep state in FILE between runs (default: memory only)
  --seed N         create N demo inquiries across all statuses when the store is empty
  --key KEY        accept only this key (repeatable; default: any persona_sandbox_… key)
  --rate-limit N   requests per minute (default 300)
  --inquiry-quota N  inquiry creations per minute (default 1000)
  --help           show this help`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      key: { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      'inquiry-quota': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox({
    port: integer('port', values.port) ?? 4010,
    host: values.host,
    dataFile: values.data,
    seed: integer('seed', values.seed),
    keys: values.key,
    rateLimitPerMinute: integer('rate-limit', values['rate-limit']),
    inquiryQuotaPerMinute: integer('inquiry-quota', values['inquiry-quota']),
  });
  console.log(`Persona sandbox (API version 2025-12-08) is running.

  Base URL   ${sandbox.baseUrl}
  API key    ${sandbox.key}
  Dashboard  ${sandbox.origin}/dashboard
  Controls   ${sandbox.origin}/__sandbox/…  (see test/persona-sandbox/README.md)
  State      ${values.data ? values.data : 'memory only (use --data FILE to keep it)'}

Create an inquiry with a one-time link:
  curl -s -X POST ${sandbox.baseUrl}/inquiries \\
    -H 'Authorization: Bearer ${sandbox.key}' -H 'Content-Type: application/json' \\
    -d '{"data":{"attributes":{"inquiry-template-id":"itmpl_Sandbox123"}},"meta":{"auto-create-one-time-link":true}}'

Press Ctrl+C to stop.`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error('The port is in use; pick another with --port N.');
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

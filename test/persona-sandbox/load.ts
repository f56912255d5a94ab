// Load check: single-inquiry retrieves and a 100-id filtered list against a sandbox in its own
// process, over loopback, for about 10 seconds in all. Run: npx tsx test/persona-sandbox/load.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sandboxControls } from './controls.ts';

const TARGET_RPS = 1000;
const STORED = 10_000;

/** The sandbox runs as `npm run sandbox` would, so server and load generator get a core each. */
function startServer(): Promise<{ child: ChildProcess; baseUrl: string; key: string }> {
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  // The rate limit is raised for the run: this measures the server, not Persona's 300/min.
  const args = ['--import', 'tsx', cli, '--port', '0', '--rate-limit', '100000000'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const baseUrl = /Base URL\s+(\S+)/.exec(output)?.[1];
      const key = /API key\s+(\S+)/.exec(output)?.[1];
      if (baseUrl && key) resolve({ child, baseUrl, key });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}

async function run(title: string, url: string, key: string, seconds: number) {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers: { Authorization: `Bearer ${key}` },
  });
  const line = `${title}: ${Math.round(result.requests.average)} req/s average, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result['2xx']} ok, ${result.non2xx} non-2xx, ${result.errors} errors`;
  console.log(line);
  return result;
}

async function main(): Promise<void> {
  const { child, baseUrl, key } = await startServer();
  try {
    const controls = sandboxControls(new URL(baseUrl).origin);
    const ids = await controls.seed(STORED);
    const one = ids[Math.floor(ids.length / 2)];
    const hundred = ids
      .filter((_, i) => i % 97 === 0)
      .slice(0, 100)
      .join(',');
    console.log(`${STORED} inquiries stored; node ${process.version}; 10 connections each run.`);
    const retrieve = await run('GET /inquiries/:id', `${baseUrl}/inquiries/${one}`, key, 5);
    await run(
      'GET /inquiries?filter[inquiry-id]=<100 ids>&fields[inquiry]=status,updated-at',
      `${baseUrl}/inquiries?filter[inquiry-id]=${hundred}&page[size]=100&fields[inquiry]=status,updated-at`,
      key,
      3,
    );
    const ok = retrieve.requests.average >= TARGET_RPS && retrieve.non2xx === 0;
    console.log(`${ok ? 'PASS' : 'FAIL'}: single retrieve ${ok ? '≥' : '<'} ${TARGET_RPS} req/s`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

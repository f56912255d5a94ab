// `npm start` as a newcomer runs it, but headless and told to exit once ready. It starts its own
// sandbox on a free port with its own data file, apart from the one this file's tests get (sandbox.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'inquiry-desk-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function npmStart(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    // Its own process group, so a timeout can stop npm, tsx, Chromium and all.
    const child = spawn('npm', ['start', '--', ...args], { cwd: root, env, detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// Concurrent: the no-display run starts no browser, so it costs little beside the headless one.
describe.concurrent('npm start', () => {
  it('shows the connected extension with demo inquiries, then exits when told to', async () => {
    const data = join(dir, 'sandbox-data.json');
    const args = ['--headless', '--exit-when-ready', '--port', '0', '--data', data];
    const { code, output } = await npmStart(args, process.env, 50_000);
    expect(output).toMatch(/Ready: popup shows \d+ demo inquiries/);
    expect(code, output).toBe(0);
    const shown = Number(/popup shows (\d+)/.exec(output)?.[1]);
    expect(shown).toBeGreaterThanOrEqual(8); // the demo data covers every status
    // The demo data is kept in the file, for the next start.
    const state = JSON.parse(readFileSync(data, 'utf8')) as { inquiries: unknown[] };
    expect(state.inquiries.length).toBe(shown);
  }, 60_000);

  it('without a display, explains how to get one or load dist/ by hand', async () => {
    const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...env } = process.env;
    const data = join(dir, 'no-display.json');
    const { code, output } = await npmStart(
      ['--exit-when-ready', '--port', '0', '--data', data],
      env,
      30_000,
    );
    expect(code, output).toBe(0);
    expect(output).toContain('xvfb-run -a npm start');
    expect(output).toContain('Load unpacked');
    expect(output).toMatch(/API base URL\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
    expect(existsSync(data)).toBe(true);
  }, 40_000);
});

// @vitest-environment node
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../index.ts';
import { apiClient, createBody, type Json } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'persona-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--data FILE persistence', () => {
  it('keeps inquiries, verifications and links between runs', async () => {
    const file = join(dir, 'state.json');
    const first = await startSandbox({ port: 0, dataFile: file });
    const created = await apiClient(first).post(
      '/inquiries',
      createBody({ 'reference-id': 'kept' }, { 'auto-create-one-time-link': true }),
    );
    const id = created.body.data.id;
    await fetch(`${first.origin}/__sandbox/inquiries/${id}/finish`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'passed' }),
    });
    await first.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).inquiries).toHaveLength(1);

    const second = await startSandbox({ port: 0, dataFile: file, seed: 5 });
    try {
      const api = apiClient(second);
      const again = await api.get(`/inquiries/${id}?include=verifications`);
      expect(again.body.data.attributes).toMatchObject({
        status: 'completed',
        'reference-id': 'kept',
      });
      expect(again.body.included).toHaveLength(3);
      // Seeding at start only fills an empty store.
      expect((await api.get('/inquiries')).body.data).toHaveLength(1);
      const more = await api.post('/inquiries', createBody());
      expect(more.status).toBe(201);
      expect((await api.get('/inquiries')).body.data[0].id).toBe(more.body.data.id);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not sandbox state', async () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    await expect(startSandbox({ port: 0, dataFile: file })).rejects.toThrow(
      /not a sandbox data file/,
    );
  });
});

function runCli(
  args: string[],
): Promise<{ child: ChildProcess; output: () => string; baseUrl: string; key: string }> {
  const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${text}`)), 15_000);
    child.stdout?.on('data', () => {
      const baseUrl = /Base URL\s+(\S+)/.exec(text)?.[1];
      const key = /API key\s+(\S+)/.exec(text)?.[1];
      if (baseUrl && key) {
        clearTimeout(timer);
        resolve({ child, output: () => text, baseUrl, key });
      }
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}:\n${text}`)));
  });
}

describe('npm run sandbox (cli.ts)', () => {
  it('prints a base URL and a working key, serves, and saves on SIGTERM', async () => {
    const file = join(dir, 'cli.json');
    const { child, baseUrl, key, output } = await runCli([
      '--port',
      '0',
      '--data',
      file,
      '--seed',
      '3',
      '--rate-limit',
      '50',
    ]);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(key).toMatch(/^persona_sandbox_/);
    expect(output()).toContain('curl -s -X POST');
    const response = await fetch(`${baseUrl}/inquiries`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('RateLimit-Limit')).toBe('50');
    expect(((await response.json()) as Json).data).toHaveLength(3);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).inquiries).toHaveLength(3);
  }, 30_000);
});

// What the figures were measured on: timings only mean something next to the machine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  chromium: string;
  node: string;
  platform: string;
}

function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    return /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown'; // not Linux
  }
}

function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(chromiumPath: string): Machine {
  return {
    date: new Date().toISOString(),
    // What `nproc` prints: the CPUs this process may use.
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    chromium: chromiumVersion(chromiumPath),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

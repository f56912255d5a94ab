import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SandboxStore } from './store.ts';
import type { SandboxState } from './types.ts';

// Only the envelope is checked: the records were written by this same code, and a file from an
// incompatible version should fail loudly rather than be half-read.
const stateFile = z.object({
  version: z.literal(1),
  seq: z.number().int().nonnegative(),
  inquiries: z.array(z.object({ id: z.string() }).loose()),
  verifications: z.array(z.object({ id: z.string() }).loose()),
  reports: z.array(z.object({ id: z.string() }).loose()),
  sessions: z.array(z.object({ id: z.string() }).loose()),
  links: z.array(z.object({ code: z.string() }).loose()),
  accounts: z.array(z.object({ id: z.string() }).loose()),
});

/** Keeps the store in a JSON file (`--data FILE`): loaded once, written shortly after changes. */
export class StatePersistence {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly store: SandboxStore,
    private readonly debounceMs = 200,
  ) {}

  load(): boolean {
    if (!existsSync(this.file)) return false;
    const parsed = stateFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${this.file} is not a sandbox data file: ${parsed.error.message}`);
    }
    this.store.load(parsed.data as unknown as SandboxState);
    return true;
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const json = JSON.stringify(this.store.snapshot());
    // Write-then-rename so a crash mid-write never leaves a truncated file behind.
    this.writing = this.writing.then(async () => {
      const temporary = `${this.file}.tmp`;
      await writeFile(temporary, json);
      await rename(temporary, this.file);
    });
    return this.writing;
  }
}

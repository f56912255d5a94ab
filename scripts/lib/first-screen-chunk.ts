// The popup's and side panel's first screen in one chunk. Left to itself the bundler splits what
// those pages load before their first paint into a chunk per set of pages sharing it (several
// files), and Chromium pays for each file an extension page loads: in the bench, the same code
// as one file painted the list markedly sooner than as ten (docs/benchmarks.md, first paint).
// Views loaded on demand stay out: only modules the desk entries reach through static imports go
// in. The entries themselves stay apart, as each page's own small entry chunk.
import { resolve } from 'node:path';
import type { Rolldown } from 'vite';
import { repoRoot } from './paths.ts';

export const DESK_ENTRIES = ['src/popup/main.tsx', 'src/side-panel/main.tsx'];

type ModuleInfoOf = (id: string) => Rolldown.ModuleInfo | null;

/** Every module reachable from `entries` through static imports, entries excluded. */
export function staticallyReachable(entries: readonly string[], info: ModuleInfoOf): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const module = info(id);
    if (!module) throw new Error(`first-screen chunk: no module ${id}`);
    stack.push(...module.importedIds);
  }
  for (const entry of entries) seen.delete(entry);
  return seen;
}

/** `output.manualChunks`: the desk entries' static imports go into one chunk, "desk". */
export function firstScreenChunk(
  entries: readonly string[] = DESK_ENTRIES,
): (id: string, meta: { getModuleInfo: ModuleInfoOf }) => string | undefined {
  let desk: Set<string> | undefined;
  return (id, { getModuleInfo }) => {
    desk ??= staticallyReachable(
      entries.map((entry) => resolve(repoRoot, entry)),
      getModuleInfo,
    );
    // The bundler's own helpers (rolldown's runtime module) ride along rather than load apart.
    return desk.has(id) || id.startsWith('\0rolldown/runtime') ? 'desk' : undefined;
  };
}

// The desk chunk takes what the desk entries reach through static imports, and nothing they load
// on demand (scripts/lib/first-screen-chunk.ts).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreenChunk, staticallyReachable } from '../../../scripts/lib/first-screen-chunk.ts';
import { repoRoot } from '../../../scripts/lib/paths.ts';

type Info = { importedIds: string[]; dynamicallyImportedIds: string[] };
const graph: Record<string, Info> = {
  entry: { importedIds: ['shell', 'preact'], dynamicallyImportedIds: ['detail'] },
  shell: { importedIds: ['preact', 'storage'], dynamicallyImportedIds: [] },
  preact: { importedIds: [], dynamicallyImportedIds: [] },
  storage: { importedIds: [], dynamicallyImportedIds: [] },
  detail: { importedIds: ['zod', 'shell'], dynamicallyImportedIds: [] },
  zod: { importedIds: [], dynamicallyImportedIds: [] },
};
const info = (id: string) => (graph[id] ?? null) as never;

describe('the first-screen chunk', () => {
  it('holds the static imports of the entries, not the entries or what loads on demand', () => {
    expect([...staticallyReachable(['entry'], info)].sort()).toEqual([
      'preact',
      'shell',
      'storage',
    ]);
  });

  it('fails loudly on a module the bundler does not know', () => {
    expect(() => staticallyReachable(['missing'], info)).toThrow(/no module missing/);
  });

  it('names the chunk "desk" for those modules only', () => {
    const entry = resolve(repoRoot, 'src/popup/main.tsx');
    const chunk = firstScreenChunk(['src/popup/main.tsx']);
    const meta = {
      getModuleInfo: (id: string) =>
        (id === entry ? { importedIds: ['a'], dynamicallyImportedIds: ['b'] } : info(id)) ??
        ({ importedIds: [], dynamicallyImportedIds: [] } as never),
    };
    expect(chunk('a', meta as never)).toBe('desk');
    expect(chunk('b', meta as never)).toBeUndefined();
    expect(chunk(entry, meta as never)).toBeUndefined();
  });
});

// The worker reads its stored items, the policy and every request without zod: through checks
// generated from the zod/mini schemas (src/shared/generated/). Checked on the module graph the
// bundler builds for the worker (type-only imports already gone), so a stray import of a zod item,
// a schema module or zod itself shows.
//
// Scope: the worker still parses Persona's answers with zod/mini schemas in src/shared/persona/
// (their rewrite without zod is separate work). So zod may be reached here only through a module
// of src/shared/persona/ that imports zod itself; once none does, the worker loads no zod at all
// and the same assertions hold unchanged.
import { join, relative } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { repoRoot } from '../../../scripts/lib/paths.ts';

/** Each module of the worker's bundle and the modules it imports. */
type Graph = Map<string, readonly string[]>;

async function workerGraph(): Promise<Graph> {
  const graph: Graph = new Map();
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    plugins: [
      {
        name: 'module-graph',
        buildEnd() {
          for (const id of this.getModuleIds()) {
            graph.set(id, [...(this.getModuleInfo(id)?.importedIds ?? [])]);
          }
        },
      },
    ],
    build: {
      write: false,
      minify: false,
      rolldownOptions: {
        input: join(repoRoot, manifest.background.service_worker),
        output: { format: 'iife', codeSplitting: false },
      },
    },
  });
  return graph;
}

const name = (id: string) => relative(repoRoot, id);
const isZod = (id: string) => /node_modules\/zod\//.test(id);

/** Every module reached from `starts`, not going into those `skip` names. */
function reach(graph: Graph, starts: readonly string[], skip = (_: string) => false) {
  const seen = new Set<string>();
  const todo = [...starts];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id) || skip(id)) continue;
    seen.add(id);
    todo.push(...(graph.get(id) ?? []));
  }
  return seen;
}

let graph: Graph;
const src = (path: string) => join(repoRoot, 'src', path);

beforeAll(async () => {
  graph = await workerGraph();
}, 60_000);

describe("the worker's module graph", () => {
  it('is the real one: the worker and its generated checks', () => {
    const modules = [...graph.keys()].map(name);
    expect(modules).toEqual(
      expect.arrayContaining([
        'src/background/index.ts',
        'src/background/message-router.ts',
        'src/shared/generated/stored-items.ts',
        'src/shared/generated/first-screen-items.ts',
        'src/shared/generated/request-checks.ts',
        'src/shared/policy.ts',
      ]),
    );
    expect(modules.filter((id) => id.startsWith('src/background/')).length).toBeGreaterThan(40);
  });

  it('holds none of the zod items, schemas or zod set-up', () => {
    const zodSide = [
      'shared/storage-items.ts',
      'shared/lock-items.ts',
      'shared/audit/trail-item.ts',
      'shared/audit/trail.ts',
      'shared/define-item.ts',
      'shared/named-default.ts',
      'shared/settings.ts',
      'shared/policy-schema.ts',
      'shared/messages.ts',
      'shared/zod-setup.ts',
    ];
    expect(zodSide.filter((path) => graph.has(src(path)))).toEqual([]);
  });

  it('reaches no zod from its stored items, policy and requests', () => {
    const starts = [
      'shared/generated/stored-items.ts',
      'shared/generated/request-checks.ts',
      'shared/policy.ts',
      'shared/storage.ts',
      'background/message-router.ts',
      'background/edit-item.ts',
    ].map(src);
    for (const start of starts) expect(graph.has(start), name(start)).toBe(true);
    const reached = [...reach(graph, starts)];
    expect(reached.filter(isZod).map(name)).toEqual([]);
  });

  it('reaches zod, if at all, only through the Persona schemas that import it', () => {
    const importsZod = (id: string) => (graph.get(id) ?? []).some(isZod);
    const zodImporters = [...graph.keys()].filter((id) => !isZod(id) && importsZod(id));
    // Persona's answers (src/shared/persona/) are the one thing the worker still parses with zod.
    expect(zodImporters.map(name).filter((id) => !id.startsWith('src/shared/persona/'))).toEqual(
      [],
    );
    const entry = src('background/index.ts');
    const reached = reach(graph, [entry], (id) => zodImporters.includes(id));
    expect([...reached].filter(isZod).map(name)).toEqual([]);
  });
});

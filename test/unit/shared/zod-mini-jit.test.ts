// Why the worker needs no zod-setup.ts (`config({ jitless: true })`): zod/mini's objects never
// probe `new Function`, which the extension's CSP would report; only zod classic's JIT objects do.
// The worker still parses Persona's answers with zod/mini schemas, so this must hold for them.
import { afterEach, describe, expect, it, vi } from 'vitest';

const realFunction = globalThis.Function;

afterEach(() => {
  globalThis.Function = realFunction;
  vi.resetModules();
});

/** Counts every `new Function(...)` from here on. */
function countProbes(): { count: number } {
  const probes = { count: 0 };
  globalThis.Function = new Proxy(realFunction, {
    construct(target, args, newTarget) {
      probes.count += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
  return probes;
}

describe('zod/mini without jitless', () => {
  it('parses objects, nested and failing, without probing new Function', async () => {
    vi.resetModules();
    const probes = countProbes();
    const z = await import('zod/mini');
    const schema = z.object({
      id: z.string(),
      list: z.array(z.object({ a: z.optional(z.number()) })),
      map: z.record(z.string(), z.object({ b: z.boolean() })),
    });
    for (let i = 0; i < 3; i++) {
      expect(
        schema.safeParse({ id: 'x', list: [{ a: 1 }, {}], map: { k: { b: true } } }).success,
      ).toBe(true);
      expect(schema.safeParse({ id: 1 }).success).toBe(false);
    }
    expect(probes.count).toBe(0);
  });

  it('while zod classic does probe, so the count would see it', async () => {
    vi.resetModules();
    const probes = countProbes();
    const z = await import('zod');
    z.object({ id: z.string() }).safeParse({ id: 'x' });
    expect(probes.count).toBeGreaterThan(0);
  });
});

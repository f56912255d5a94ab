// The build loads src/ui/preload-deps.ts where Vite would load its own preload helper
// (scripts/lib/lean-preload.ts); the end-to-end tests open every view of the build it makes.
import { describe, expect, it } from 'vitest';
import { helperModule, leanPreload } from '../../../scripts/lib/lean-preload.ts';

type Hook = { filter: { id: RegExp }; handler: () => string };
type Bundle = Record<string, { type: 'chunk'; code: string }>;

const withPreloads: Bundle = {
  'assets/desk.js': {
    type: 'chunk',
    code: 'const v=()=>__vitePreload(()=>import(`./v.js`),__vite__mapDeps([0]));',
  },
};

describe('leanPreload', () => {
  const plugin = leanPreload();
  const load = plugin.load as unknown as Hook;
  const configResolved = plugin.configResolved as (config: unknown) => void;

  it("answers Vite's helper id, and only it, with the desk's helper", () => {
    expect(load.filter.id.test('\0vite/preload-helper.js')).toBe(true);
    expect(load.filter.id.test('vite/preload-helper.js')).toBe(false);
    expect(load.filter.id.test('\0vite/preload-helper.jsx')).toBe(false);
    expect(load.handler()).toBe(helperModule);
    expect(helperModule).toMatch(
      /^export \{ preloadDeps as __vitePreload \} from ".*\/src\/ui\/preload-deps\.ts";$/,
    );
  });

  it('refuses a build whose deps would not be paths from the root', () => {
    expect(() => configResolved({ base: '/', experimental: {} })).not.toThrow();
    expect(() => configResolved({ base: './', experimental: {} })).toThrow(/base of "\/"/);
    expect(() =>
      configResolved({ base: '/', experimental: { renderBuiltUrl: () => undefined } }),
    ).toThrow(/base of "\/"/);
  });

  it('stops a build whose chunks preload through a helper it did not replace', () => {
    const fresh = leanPreload();
    const generate = (bundle: Bundle) =>
      (fresh.generateBundle as (this: unknown, options: unknown, bundle: Bundle) => void).call(
        {
          error: (message: string) => {
            throw new Error(message);
          },
        },
        {},
        bundle,
      );
    (fresh.buildStart as () => void)();
    // No lazily loaded chunk: no helper to replace.
    expect(() => generate({ 'assets/a.js': { type: 'chunk', code: 'export{}' } })).not.toThrow();
    expect(() => generate(withPreloads)).toThrow(/was not replaced/);
    (fresh.load as unknown as Hook).handler();
    expect(() => generate(withPreloads)).not.toThrow();
    // Vite's helper in a chunk, whatever its calls look like: the build stops too.
    const vites: Bundle = {
      'assets/desk.js': {
        type: 'chunk',
        code: 'window.dispatchEvent(new Event("vite:preloadError"))',
      },
    };
    expect(() => generate(vites)).toThrow(/was not replaced/);
  });
});

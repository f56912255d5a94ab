// What the build calls in place of Vite's preload helper (src/ui/preload-deps.ts): the links it
// adds for a lazily loaded chunk's files, and when it imports the chunk. On a stand-in document
// whose links load only when told: a page's own (happy-dom's) settles a sheet as it is added,
// before a browser would. Chromium's is exercised by the end-to-end tests, which open every view.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class Link {
  rel = '';
  as = '';
  crossOrigin: string | null = null;
  href = '';
  onload: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
}

/** The links the page had before, and those added since, in order. */
let before: Link[];
let added: Link[];

// The module's address is a file: URL in the tests, so a dep resolves to file:///assets/….
const at = (dep: string) => `file:///${dep}`;

async function helper() {
  vi.resetModules(); // what was asked for is per page
  return (await import('../../../src/ui/preload-deps.ts')).preloadDeps;
}

/** Lets the promises that are due settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

beforeEach(() => {
  before = [];
  added = [];
  vi.stubGlobal('document', {
    createElement: () => new Link(),
    head: { appendChild: (link: Link) => added.push(link) },
    getElementsByTagName: () => [...before, ...added],
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preloadDeps', () => {
  it('links each file, and imports the chunk once its sheets are in', async () => {
    const preloadDeps = await helper();
    const load = vi.fn(async () => 'view');
    const loaded = preloadDeps(load, ['assets/a.js', 'assets/views.css', 'assets/b.js']);
    expect(added.map(({ rel, as, crossOrigin, href }) => ({ rel, as, crossOrigin, href }))).toEqual(
      [
        { rel: 'modulepreload', as: 'script', crossOrigin: '', href: at('assets/a.js') },
        { rel: 'stylesheet', as: '', crossOrigin: '', href: at('assets/views.css') },
        { rel: 'modulepreload', as: 'script', crossOrigin: '', href: at('assets/b.js') },
      ],
    );
    await settle();
    expect(load).not.toHaveBeenCalled();
    added[1]?.onload?.({});
    await expect(loaded).resolves.toBe('view');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('imports at once with nothing to fetch', async () => {
    const preloadDeps = await helper();
    await expect(preloadDeps(async () => 'view')).resolves.toBe('view');
    await expect(preloadDeps(async () => 'view', [])).resolves.toBe('view');
    expect(added).toEqual([]);
  });

  it('asks for a file once: a later import waits for a sheet still loading, then not at all', async () => {
    const preloadDeps = await helper();
    const first = preloadDeps(async () => 1, ['assets/a.js', 'assets/views.css']);
    const load = vi.fn(async () => 2);
    const second = preloadDeps(load, ['assets/views.css', 'assets/a.js']);
    expect(added).toHaveLength(2);
    await settle();
    expect(load).not.toHaveBeenCalled();
    added[1]?.onload?.({});
    await expect(first).resolves.toBe(1);
    await expect(second).resolves.toBe(2);
    await expect(preloadDeps(async () => 3, ['assets/views.css'])).resolves.toBe(3);
    expect(added).toHaveLength(2);
  });

  it('does not link again what the page links already: a sheet only if linked as one', async () => {
    const preloadDeps = await helper();
    before = [
      Object.assign(new Link(), { rel: 'stylesheet', href: at('assets/views.css') }),
      Object.assign(new Link(), { rel: 'modulepreload', href: at('assets/a.js') }),
      Object.assign(new Link(), { rel: 'modulepreload', href: at('assets/b.css') }),
    ];
    const loaded = preloadDeps(
      async () => 'view',
      ['assets/views.css', 'assets/a.js', 'assets/b.css'],
    );
    expect(added.map(({ rel, href }) => [rel, href])).toEqual([['stylesheet', at('assets/b.css')]]);
    added[0]?.onload?.({});
    await expect(loaded).resolves.toBe('view');
  });

  it('fails the import when a sheet fails, and does not ask for that sheet again', async () => {
    const preloadDeps = await helper();
    const load = vi.fn(async () => 'view');
    const failed = preloadDeps(load, ['assets/views.css', 'assets/a.js']);
    added[0]?.onerror?.({});
    await expect(failed).rejects.toThrow(`Unable to preload CSS for ${at('assets/views.css')}`);
    expect(load).not.toHaveBeenCalled();
    // The lazy view's next try (an extension reloaded meanwhile): the chunk is imported at once.
    await expect(preloadDeps(load, ['assets/views.css', 'assets/a.js'])).resolves.toBe('view');
    expect(added).toHaveLength(2);
  });

  it('fails as the import fails', async () => {
    const preloadDeps = await helper();
    const gone = new Error('chunk gone');
    await expect(preloadDeps(() => Promise.reject(gone), ['assets/a.js'])).rejects.toBe(gone);
  });
});

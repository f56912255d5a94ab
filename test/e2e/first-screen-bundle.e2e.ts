// The popup's and side panel's first screen loads no zod: its stored items are read through checks
// generated from their schemas (src/shared/generated/), and zod comes only with the views loaded
// on demand. Checked on the built dist/, walked as Chromium loads each page (bench/bundle-sizes.ts),
// so a stray import or a chunk that bundles zod with first-screen code both show.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { INLINE_STYLE, walk } from '../../bench/bundle-sizes.ts';

// Every zod schema and check class is made by `$constructor("$Zod…")`; the names survive minifying.
const zodMarker = /\$Zod[A-Z]\w+/;

const withZod = (dist: string, files: string[]) =>
  files.filter(
    (file) => file.endsWith('.js') && zodMarker.test(readFileSync(join(dist, file), 'utf8')),
  );

describe('what a page loads before its first paint', () => {
  it.each([
    ['popup', 'src/popup/index.html'],
    ['side panel', 'src/side-panel/index.html'],
  ])('the %s loads no zod', (_, page) => {
    const dist = inject('distPath');
    const { files, lazyFiles } = walk(dist, page);
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(withZod(dist, files)).toEqual([]);
    // The marker does find zod: the views loaded on demand bring it.
    expect(withZod(dist, lazyFiles).length).toBeGreaterThan(0);
  });

  it.each([
    ['popup', 'src/popup/index.html'],
    ['side panel', 'src/side-panel/index.html'],
  ])('the %s loads its entry and one desk chunk, its styles written into the page', (_, page) => {
    // Each file an extension page loads costs it time before its first paint
    // (scripts/lib/first-screen-chunk.ts, inline-first-screen-css.ts); views loaded on demand
    // stay apart.
    const { files, lazyFiles } = walk(inject('distPath'), page);
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts).toHaveLength(2);
    expect(scripts.filter((file) => /\/desk-[\w-]+\.js$/.test(file))).toHaveLength(1);
    expect(files.filter((file) => file.endsWith('.css'))).toEqual([]);
    expect(files).toContain(`${page} ${INLINE_STYLE}`);
    expect(lazyFiles.length).toBeGreaterThan(0);
  });

  it.each([
    ['popup', 'src/popup/index.html'],
    ['side panel', 'src/side-panel/index.html'],
  ])('the %s names no class styled only in the views loaded later', (_, page) => {
    // src/ui/views/views.css loads with the views past the first screen: a first-screen element
    // given one of its classes would be drawn unstyled until some view happened to load. Class
    // names are string literals in the scripts, so one the first screen uses shows there.
    const dist = inject('distPath');
    const { files } = walk(dist, page);
    const sheets = readdirSync(join(dist, 'assets')).filter((f) => /^views-[\w-]+\.css$/.test(f));
    expect(sheets).toHaveLength(1);
    const css = readFileSync(join(dist, 'assets', sheets[0] ?? ''), 'utf8');
    const firstScreen = files
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(dist, file), 'utf8'))
      .join('\n');
    const named = (name: string) => new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(firstScreen);
    // Each selector there names a class the first screen does not (`.row.wrap`: `wrap`).
    const selectors = [...css.matchAll(/([^{}]+)\{/g)]
      .map((m) => (m[1] ?? '').trim())
      .filter((group) => !group.startsWith('@'))
      .flatMap((group) => group.split(','));
    expect(selectors.length).toBeGreaterThan(40);
    const drawnFirst = selectors.filter((selector) =>
      [...selector.matchAll(/\.([a-zA-Z][\w-]*)/g)].every((m) => named(m[1] ?? '')),
    );
    expect(drawnFirst).toEqual([]);
  });

  it('the background is one script with no zod', () => {
    // Its stored items and requests go through generated checks (src/shared/generated/) and
    // Persona's bodies through plain readers (src/shared/persona/tolerant.ts).
    const dist = inject('distPath');
    const { files } = walk(dist, 'background.js');
    expect(files).toEqual(['background.js']);
    expect(withZod(dist, files)).toEqual([]);
  });

  it('is the build the extension ships: no JSX source locations from a development build', () => {
    // A build run under NODE_ENV=test (vitest's, inherited by a child build) keeps Preact's
    // development JSX, which carries each element's file name and line: bigger, and the build
    // machine's paths in the extension (test/e2e/build-if-stale.ts builds for production).
    const dist = inject('distPath');
    const { files, lazyFiles } = walk(dist, 'src/popup/index.html');
    const scripts = [...files, ...lazyFiles].filter((file) => file.endsWith('.js'));
    const withSources = scripts.filter((file) =>
      /fileName:/.test(readFileSync(join(dist, file), 'utf8')),
    );
    expect(withSources).toEqual([]);
  });
});

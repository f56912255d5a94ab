// The repo explains itself: every pointer into docs/ names a heading that exists, and nothing sends
// a reader to design notes a clone of this repo does not have.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'test', 'scripts', 'bench', 'docs', 'README.md', 'vite.config.ts'];
const SKIP = new Set(['node_modules', 'fixtures', 'dist']);

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !SKIP.has(name))
    .flatMap((name) => filesUnder(join(path, name)));
}

const files = ROOTS.flatMap(filesUnder).filter((f) => /\.(ts|tsx|md|html|css)$/.test(f));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const headings = markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
  return new Set(
    headings.map((h) =>
      h
        .replace(/^#+ /, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

const anchors = new Map(
  ['architecture.md', 'persona.md', 'benchmarks.md'].map((doc) => [
    doc,
    anchorsOf(readFileSync(join('docs', doc), 'utf8')),
  ]),
);

describe('the repo’s own docs', () => {
  it('have a heading for every docs/…#anchor pointer in code, tests and docs', () => {
    const broken: string[] = [];
    let pointers = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, doc, anchor] of text.matchAll(
        /(?:docs\/|\()(architecture\.md|persona\.md|benchmarks\.md)#([a-z0-9-]+)/g,
      )) {
        pointers += 1;
        if (!anchors.get(doc as string)?.has(anchor as string))
          broken.push(`${file}: ${doc}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
    expect(pointers).toBeGreaterThan(30);
  });

  it('are what comments cite: no pointer to design notes outside the repo', () => {
    const outside = /design\.md|persona-api\.md|persona-samples|\.\.\/shared\/[\w-]+\.md/;
    const offenders = files.filter(
      (file) => !file.endsWith('docs-links.test.ts') && outside.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

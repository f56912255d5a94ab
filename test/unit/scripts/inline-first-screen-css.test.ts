import { describe, expect, it } from 'vitest';
import { inlineSheets, withoutPreload } from '../../../scripts/lib/inline-first-screen-css.ts';

const page = `<head>
<script type="module" crossorigin src="/assets/index.js"></script>
<link rel="modulepreload" crossorigin href="/assets/desk-1.js">
<link rel="stylesheet" crossorigin href="/assets/desk-2.css">
</head>`;

describe('inlineSheets', () => {
  it('writes each linked sheet into the page in place of its link', () => {
    const out = inlineSheets(page, (href) =>
      href === 'assets/desk-2.css' ? '.a{color:red}' : undefined,
    );
    expect(out).toContain('<style>.a{color:red}</style>\n</head>');
    // Scripts and module preloads are left alone.
    expect(out).toContain('<script type="module" crossorigin src="/assets/index.js"></script>');
    expect(out).toContain('<link rel="modulepreload" crossorigin href="/assets/desk-1.js">');
    // No link for Chromium's preload scanner to fetch, `disabled` or not.
    expect(out).not.toContain('desk-2.css');
  });

  it('refuses a sheet the bundle does not have', () => {
    expect(() => inlineSheets(page, () => undefined)).toThrow(/no style sheet/);
  });

  it('refuses CSS that would close the style element early', () => {
    expect(() => inlineSheets(page, () => 'a::after{content:"</style>"}')).toThrow(/<\/style/);
  });
});

// Vite's preload list as it writes it in a chunk that imports two views lazily.
const chunk =
  'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/a.js","assets/desk-2.css","assets/b.js","assets/b.css"])))=>i.map(i=>d[i]);' +
  'const A=()=>__vitePreload(()=>import(`./a.js`),__vite__mapDeps([0,1])),' +
  'B=()=>__vitePreload(()=>import(`./b.js`),__vite__mapDeps([2,1,3]));';

describe('withoutPreload', () => {
  it('takes the file off the list and moves the later indices down', () => {
    const out = withoutPreload(chunk, 'assets/desk-2.css');
    expect(out).toContain('(m.f=["assets/a.js","assets/b.js","assets/b.css"])');
    expect(out).toContain('import(`./a.js`),__vite__mapDeps([0])');
    expect(out).toContain('import(`./b.js`),__vite__mapDeps([1,2])');
  });

  it('leaves an import whose only file was the sheet with none', () => {
    const only = chunk.replace('__vite__mapDeps([0,1])', '__vite__mapDeps([1])');
    expect(withoutPreload(only, 'assets/desk-2.css')).toContain(
      'import(`./a.js`),__vite__mapDeps([])',
    );
  });

  it('reads only the list Vite writes, not code that looks like one', () => {
    const lookalike = 'function f(m,e,t){m.f=[e,t];return "assets/desk-2.css"}';
    expect(withoutPreload(lookalike, 'assets/desk-2.css')).toBe(lookalike);
  });

  it('leaves a chunk without that file, or without a list, as it is', () => {
    expect(withoutPreload(chunk, 'assets/other.css')).toBe(chunk);
    expect(withoutPreload('export const a=1;', 'assets/desk-2.css')).toBe('export const a=1;');
  });
});

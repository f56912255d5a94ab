import { describe, expect, it } from 'vitest';
import { inlineSheets } from '../../../scripts/lib/inline-first-screen-css.ts';

const page = `<head>
<script type="module" crossorigin src="/assets/index.js"></script>
<link rel="modulepreload" crossorigin href="/assets/desk-1.js">
<link rel="stylesheet" crossorigin href="/assets/desk-2.css">
</head>`;

describe('inlineSheets', () => {
  it('writes each linked sheet into the page and keeps its link, disabled', () => {
    const out = inlineSheets(page, (href) =>
      href === 'assets/desk-2.css' ? '.a{color:red}' : undefined,
    );
    expect(out).toContain(
      '<style>.a{color:red}</style><link rel="stylesheet" crossorigin href="/assets/desk-2.css" disabled>',
    );
    // Scripts and module preloads are left alone.
    expect(out).toContain('<script type="module" crossorigin src="/assets/index.js"></script>');
    expect(out).toContain('<link rel="modulepreload" crossorigin href="/assets/desk-1.js">');
    expect(out.match(/<link rel="stylesheet"/g)).toHaveLength(1);
  });

  it('refuses a sheet the bundle does not have', () => {
    expect(() => inlineSheets(page, () => undefined)).toThrow(/no style sheet/);
  });

  it('refuses CSS that would close the style element early', () => {
    expect(() => inlineSheets(page, () => 'a::after{content:"</style>"}')).toThrow(/<\/style/);
  });
});

// The desk pages' style sheet, written into their HTML. A linked style sheet blocks an extension
// page's first paint until Chromium has served it from the extension, and it is the last of the
// page's files to arrive (docs/benchmarks.md, first paint): inline, the desk's scripts run as soon
// as they are in, and the list's first frame came a frame (4 ms) sooner in the bench's A/B runs.
// Only the popup and the side panel: the options page has no first-paint budget and keeps the link.
//
// No link stays beside the inline copy. A `disabled` one did, until a trace showed Chromium's
// preload scanner fetching it all the same, beside the scripts the first paint waits for; without
// it the popup's scripts ran 5 ms sooner (docs/architecture.md#budgets). The link was
// there for Vite's preload helper, which loads a lazily loaded chunk's style sheets unless the
// page links them already: the evidence view's list names the desk's sheet (the chunk imports
// from the desk's), and opening it would have loaded that sheet again, after the views' own, whose
// rules would then lose to the desk's copies. The sheets written in are taken off those lists
// instead (`withoutPreload`): every page that loads the desk's chunk has its sheet already,
// inline (the popup, the side panel) or linked (the options page).
import type { Plugin, Rolldown } from 'vite';

export const DESK_PAGES = ['src/popup/index.html', 'src/side-panel/index.html'];

const stylesheetLink = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;

/** `html` with each linked sheet of `sheets` (file name → CSS) written in as a `<style>`, in
 * place of its link. */
export function inlineSheets(html: string, sheets: (href: string) => string | undefined): string {
  return html.replace(stylesheetLink, (link) => {
    const href = /\bhref="\/?([^"]+)"/.exec(link)?.[1];
    const css = href === undefined ? undefined : sheets(href);
    if (css === undefined) throw new Error(`inline CSS: no style sheet for ${link}`);
    // A closing tag inside the CSS would end the element early; the desk's CSS has none.
    if (/<\/style/i.test(css)) throw new Error(`inline CSS: ${href} contains "</style"`);
    return `<style>${css}</style>`;
  });
}

// Vite's list of the files its preload helper loads with a chunk's lazy imports, one per chunk:
// `m.f=["assets/a.js","assets/b.css"]`, each import naming its files by index,
// `__vite__mapDeps([0,1])`.
const preloadList = /\b__vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=(\[[^\]]*\])/;
const preloadCall = /\b__vite__mapDeps\(\[([\d,]*)\]\)/g;

/** A built chunk's code with `file` off its preload list, each index past it moved down. */
export function withoutPreload(code: string, file: string): string {
  const list = preloadList.exec(code);
  if (!list?.[1]) return code;
  const files = JSON.parse(list[1]) as string[];
  const gone = files.indexOf(file);
  if (gone === -1) return code;
  const kept = files.filter((_, index) => index !== gone);
  return code
    .replace(preloadList, (found, list: string) => found.replace(list, JSON.stringify(kept)))
    .replace(preloadCall, (_, indices: string) => {
      const moved = indices
        .split(',')
        .filter((index) => index !== '')
        .map(Number)
        .filter((index) => index !== gone)
        .map((index) => (index > gone ? index - 1 : index));
      return `__vite__mapDeps([${moved.join(',')}])`;
    });
}

export function inlineFirstScreenCss(pages: readonly string[] = DESK_PAGES): Plugin {
  const inlined = new Set<string>();
  return {
    name: 'inquiry-desk:inline-first-screen-css',
    apply: 'build',
    // After Vite has written the preload lists (its own generateBundle).
    generateBundle: {
      order: 'post',
      handler(_options, bundle: Rolldown.OutputBundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          for (const sheet of inlined) {
            chunk.code = withoutPreload(chunk.code, sheet);
            // Should Vite write its lists another way, the build stops rather than ship a page
            // that loads the sheet a second time.
            if (chunk.code.includes(sheet)) {
              this.error(`inline CSS: ${chunk.fileName} still names ${sheet}`);
            }
          }
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const page = context.path.replace(/^\//, '');
        if (!pages.includes(page) || !context.bundle) return html;
        const bundle = context.bundle;
        return inlineSheets(html, (href) => {
          inlined.add(href);
          const asset = bundle[href];
          if (asset?.type !== 'asset') return undefined;
          const { source } = asset;
          return typeof source === 'string' ? source : new TextDecoder().decode(source);
        });
      },
    },
  };
}

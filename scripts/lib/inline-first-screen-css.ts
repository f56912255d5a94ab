// The desk pages' style sheet, written into their HTML. A linked style sheet blocks an extension
// page's first paint until Chromium has served it from the extension, and it is the last of the
// page's files to arrive (docs/benchmarks.md, first paint): inline, the desk's scripts run as soon
// as they are in, and the list's first frame came a frame (4 ms) sooner in the bench's A/B runs.
// Only the popup and the side panel: the options page has no first-paint budget and keeps the link.
//
// The link stays beside the inline copy, `disabled`: a disabled style sheet is neither fetched nor
// applied (https://html.spec.whatwg.org/multipage/links.html#link-type-stylesheet), and Vite's
// preload helper, which adds a lazily loaded view's CSS unless the page already links it, sees the
// link and does not fetch the desk's sheet a second time when the detail's evidence loads.
import type { Plugin } from 'vite';

export const DESK_PAGES = ['src/popup/index.html', 'src/side-panel/index.html'];

const stylesheetLink = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;

/** `html` with each linked sheet of `sheets` (file name → CSS) written in as a `<style>`, its
 * link kept but disabled. */
export function inlineSheets(html: string, sheets: (href: string) => string | undefined): string {
  return html.replace(stylesheetLink, (link) => {
    const href = /\bhref="\/?([^"]+)"/.exec(link)?.[1];
    const css = href === undefined ? undefined : sheets(href);
    if (css === undefined) throw new Error(`inline CSS: no style sheet for ${link}`);
    // A closing tag inside the CSS would end the element early; the desk's CSS has none.
    if (/<\/style/i.test(css)) throw new Error(`inline CSS: ${href} contains "</style"`);
    return `<style>${css}</style>${link.replace(/>$/, ' disabled>')}`;
  });
}

export function inlineFirstScreenCss(pages: readonly string[] = DESK_PAGES): Plugin {
  return {
    name: 'inquiry-desk:inline-first-screen-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const page = context.path.replace(/^\//, '');
        if (!pages.includes(page) || !context.bundle) return html;
        const bundle = context.bundle;
        return inlineSheets(html, (href) => {
          const asset = bundle[href];
          if (asset?.type !== 'asset') return undefined;
          const { source } = asset;
          return typeof source === 'string' ? source : new TextDecoder().decode(source);
        });
      },
    },
  };
}

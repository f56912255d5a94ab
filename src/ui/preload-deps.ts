// What the build calls for each `import()` of a chunk loaded on demand, in place of Vite's own
// `__vitePreload` (scripts/lib/lean-preload.ts): the chunk's own imports are fetched beside it
// (`modulepreload` links) and its style sheets put into the page (views.css, evidence.css), and the
// chunk is imported once those sheets are in. The same links, in the same order, with the same
// attributes, as Vite's helper adds. What that helper has besides is for pages the desk is not:
// a browser without `modulepreload` (Chromium has it since 66, Firefox since 115), a CSP nonce
// taken from a `<meta>` (the desk's pages allow their inline style by hash), a base other than the
// extension's root (the plugin refuses one), and a `vite:preloadError` event before a failure is
// thrown (nothing listens for one here). One copy serves every page, in the first screen's chunk:
// Vite's took 638 B gzip of that chunk, this one 290; the chunk came out 332 B smaller, gzip
// compressing across them (measured 2026-12-07).

/**
 * Each file asked for, by address: while a sheet loads, the promise of its load; once it has
 * loaded or failed, or for a script, nothing. A file is asked for once per page, as Vite's helper
 * does: a sheet that failed (an extension reloaded meanwhile) is not asked for again, and the
 * view's next try imports its chunk at once.
 */
const asked: Record<string, Promise<unknown> | undefined> = {};

/**
 * What a dep's path is resolved against, as Vite's helper does: this module's own address. Read
 * apart, since Vite's build turns `new URL(<a literal>, import.meta.url)` into a glob of files.
 */
const here = import.meta.url;

/** Adds the link for one file; for a sheet, the promise of its load. */
function link(href: string, sheet: boolean): Promise<unknown> | undefined {
  const element = document.createElement('link');
  element.rel = sheet ? 'stylesheet' : 'modulepreload';
  if (!sheet) element.as = 'script';
  element.crossOrigin = '';
  element.href = href;
  document.head.appendChild(element);
  if (!sheet) return undefined;
  return new Promise((resolve, reject) => {
    element.onload = resolve;
    element.onerror = () => reject(new Error(`Unable to preload CSS for ${href}`));
  }).finally(() => {
    asked[href] = undefined;
  });
}

/**
 * Fetches `deps` (files under the extension's root, "assets/…") beside the chunk `load` imports,
 * then imports it once every sheet among them has loaded; the first that failed fails it. A file
 * the page links already is not linked again (a sheet only if linked as one): the options page
 * links views.css itself.
 */
export function preloadDeps<T>(load: () => Promise<T>, deps?: readonly string[]): Promise<T> {
  let linked: HTMLLinkElement[] | undefined;
  return Promise.allSettled(
    (deps ?? []).map((dep) => {
      const href = new URL(`/${dep}`, here).href;
      if (!(href in asked)) {
        const sheet = dep.endsWith('.css');
        linked ??= [...document.getElementsByTagName('link')];
        asked[href] = linked.some((at) => at.href === href && (!sheet || at.rel === 'stylesheet'))
          ? undefined
          : link(href, sheet);
      }
      return asked[href];
    }),
  ).then((settled) => {
    for (const one of settled) if (one.status === 'rejected') throw one.reason;
    return load();
  });
}

// Gzip size of what each extension context loads, found by walking dist/ the way Chromium does:
// manifest → page HTML → its scripts, module preloads and styles → their static imports. Dynamic
// imports are loaded only on demand, so they are reported apart and kept out of the budget.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Files loaded at start, relative to dist/; CSS written into a page as "<page> <style>". */
  files: string[];
  /** Gzip bytes of each file in `files`. */
  gzipByFile: Record<string, number>;
  gzipBytes: number;
  rawBytes: number;
  /** Chunks reachable only through `import()`. */
  lazyFiles: string[];
  lazyGzipBytes: number;
}

export interface BundleSizes {
  popup: BundleSize;
  options: BundleSize;
  background: BundleSize;
}

interface BuiltManifest {
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  background?: { service_worker?: string };
}

const gzipped = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file))).length;

function resolveRef(fromFile: string, ref: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null; // another origin
  const path = ref.split(/[?#]/)[0] as string;
  // "/assets/x.js" is from the extension root; "./x.js" from the referring file.
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(fromFile), path);
  return posix.normalize(joined);
}

function htmlRefs(html: string): string[] {
  const refs: string[] = [];
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.push(src as string);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    // A `disabled` style sheet counts too: Chromium's preload scanner fetches it all the same.
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\b(stylesheet|modulepreload)\b/.test(rel)) refs.push(href);
  }
  return refs;
}

/** How {@link walk} names the CSS written into a page: "<page> <style>". */
export const INLINE_STYLE = '<style>';

/** The text of a page's `<style>` elements. */
function inlineStyles(html: string): string {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}

/** Static `import … from "x"`, `import "x"`, `export … from "x"`; and dynamic `import("x")`. */
function jsRefs(js: string): { fixed: string[]; lazy: string[] } {
  const fixed = [
    ...js.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g),
  ];
  // Vite writes dynamic imports with backticks: import(`./chunk.js`).
  const lazy = [...js.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)];
  return { fixed: fixed.map((m) => m[1] as string), lazy: lazy.map((m) => m[1] as string) };
}

export function walk(dist: string, entry: string): BundleSize {
  const files = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, target: Set<string>) => {
    if (files.has(file) || target.has(file)) return;
    if (!existsSync(join(dist, file))) throw new Error(`dist/${file} is referenced but missing`);
    target.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    const refs = file.endsWith('.html')
      ? { fixed: htmlRefs(text), lazy: [] }
      : file.endsWith('.js')
        ? jsRefs(text)
        : { fixed: [], lazy: [] };
    for (const ref of refs.fixed) {
      const next = resolveRef(file, ref);
      if (next) visit(next, target);
    }
    for (const ref of refs.lazy) {
      const next = resolveRef(file, ref);
      if (next) visit(next, lazy);
    }
  };
  visit(entry, files);
  for (const file of files) lazy.delete(file);
  // The HTML document itself is tiny and not "JS + CSS"; the budget counts code and styles,
  // those written into the HTML included (as "<page> <style>").
  const code = [...files].filter((f) => !f.endsWith('.html')).sort();
  const lazyFiles = [...lazy].sort();
  const gzipByFile = Object.fromEntries(code.map((f) => [f, gzipped(dist, f)]));
  let rawBytes = code.reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0);
  for (const page of [...files].filter((f) => f.endsWith('.html'))) {
    const styles = inlineStyles(readFileSync(join(dist, page), 'utf8'));
    if (styles === '') continue;
    gzipByFile[`${page} ${INLINE_STYLE}`] = gzipSync(styles).length;
    rawBytes += Buffer.byteLength(styles);
  }
  return {
    files: Object.keys(gzipByFile).sort(),
    gzipByFile,
    gzipBytes: Object.values(gzipByFile).reduce((sum, bytes) => sum + bytes, 0),
    rawBytes,
    lazyFiles,
    lazyGzipBytes: lazyFiles.reduce((sum, f) => sum + gzipped(dist, f), 0),
  };
}

export function measureBundleSizes(dist: string): BundleSizes {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as BuiltManifest;
  const popup = manifest.action?.default_popup;
  const options = manifest.options_ui?.page ?? manifest.options_page;
  const background = manifest.background?.service_worker;
  if (!popup || !options || !background) {
    throw new Error(`${join(dist, 'manifest.json')} lacks the popup, options page or worker`);
  }
  return {
    popup: walk(dist, popup),
    options: walk(dist, options),
    background: walk(dist, background),
  };
}

// The extension pages' content security policy, written into the built manifest. Manifest V3's
// default (`script-src 'self'; object-src 'self'`) only stops remote and inline script. This one
// also keeps everything else to what the desk loads: its own files, the photos it makes object
// URLs of, the style written into the desk pages (by hash: scripts/lib/inline-first-screen-css.ts),
// and requests to Persona's hosts (and, in the development build only, the local sandbox). The last
// is a second lock on the key: should a base URL or file link ever pass the checks in
// src/shared/persona/base-url.ts and trusted-link.ts by mistake, the browser still refuses to send
// the request anywhere else (docs/architecture.md#persona-calls). The policy covers the service
// worker as well as the pages.
import { createHash } from 'node:crypto';
import type { Plugin, Rolldown } from 'vite';

/** Where every build's worker may send requests: the manifest's host_permissions. */
export const PERSONA_CONNECT_SOURCES = [
  'https://api.withpersona.com',
  'https://withpersona.com',
  'https://files.withpersona.com',
] as const;

/**
 * The local sandbox over http or https on any port (api-origin.ts `loopbackHosts`), for the
 * development build only (scripts/lib/store-build.ts): in the store's build, a key typed into the
 * desk can go to Persona and nowhere else, not to whatever listens on a local port. `[::1]` is not
 * listed: CSP has no syntax for an IPv6 address, so a sandbox there is reached as localhost or
 * 127.0.0.1.
 */
export const SANDBOX_CONNECT_SOURCES = [
  'http://127.0.0.1:*',
  'https://127.0.0.1:*',
  'http://localhost:*',
  'https://localhost:*',
] as const;

/** The `connect-src` sources of the store's build, or of the development build. */
export function connectSources(store: boolean): readonly string[] {
  return store ? PERSONA_CONNECT_SOURCES : [...PERSONA_CONNECT_SOURCES, ...SANDBOX_CONNECT_SOURCES];
}

/**
 * The `sha256-…` source of one inline `<style>` element's text, as the browser hashes it: after
 * its HTML parser has turned each CR LF and lone CR into LF (a checkout with CRLF line ends).
 */
export function styleHash(css: string): string {
  const parsed = css.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(parsed, 'utf8').digest('base64')}'`;
}

/** The text of each inline `<style>` element of a page. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1] ?? '');
}

/**
 * The policy for extension pages (and the worker), allowing the inline styles given and requests
 * to `connect` ({@link connectSources}).
 */
export function extensionPagesPolicy(
  inlineCss: readonly string[],
  connect: readonly string[],
): string {
  const hashes = [...new Set(inlineCss.map(styleHash))].sort();
  return [
    "default-src 'none'",
    "script-src 'self'",
    ['style-src', "'self'", ...hashes].join(' '),
    // Icons are the extension's own; photos are object URLs of bytes the worker fetched.
    "img-src 'self' blob:",
    ['connect-src', ...connect].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Writes the policy into the built manifest, with a hash for every inline style of every built
 * page and requests allowed to `connect` only. After the pages' HTML and crxjs's manifest are in
 * the bundle.
 */
export function contentSecurityPolicy(connect: readonly string[]): Plugin {
  return {
    name: 'inquiry-desk:content-security-policy',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle: Rolldown.OutputBundle) {
        const text = (asset: Rolldown.OutputAsset) =>
          typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        const assets = Object.values(bundle).filter(
          (file): file is Rolldown.OutputAsset => file.type === 'asset',
        );
        const manifest = assets.find((asset) => asset.fileName === 'manifest.json');
        if (!manifest) return this.error('content security policy: no manifest.json in the build');
        const css = assets
          .filter((asset) => asset.fileName.endsWith('.html'))
          .flatMap((asset) => inlineStyles(text(asset)));
        const json = JSON.parse(text(manifest)) as Record<string, unknown>;
        json.content_security_policy = { extension_pages: extensionPagesPolicy(css, connect) };
        manifest.source = `${JSON.stringify(json, null, 2)}\n`;
      },
    },
  };
}

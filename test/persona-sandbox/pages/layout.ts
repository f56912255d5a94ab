import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

const CSS = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
.banner{background:#ffd84d;color:#3b2f00;padding:.6rem 1rem;font-weight:600;border-bottom:2px solid #c9a400}
main{max-width:760px;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:1.25rem 1.5rem;margin-bottom:1rem}
button{font:inherit;padding:.55rem 1.1rem;margin:.25rem .5rem .25rem 0;border-radius:6px;border:1px solid #1d4f91;background:#1d4f91;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d4f91}
button:focus-visible,a:focus-visible{outline:3px solid #ffb000;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e7eb;vertical-align:top}
code{font-size:.85em}.muted{color:#5b6570}.passed{color:#17663a}.failed{color:#a4161a}
img{max-width:220px;border:1px solid #d8dde3;border-radius:4px;margin:.25rem}
`;

/** A complete page with the sandbox banner; no external resources, so it works offline. */
export function renderPage(
  c: Context,
  title: string,
  body: Markup,
  status: ContentfulStatusCode = 200,
) {
  c.header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'",
  );
  c.header('Cache-Control', 'no-store');
  return c.html(
    html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Persona sandbox</title>
<style>${raw(CSS)}</style>
</head>
<body>
<div class="banner" role="note">Sandbox: a local stand-in for Persona. Nothing here is a real identity check.</div>
<main>
${body}
</main>
</body>
</html>`,
    status,
  );
}

export function messagePage(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  message: string,
) {
  return renderPage(
    c,
    title,
    html`<div class="card"><h1>${title}</h1><p>${message}</p></div>`,
    status,
  );
}

// The part of docs/benchmarks.md that explains the bundle budgets from measured figures: how much
// of the popup and the background is the three libraries the product is specified with, and so
// how much room a budget leaves for the product's own code. Every number comes from the run.
import type { BundleFloor } from './bundle-floor.ts';
import { INLINE_STYLE } from './bundle-sizes.ts';
import { BUNDLE_BUDGET_KB, KB } from './report.ts';
import type { BenchResults } from './results.ts';

const k = (bytes: number) => (bytes / KB).toFixed(1);

function share(floor: BundleFloor, library: string): string {
  const found = floor.libraries.find((l) => l.library === library);
  return found?.used ? k(found.gzipBytes) : 'not imported';
}

function table(r: BenchResults): string {
  const { popup, background } = r.bundleFloor;
  const line = (label: string, p: string, b: string) => `| ${label} | ${p} | ${b} |`;
  const oneBundle = (f: BundleFloor) => k(f.jsGzipBytes + f.cssGzipBytes);
  return [
    line('gzip, KB', `popup (\`${popup.entry}\`)`, `background (\`${background.entry}\`)`),
    '| --- | --- | --- |',
    ...popup.libraries.map(({ library }) =>
      line(library, share(popup, library), share(background, library)),
    ),
    line(
      '**the three libraries together**¹',
      `**${k(popup.librariesGzipBytes)}**`,
      `**${k(background.librariesGzipBytes)}**`,
    ),
    line("the product's own JS", k(popup.ownJsGzipBytes), k(background.ownJsGzipBytes)),
    line(
      'CSS',
      k(popup.cssGzipBytes),
      background.cssGzipBytes > 0 ? k(background.cssGzipBytes) : '–',
    ),
    line('one bundle, JS + CSS', oneBundle(popup), oneBundle(background)),
    line(
      'dist/ as Chromium loads it (popup: chunks shared with the options page; worker: one file)',
      k(r.bundles.popup.gzipBytes),
      k(r.bundles.background.gzipBytes),
    ),
    line(
      'budget (architecture.md#budgets)',
      `≤ ${BUNDLE_BUDGET_KB.popup}`,
      `≤ ${BUNDLE_BUDGET_KB.background}`,
    ),
  ].join('\n');
}

function popupText(r: BenchResults): string {
  const floor = r.bundleFloor.popup;
  const loaded = r.bundles.popup;
  const budget = BUNDLE_BUDGET_KB.popup * KB;
  // Only Preact loads before the first paint; zod/mini comes with the views loaded on demand.
  const preact = floor.libraries.find((l) => l.library === 'preact')?.gzipBytes ?? 0;
  const css = Object.entries(loaded.gzipByFile)
    .filter(([file]) => file.endsWith('.css') || file.endsWith(INLINE_STYLE))
    .reduce((sum, [, bytes]) => sum + bytes, 0);
  const room = budget - preact - css;
  const own = loaded.gzipBytes - preact - css;
  let text = `**Popup.** Before its first paint the popup loads **${k(loaded.gzipBytes)} KB** gzip in ${loaded.files.length} files; the views past its first screen (create, detail with its evidence and confirmations, matches, Home's Needs review tab, the unlock form) are ${k(loaded.lazyGzipBytes)} KB more in ${loaded.lazyFiles.length} chunks loaded on demand, so the whole popup is ${k(loaded.gzipBytes + loaded.lazyGzipBytes)} KB. Preact (${share(floor, 'preact')} KB) loads before the first paint whatever is split off: the desk renders with it. zod/mini (${share(floor, 'zod/mini')} KB of the popup as one bundle) does not: every stored item the first screen shows (key, lock state, watchlist, poll state, recent lookups, draft, the side panel's route) is parsed with a check generated at build time from its zod/mini schema (\`src/shared/generated/first-screen-items.ts\`), which gives zod's answer without zod, and zod comes with the views loaded on demand. With the first screen's CSS (${k(css)} KB) that is ${k(preact + css)} KB of the ${BUNDLE_BUDGET_KB.popup} KB budget, leaving ${k(room)} KB for the first screen's own code, which takes ${k(own)} KB (the storage layer and the generated checks, the shell, home, watchlist and search box), all in one desk chunk beside each page's small entry (\`scripts/lib/first-screen-chunk.ts\`), the CSS written into the page (\`scripts/lib/inline-first-screen-css.ts\`): each file a page loads costs it time before its first paint`;
  text += own > room ? `: ${k(own - room)} KB over that room.` : `, ${k(room - own)} KB within it.`;
  return text;
}

function backgroundText(r: BenchResults): string {
  const floor = r.bundleFloor.background;
  const budget = BUNDLE_BUDGET_KB.background * KB;
  const libs = floor.librariesGzipBytes;
  const room = budget - libs;
  const own = floor.ownJsGzipBytes + floor.cssGzipBytes;
  const split = r.bundles.background.gzipBytes - (floor.jsGzipBytes + floor.cssGzipBytes);
  const preact = floor.libraries.find((l) => l.library === 'preact');
  const names = floor.libraries
    .filter((l) => l.used)
    .map((l) => l.library)
    .join(' and ');
  const verb = names.includes(' and ') ? 'take' : 'takes';
  let text =
    names === ''
      ? `**Background.** The worker imports none of the three libraries: it checks its stored items and requests with code generated from their zod/mini schemas (\`src/shared/generated/\`), and reads Persona's bodies with plain readers (\`src/shared/persona/tolerant.ts\`). Its own code is **${k(own)} KB** as one bundle, ${own > budget ? `${k(own - budget)} KB over` : `${k(budget - own)} KB within`} its ${BUNDLE_BUDGET_KB.background} KB budget.`
      : `**Background.** ${preact?.used ? '' : 'The worker imports no Preact. '}${names} ${verb} **${k(libs)} KB** of its ${BUNDLE_BUDGET_KB.background} KB budget, leaving ${k(room)} KB for its own code, which is ${k(own)} KB as one bundle${
          own > room
            ? `: ${k(own - room)} KB over that room, so here the libraries are not the whole story.`
            : ', within that room.'
        }`;
  // dist/'s worker is that one bundle, built apart from the pages (scripts/lib/background-bundle.ts);
  // a difference means the two builds have drifted apart.
  if (Math.abs(split) >= 0.05 * KB) {
    text += ` dist/'s worker is ${k(Math.abs(split))} KB ${split > 0 ? 'more' : 'less'} than that bundle, though both are one file built alone: the two builds differ somewhere.`;
  } else {
    text += ` dist/ holds the worker as that one bundle, built apart from the pages (\`scripts/lib/background-bundle.ts\`), so it shares no chunk with them and carries nothing only they use.`;
  }
  const dynamic = r.coldStart.workerDynamicImport.replace(/\.$/, '');
  text +=
    dynamic === 'allowed'
      ? " This Chromium allowed `import()` in the minimal worker, so rarely used handlers (evidence, print, audit export, the lock's crypto, the policy) could load on demand there."
      : ` The pages' way, views loaded on demand, is closed to the worker: asked in this run, \`import()\` in the minimal worker gave "${dynamic}". So every handler, the rarely used ones too (evidence, print, audit export, the lock's crypto, the policy), is in the bytes the worker starts with${r.bundles.background.gzipBytes > budget ? ', and meeting the budget needs code taken out of the worker rather than deferred' : ''}. Loading a second script with \`importScripts()\` on first use, which Chromium allows for scripts imported while the worker installed, was measured and did not start the worker faster: Chromium hands a starting worker every script it installed, with its code cache ([architecture.md](architecture.md#budgets)).`;
  return text;
}

export function floorSection(r: BenchResults): string {
  const missed =
    r.bundles.popup.gzipBytes > BUNDLE_BUDGET_KB.popup * KB ||
    r.bundles.background.gzipBytes > BUNDLE_BUDGET_KB.background * KB;
  return `## ${missed ? 'Why the bundle budgets are missed' : 'What the bundles are made of'}

The product was specified with Preact, zod/mini and webextension-polyfill ([architecture.md](architecture.md#budgets)); the
polyfill is no longer imported: \`src/shared/browser.ts\` uses Firefox's \`browser\` or Chrome's
promise-based \`chrome\` directly and does the polyfill's one remaining job, promise-returning
\`runtime.onMessage\` listeners, itself. On today's main it was 2.6 KB gzip of the popup and 2.7 KB
of the worker, each.
Their share of each bundle, measured in this run. Built with: ${r.bundleFloor.bundler}.
Each entry is built once as it is and once with each library marked external (every import of
the package and its subpaths: \`preact\`, \`preact/hooks\`, \`preact/jsx-runtime\`; \`zod\`,
\`zod/mini\`); a library's share is the difference in gzip size.

${table(r)}

¹ The bundle minus the bundle with all three external; the single differences do not add up to it
exactly, since gzip compresses across them.

${popupText(r)}

${backgroundText(r)}

The budgets stay as [architecture.md](architecture.md#budgets) sets them.`;
}

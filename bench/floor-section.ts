// The part of docs/benchmarks.md that explains the bundle budgets from measured figures: how much
// of the popup and the background is the three libraries the product is specified with, and so
// how much room a budget leaves for the product's own code. Every number comes from the run.
import type { BundleFloor } from './bundle-floor.ts';
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
      'dist/ as Chromium loads it (chunks shared by popup, options page and worker)',
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
  const budget = BUNDLE_BUDGET_KB.popup * KB;
  const libs = floor.librariesGzipBytes;
  const own = floor.ownJsGzipBytes + floor.cssGzipBytes;
  const room = budget - libs;
  const split = r.bundles.popup.gzipBytes - (floor.jsGzipBytes + floor.cssGzipBytes);
  const missed = r.bundles.popup.gzipBytes > budget;
  const head =
    room <= 0
      ? `**Popup.** With the specified libraries the popup's floor is **${k(libs)} KB** gzip before any view code: over the ${BUNDLE_BUDGET_KB.popup} KB budget by the libraries alone.`
      : `**Popup.** With the specified libraries the popup's floor is **${k(libs)} KB** gzip before any view code, ${Math.round((libs / budget) * 100)} % of the ${BUNDLE_BUDGET_KB.popup} KB budget. That leaves ${k(room)} KB for all of the popup's own code and styles, which take ${k(own)} KB even as one bundle.`;
  const chunks =
    split > 0
      ? ` dist/, where that code comes in chunks shared with the options page and the worker, is ${k(split)} KB more than the single bundle.`
      : '';
  const decision =
    missed && room > 0
      ? ` Meeting ≤ ${BUNDLE_BUDGET_KB.popup} KB would take the popup's own code and styles from ${k(own)} KB to ${k(room)} KB, so it needs a design decision rather than trimming: for example pages that read storage without zod (zod/mini is ${share(floor, 'zod/mini')} KB of the popup), or pages that call \`chrome.*\` directly instead of through webextension-polyfill (${share(floor, 'webextension-polyfill')} KB; architecture.md#the-house has one module wrap the extension API, so that rule would change too).`
      : missed
        ? ' Meeting it needs a design decision about the libraries themselves.'
        : '';
  return head + chunks + decision;
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
  let text = `**Background.** ${preact?.used ? '' : 'The worker imports no Preact. '}${names} take **${k(libs)} KB** of its ${BUNDLE_BUDGET_KB.background} KB budget, leaving ${k(room)} KB for its own code, which is ${k(own)} KB as one bundle`;
  text +=
    own > room
      ? `: ${k(own - room)} KB over that room, so here the libraries are not the whole story.`
      : ', within that room.';
  if (split > 0) {
    text += ` dist/, with chunks shared with the pages, is ${k(split)} KB more than the single bundle.`;
  }
  return text;
}

export function floorSection(r: BenchResults): string {
  const missed =
    r.bundles.popup.gzipBytes > BUNDLE_BUDGET_KB.popup * KB ||
    r.bundles.background.gzipBytes > BUNDLE_BUDGET_KB.background * KB;
  return `## ${missed ? 'Why the bundle budgets are missed' : 'What the bundles are made of'}

The product is specified with Preact, zod/mini and webextension-polyfill ([architecture.md](architecture.md#budgets)).
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

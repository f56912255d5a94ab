// One table of every figure next to its design.md §7 budget, for the terminal and for
// docs/benchmarks.md. A missed budget is reported as missed; the budgets live in design.md only.
import type { BundleFloor } from './bundle-floor.ts';
import type { BenchResults } from './results.ts';

export type Verdict = 'pass' | 'MISS' | '';

export interface Row {
  figure: string;
  measured: string;
  budget: string;
  verdict: Verdict;
}

export const KB = 1024;
/** design.md §7, in KB of gzip. */
export const BUNDLE_BUDGET_KB = { popup: 20, background: 25 } as const;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const check = (ok: boolean): Verdict => (ok ? 'pass' : 'MISS');
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
/** "7 requests (GET /inquiries/:id 1, GET /files/… 5, …)". */
function routes(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts).map(([route, n]) => `${route} ${n}`);
  return `${total} requests (${parts.join(', ')})`;
}

/** "14.8 KB of 26.0 KB JS, gzip (preact 5.4, zod/mini 6.8, …)": the libraries in one bundle. */
function floorMeasured(floor: BundleFloor): string {
  const parts = floor.libraries
    .filter((l) => l.used)
    .map((l) => `${l.library} ${(l.gzipBytes / KB).toFixed(1)}`);
  return `${kb(floor.librariesGzipBytes)} of ${kb(floor.jsGzipBytes)} JS, gzip (${parts.join(', ')})`;
}

function libraryNames(floor: BundleFloor): string {
  return floor.libraries
    .filter((l) => l.used)
    .map((l) => l.library)
    .join(' + ');
}

export function reportRows(r: BenchResults): Row[] {
  const { bundles, bundleFloor: floor, firstPaint: fp, lookup, photos, poll, coldStart } = r;
  const status = r.statusToBadge;
  const rows: Row[] = [
    {
      figure: 'popup JS + CSS, gzip',
      measured: `${kb(bundles.popup.gzipBytes)} (${bundles.popup.files.length} files)`,
      budget: `≤ ${BUNDLE_BUDGET_KB.popup} KB`,
      verdict: check(bundles.popup.gzipBytes <= BUNDLE_BUDGET_KB.popup * KB),
    },
    {
      figure: 'options JS + CSS, gzip',
      measured: `${kb(bundles.options.gzipBytes)} (${bundles.options.files.length} files)`,
      budget: '',
      verdict: '',
    },
    {
      figure: 'background JS, gzip',
      measured: `${kb(bundles.background.gzipBytes)} (${bundles.background.files.length} files)`,
      budget: `≤ ${BUNDLE_BUDGET_KB.background} KB`,
      verdict: check(bundles.background.gzipBytes <= BUNDLE_BUDGET_KB.background * KB),
    },
    {
      figure: `popup as one bundle: ${libraryNames(floor.popup)}`,
      measured: floorMeasured(floor.popup),
      budget: '',
      verdict: '',
    },
    {
      figure: `background as one bundle: ${libraryNames(floor.background)}`,
      measured: floorMeasured(floor.background),
      budget: '',
      verdict: '',
    },
    {
      figure: `popup first paint, ${fp.cachedInquiries.watched} cached inquiries (median of ${fp.runs})`,
      measured: `${ms(fp.popupListMs)} (FCP ${ms(fp.popupFcpMs)})`,
      budget: '≤ 100 ms',
      verdict: check(fp.popupListMs <= 100),
    },
    {
      figure: 'blank extension page first paint, same run',
      measured: `${ms(fp.blankFcpMs)} (popup ${fp.ratio}× blank)`,
      budget: '',
      verdict: '',
    },
    {
      figure: `find inquiry → detail with verifications, ${lookup.latencyMs} ms latency (median of ${lookup.runs})`,
      measured: `${ms(lookup.oursMs)}, ${lookup.oursRequests} request${lookup.oursRequests === 1 ? '' : 's'}`,
      budget: '1 request',
      verdict: check(lookup.oursRequests <= 1),
    },
    {
      figure: `naive: inquiry, then ${lookup.verificationsPerInquiry} verifications one by one`,
      measured: `${ms(lookup.naiveMs)}, ${lookup.naiveRequests} requests (ours ${lookup.speedup}× faster)`,
      budget: '',
      verdict: '',
    },
    {
      figure: `find inquiry → ${photos.photosPerInquiry} photos shown, ${photos.latencyMs} ms API latency (median of ${photos.runs})`,
      measured: `${ms(photos.oursMs)}, ${routes(photos.oursRequests)}`,
      budget: '1 detail request, 1 per photo',
      verdict: check(
        (photos.oursRequests['GET /inquiries/:id'] ?? 0) <= 1 &&
          (photos.oursRequests['GET /files/:verificationId/:file'] ?? 0) <= photos.photosPerInquiry,
      ),
    },
    {
      figure: 'naive: inquiry, each verification, each photo, one by one',
      measured: `${ms(photos.naiveMs)}, ${routes(photos.naiveRequests)} (ours ${photos.speedup}× faster)`,
      budget: '',
      verdict: '',
    },
    ...poll.rows.map((row) => ({
      figure:
        row.changing === row.watched
          ? `poll cycle, ${row.watched} watched still-changing inquiries`
          : `poll cycle, ${row.watched} watched, all decided`,
      measured: `${row.requests} request${row.requests === 1 ? '' : 's'} (naive poll: ${row.naive})`,
      budget: row.changing === 0 ? '0' : `⌈N/100⌉ = ${row.budget}`,
      verdict: check(row.requests <= row.budget),
    })),
    {
      figure: `status change → badge + notification, real alarm every ${status.periodSeconds} s (max of ${status.runs})`,
      measured:
        status.timedOut > 0
          ? `${status.timedOut} of ${status.runs} not shown within ${seconds(status.maxMs)}`
          : `${seconds(status.maxMs)} (median ${seconds(status.medianMs)}${
              status.afterAlarmMs === null ? '' : `; ${ms(status.afterAlarmMs)} after the alarm`
            })`,
      budget: `≤ ${status.periodSeconds} s + 2 s = ${status.budgetMs / 1000} s`,
      verdict: check(status.timedOut === 0 && status.maxMs <= status.budgetMs),
    },
    {
      figure: `service worker cold start → first answer (median of ${coldStart.runs})`,
      measured: `${ms(coldStart.coldMs)} (warm ${coldStart.warmMs.toFixed(1)} ms)`,
      budget: '',
      verdict: '',
    },
  ];
  return rows;
}

export function renderTable(rows: Row[]): string {
  const head: Row = { figure: 'figure', measured: 'measured', budget: 'budget', verdict: '' };
  const all = [head, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const [f, m, b] = [width('figure'), width('measured'), width('budget')];
  const line = (row: Row) =>
    `${row.figure.padEnd(f)}  ${row.measured.padEnd(m)}  ${row.budget.padEnd(b)}  ${row.verdict}`.trimEnd();
  return [line(head), '-'.repeat(f + m + b + 10), ...rows.map(line)].join('\n');
}

export function misses(rows: Row[]): Row[] {
  return rows.filter((row) => row.verdict === 'MISS');
}

/**
 * `npm run bench` (after `npm run build`): the benchmark suite, in headless Chromium, on the
 * BUILT code. Not tests: it measures, prints a table of ratios measured side by side in one run
 * (plus raw medians and p95) and writes bench-results/latest.json.
 *
 *   1. cleaning pipeline vs bare Readability        (fixture pages + a 5,000-word article; pages
 *      past the page budget, where ours stops before cloning)
 *   2. entity highlighting vs mark.js / markRegExp  (1,000- and 5,000-word articles)
 *   3. archive at 100 / 1,000 / 10,000 articles     (extension page, real IndexedDB; and the
 *      import caps: a file past them refused vs one at them validated, in Node)
 *   4. content script: gzip sizes, added main-thread time per page load
 *   5. sync with a real WebDAV server (Apache): first sync of 1,000 / 5,000 articles, incremental
 *      sync of one change at 10,000 (tests/bench/sync.ts)
 *
 * Cases 1–3 run the bench build (tests/bench/wxt.config.ts, built here: the production config
 * plus two bench-only entrypoints); case 4 runs the production build in .output/chrome-mv3.
 * Environment: BENCH_QUICK=1 (smaller sizes, fewer runs: a smoke run), BENCH_SKIP_BUILD=1,
 * BENCH_CASES=1,2,3,4,5 (a subset), BENCH_RESEED=1 (rebuild the archive databases, which are
 * otherwise seeded once in the persistent profile .output/bench/profile and reused).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROME_EXTENSION_DIR, findChromium } from '../support/chromium';
import { loadFixtures, startFixtureServer } from '../support/fixture-server';
import { benchArchive } from './archive';
import { benchImportCaps } from './import-caps';
import { launchChromium, launchPersistent, type ExtensionBrowser } from './browser';
import { highlightPage, longArticlePage, mentionsPage, realParagraphs } from './articles';
import { bundleSizes, benchLoadCost, emptyContentScriptBuild } from './content-script';
import { benchEntities, gazetteerNames, readEntities } from './gazetteer';
import { benchCaps, benchHighlight } from './highlight';
import { benchPipeline } from './pipeline';
import { benchSync } from './sync';
import { budgetPages } from '../support/budget-pages';
import { MAX_VIEW_MARKS } from '@/lib/limits';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';
import { table, writeResults, type Row } from './report';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_DIR = join(ROOT, '.output/bench/chrome-mv3-bench');
const QUICK = process.env.BENCH_QUICK === '1';
const CASES = new Set((process.env.BENCH_CASES ?? '1,2,3,4,5').split(',').map((s) => s.trim()));
const started = Date.now();
const log = (m: string): void =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${m}`);

function machine(): { nproc: number; cpu: string; chromium: string; node: string; loadavg: number[] } {
  const cpu =
    readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(findChromium(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // keep unknown
  }
  return {
    nproc: cpus().length,
    cpu,
    chromium,
    node: process.version,
    loadavg: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json')))
    throw new Error(
      'No production build in .output/chrome-mv3: run `npm run bench` (it builds first) or `npm run build`.',
    );
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the bench build (wxt build --mode bench -c tests/bench/wxt.config.ts)…');
    execFileSync('npx', ['wxt', 'build', '--mode', 'bench', '-c', 'tests/bench/wxt.config.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const env = { ...machine(), date: new Date().toISOString(), quick: QUICK };
  log(`machine: ${JSON.stringify(env)}`);

  const fixtures = loadFixtures();
  const paragraphs = realParagraphs(fixtures);
  const articles = fixtures.filter((f) => f.expected.isArticle);
  const template = articles.find((f) => f.folder === 'antv--hop-tac-cong-an') ?? articles[0]!;
  const longUrl = new URL('/tin-tuc/chinh-tri/bench-bai-dai-5000-chu-999001.html', template.url).href;
  const hl = [1000, 5000].map((words) => ({ words, url: `https://antv.gov.vn/bench/highlight-${words}.html` }));
  const overBudget = budgetPages(template);
  const caps = {
    at: 'https://antv.gov.vn/bench/mentions-at-cap.html',
    past: 'https://antv.gov.vn/bench/mentions-past-cap.html',
  };
  const server = await startFixtureServer([
    ...overBudget,
    { url: longUrl, html: longArticlePage(template, 5000, paragraphs) },
    ...hl.map((h) => ({ url: h.url, html: highlightPage(h.words, paragraphs) })),
    { url: caps.at, html: mentionsPage(MAX_VIEW_MARKS) },
    { url: caps.past, html: mentionsPage(10 * MAX_VIEW_MARKS) },
  ]);
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  let bench: ExtensionBrowser | null = null;
  try {
    if (CASES.has('1') || CASES.has('2'))
      bench = await launchChromium({
        port: server.port,
        tlsPort: server.tlsPort,
        hosts: server.hosts,
        extensionDir: BENCH_DIR,
      });
    if (bench && CASES.has('1')) {
      log('case 1: cleaning pipeline…');
      const pages = [
        ...fixtures.map((f) => ({ name: f.folder, url: f.url })),
        { name: `synthetic 5,000 words (${template.folder} template)`, url: longUrl },
      ];
      const r = await benchPipeline(
        bench.context,
        BENCH_DIR,
        pages,
        QUICK ? { minRuns: 10, minTimeMs: 300 } : { warmup: 5, minRuns: 40, minTimeMs: 1500, maxTimeMs: 8_000 },
      );
      // past the budget: Readability takes seconds per run there, so a few runs
      const budget = await benchPipeline(bench.context, BENCH_DIR, overBudget, { warmup: 0, minRuns: 3, minTimeMs: 0 });
      rows.push(...r.rows, ...budget.rows);
      raw.pipeline = [...r.raw, ...budget.raw];
    }
    if (bench && CASES.has('2')) {
      log('case 2: entity highlighting…');
      const names = gazetteerNames();
      const r = await benchHighlight(
        bench.context,
        BENCH_DIR,
        hl,
        names,
        QUICK
          ? { warmup: 2, minRuns: 10, minTimeMs: 300 }
          : { warmup: 5, minRuns: 40, minTimeMs: 3000, maxTimeMs: 15_000 },
        QUICK ? { warmup: 1, minRuns: 3, minTimeMs: 0 } : { warmup: 1, minRuns: 8, minTimeMs: 0, maxTimeMs: 25_000 },
      );
      const c = await benchCaps(
        bench.context,
        BENCH_DIR,
        caps.at,
        caps.past,
        QUICK
          ? { warmup: 1, minRuns: 3, minTimeMs: 0 }
          : { warmup: 2, minRuns: 10, minTimeMs: 1000, maxTimeMs: 10_000 },
      );
      rows.push(...r.rows, ...c.rows);
      raw.highlight = [...r.raw, ...c.raw];
    }
  } finally {
    await bench?.context.close();
  }
  if (CASES.has('3')) {
    log('case 3: import caps…');
    rows.push(
      ...(await benchImportCaps(
        QUICK ? { warmup: 1, minRuns: 5, minTimeMs: 0 } : { warmup: 3, minRuns: 20, minTimeMs: 2000 },
      )),
    );
    log('case 3: archive…');
    // BENCH_SIZES=100,1000 picks sizes; the seeded databases are kept and reused (50,000: ~1.5 GB)
    const sizes = process.env.BENCH_SIZES
      ? process.env.BENCH_SIZES.split(',').map(Number)
      : QUICK
        ? [100, 1000]
        : [100, 1000, 10_000, 50_000];
    const archive = await launchPersistent(join(ROOT, '.output/bench/profile'), BENCH_DIR);
    try {
      const r = await benchArchive(
        archive.context,
        archive.extensionId,
        sizes,
        paragraphs,
        benchEntities(readEntities()),
        {
          queries: QUICK
            ? { warmup: 2, minRuns: 10, minTimeMs: 500 }
            : { warmup: 3, minRuns: 30, minTimeMs: 3000, maxTimeMs: 30_000 },
          exportBySize: (size) =>
            QUICK
              ? { warmup: 1, minRuns: 3, minTimeMs: 0 }
              : size >= 10_000
                ? { warmup: 0, minRuns: 3, minTimeMs: 0 }
                : { warmup: 1, minRuns: 10, minTimeMs: 1000, maxTimeMs: 15_000 },
          reseed: process.env.BENCH_RESEED === '1',
        },
        log,
      );
      rows.push(...r.rows);
      raw.archive = r.raw;
    } finally {
      await archive.context.close();
    }
  }
  if (CASES.has('4')) {
    log('case 4: content script…');
    const sizes = bundleSizes(CHROME_EXTENSION_DIR);
    rows.push(...sizes.rows);
    const withExt = await launchChromium({ port: server.port, tlsPort: server.tlsPort, hosts: server.hosts });
    const without = await launchChromium({
      port: server.port,
      tlsPort: server.tlsPort,
      hosts: server.hosts,
      extensionDir: BENCH_DIR,
    });
    const floor = await launchChromium({
      port: server.port,
      tlsPort: server.tlsPort,
      hosts: server.hosts,
      extensionDir: emptyContentScriptBuild(
        CHROME_EXTENSION_DIR,
        join(ROOT, '.output/bench/chrome-mv3-empty-content-script'),
        SUPPORTED_HOST_PATTERNS,
      ),
    });
    try {
      const article = articles.find((f) => f.folder === template.folder)!;
      const listing = fixtures.find((f) => !f.expected.isArticle);
      const pages = [
        { name: article.folder, url: article.url, isArticle: true },
        ...(listing ? [{ name: `${listing.folder} (not an article)`, url: listing.url, isArticle: false }] : []),
      ];
      const r = await benchLoadCost(withExt.context, without.context, floor.context, pages, QUICK ? 4 : 12, 600);
      rows.push(...r.rows);
      raw.contentScript = { sizes: sizes.raw, loads: r.raw };
    } finally {
      await withExt.context.close();
      await without.context.close();
      await floor.context.close();
    }
  }
  if (CASES.has('5')) {
    log('case 5: sync…');
    const r = await benchSync(
      QUICK ? { first: [200, 1000], incremental: 1000 } : { first: [1000, 5000], incremental: 10_000 },
      paragraphs,
      log,
    );
    rows.push(...r.rows);
    raw.sync = r.raw;
  }
  await server.close();

  const after = loadavg().map((l) => Number(l.toFixed(2)));
  const md = table(rows);
  console.log(
    `\nVietLao Reader benchmark — ${env.date} — ${env.cpu}, ${env.nproc} cores, ${env.chromium}; load average before ${env.loadavg.join(' ')}, after ${after.join(' ')}${QUICK ? ' — QUICK run' : ''}\n`,
  );
  console.log(md);
  const missed = rows.filter((r) => r.met === false);
  console.log(`\nGoals: ${rows.filter((r) => r.met === true).length} met, ${missed.length} missed.`);
  const file = writeResults(join(ROOT, 'bench-results'), {
    env: { ...env, loadavgAfter: after, seconds: Math.round((Date.now() - started) / 1000) },
    rows,
    raw,
    table: md,
  });
  log(`wrote ${file} (${Math.round((Date.now() - started) / 1000)} s in all)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

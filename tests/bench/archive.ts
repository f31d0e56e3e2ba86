/**
 * Case 3, the archive at 100, 1,000 and 10,000 articles, inside the extension (bench.html of the
 * bench build: chrome-extension:// origin, Chromium's real IndexedDB, the same lib/archive code).
 * Every operation runs at the three sizes side by side; export runs against JSON.stringify of
 * the same records already in memory. Peak JS heap during export: CDP Runtime.getHeapUsage
 * (usedSize) sampled back to back from Node while one export runs, after a forced GC
 * (HeapProfiler.collectGarbage); the figure is the peak minus the heap just before.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ArchiveApi } from './page/main';
import { figure, ratioRow, single, type Row } from './report';
import type { BenchEntity } from './gazetteer';
import type { SampleOptions } from './stats';
import { FORMAT_IDS, type FormatId } from '@/lib/export-formats';

type Api = ArchiveApi;
type Seeded = Awaited<ReturnType<Api['seed']>>;

/** Export is measured up to this size. */
const EXPORT_MAX = 10_000;

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Bulk writes (issue 16.2) and storage (16.3), from the seedings done in this run: the bulk
 * writer's time per article over the last 1,000 articles written into the largest fresh database
 * against its first 1,000 (the archive at 10,000 or 50,000 vs at 1,000 — the same chunks, the same
 * run), and IndexedDB's growth per article against the text it holds.
 */
function writeRows(seeded: Record<number, Seeded>): Row[] {
  const rows: Row[] = [];
  const fresh = Object.entries(seeded).filter(([, s]) => s.writes);
  for (const [size, s] of fresh) {
    const { chunk, chunkMs, storageBytes } = s.writes!;
    const n = Number(size);
    const perArticle = storageBytes / n;
    const textPerArticle = s.textBytes / n;
    const bytesRow: Row = {
      case: '3 archive',
      what: `IndexedDB bytes per article at ${n.toLocaleString('en')} (origin usage growth while seeding) vs its text (${Math.round(textPerArticle)} B UTF-8); index and HTML overhead is the rest`,
      ours: single('bytes/article', perArticle),
      base: single('text bytes/article', textPerArticle),
      ratio: perArticle / textPerArticle,
      goal: 'reported',
      met: true,
    };
    (bytesRow as Row & { unit: string }).unit = 'B';
    rows.push(bytesRow);
    const per1000 = Math.ceil(1000 / chunk);
    if (n < 2000) continue;
    const first = sum(chunkMs.slice(0, per1000)) / (per1000 * chunk);
    const last = sum(chunkMs.slice(-per1000)) / (per1000 * chunk);
    rows.push(
      ratioRow(
        '3 archive',
        `bulk write (storeMany, ${chunk} a transaction), ms per article: the last 1,000 of ${n.toLocaleString('en')} vs the first 1,000`,
        single(`last 1,000 of ${n}`, last),
        single('first 1,000', first),
        { max: 1.5, goal: '≤ 1.5×' },
      ),
    );
  }
  return rows;
}

function call<K extends keyof Api>(
  page: Page,
  name: K,
  ...args: Api[K] extends (...a: infer A) => unknown ? A : never
): Promise<Awaited<Api[K] extends (...a: never[]) => infer R ? R : never>> {
  return page.evaluate(
    async ([n, a]) => {
      try {
        return await (window as unknown as { __vlArchive: Record<string, (...x: unknown[]) => unknown> }).__vlArchive[
          n as string
        ]!(...(a as unknown[]));
      } catch (e) {
        // the bench build is minified: say what the error was, not just its class's short name
        const err = e as { name?: string; message?: string; stack?: string; inner?: unknown };
        throw new Error(`${err.name}: ${err.message} ${String(err.inner ?? '')}\n${err.stack ?? ''}`, { cause: e });
      }
    },
    [name, args] as const,
  ) as never;
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

async function exportPeak(
  page: Page,
  cdp: CDPSession,
  size: number,
  format?: FormatId,
): Promise<{ bytes: number; ms: number; before: number; peak: number; samples: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heapUsed(cdp);
  let peak = before;
  let samples = 0;
  let done = false;
  const run = (format ? call(page, 'exportOnce', size, format) : call(page, 'exportOnce', size)).finally(
    () => (done = true),
  );
  while (!done) {
    peak = Math.max(peak, await heapUsed(cdp));
    samples++;
  }
  const r = await run;
  return { ...r, before, peak, samples };
}

export async function benchArchive(
  context: BrowserContext,
  extensionId: string,
  sizes: readonly number[],
  paragraphs: string[],
  entities: BenchEntity[],
  options: { queries: SampleOptions; exportBySize: (size: number) => SampleOptions; reseed: boolean },
  log: (m: string) => void,
): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/bench.html`);
  await page.waitForFunction(() => '__vlArchive' in window);
  const cdp = await context.newCDPSession(page);
  const raw: Record<string, unknown> = {};
  const seeded: Record<number, unknown> = {};
  let entityId = '';
  for (const size of sizes) {
    const s = await call(page, 'seed', size, paragraphs, entities, options.reseed);
    entityId = s.entityId;
    seeded[size] = s;
    log(
      `  ${s.reused ? 'reused the seeded' : 'seeded'} ${size} articles in ${(s.ms / 1000).toFixed(1)} s (${(s.bytes / 1e6).toFixed(0)} MB approx. in IndexedDB)`,
    );
  }
  raw.seeded = seeded;
  const rows: Row[] = [];
  rows.push(...writeRows(seeded as Record<number, Seeded>));

  log('  list / filter / search / save at every size, side by side…');
  const q = await call(page, 'queries', options.queries);
  raw.queries = {
    totals: q.totals,
    summaries: Object.fromEntries(Object.entries(q.samples).map(([k, v]) => [k, figure(k, v).summary])),
    samples: q.samples,
  };
  const small = Math.min(...sizes);
  const large = Math.max(...sizes);
  const scaling: [string, string, number][] = [
    ['save', 'save one article', 2],
    ['list', 'list newest 50', 1.5],
    [
      'filter',
      `filter by one entity (${entityId}, in ${(((q.totals[`filter@${large}`] ?? 0) / large) * 100).toFixed(0)} % of articles)`,
      1.5,
    ],
    ['search-exact', `search a rare word with diacritics (exact mode, ${q.totals[`search-exact@${large}`]} hits)`, 3],
    [
      'search-folded',
      `search the same word without diacritics (folded mode, ${q.totals[`search-folded@${large}`]} hits)`,
      3,
    ],
    ['search-phrase', `search the rare word's phrase "tại tỉnh …" (${q.totals[`search-phrase@${large}`]} hits)`, 3],
    [
      'search-relevance',
      `search the rare word, most relevant first (${q.totals[`search-relevance@${large}`]} hits)`,
      3,
    ],
  ];
  for (const [op, what, max] of scaling) {
    for (const size of sizes) {
      if (size === small) continue;
      const ours = figure(`@${size}`, q.samples[`${op}@${size}`]!);
      const base = figure(`@${small}`, q.samples[`${op}@${small}`]!);
      rows.push(
        ratioRow(
          '3 archive',
          `${what}: ${size.toLocaleString('en')} vs ${small}`,
          ours,
          base,
          size === large ? { max, goal: `≤ ${max}×` } : undefined,
        ),
      );
    }
  }

  // The filter's page holds min(matches, 50) articles: 13 at 100 articles, 50 from 1,000 on. The
  // same figure per article shown, so the ratio says what the archive's size costs, not the page's.
  const shown = (size: number) => Math.max(1, Math.min(q.totals[`filter@${size}`] ?? 0, 50));
  const perShown = (size: number) =>
    figure(
      `@${size} per article shown`,
      q.samples[`filter@${size}`]!.map((v) => v / shown(size)),
    );
  for (const size of sizes)
    if (size !== small)
      rows.push(
        ratioRow(
          '3 archive',
          `filter by one entity, per article on its page (${shown(size)} vs ${shown(small)}): ${size.toLocaleString('en')} vs ${small}`,
          perShown(size),
          perShown(small),
        ),
      );

  log('  the analysis page at every size, side by side…');
  const an = await call(page, 'analysis', options.queries);
  raw.analysis = Object.fromEntries(Object.entries(an).map(([k, v]) => [k, figure(k, v).summary]));
  const budgets: [string, string, number][] = [
    ['open', 'analysis page: first charts (all but co-occurrence drawn)', 1000],
    ['site', 'analysis page: refilter by a site (facts path)', 300],
    ['year', 'analysis page: refilter by a year (tallies path)', 300],
    ['week', 'analysis page: refilter to weeks (tallies path)', 300],
  ];
  for (const [op, what, budget] of budgets) {
    const at = figure(`@${large}`, an[`${op}@${large}`]!);
    rows.push(
      ratioRow(
        '3 archive',
        `${what} at ${large.toLocaleString('en')} articles vs its budget`,
        at,
        single('budget', budget),
        {
          max: 1,
          goal: `≤ ${budget} ms`,
        },
      ),
    );
    rows.push(
      ratioRow(
        '3 archive',
        `${what}: ${large.toLocaleString('en')} vs ${small}`,
        at,
        figure(`@${small}`, an[`${op}@${small}`]!),
        { max: 2, goal: '≤ 2×' },
      ),
    );
  }

  rows.push(
    ratioRow(
      '3 archive',
      `analysis page: context — complete, co-occurrence drawn too, at ${large.toLocaleString('en')} vs first charts`,
      figure(`@${large}`, an[`complete@${large}`]!),
      figure('first charts', an[`open@${large}`]!),
    ),
  );

  const exports: Record<number, unknown> = {};
  // Not at 50,000: the anchor (JSON.stringify of every record in memory) alone needs ~2.5 GB of heap.
  for (const size of sizes.filter((s) => s <= EXPORT_MAX)) {
    log(`  export at ${size}…`);
    const heap = await exportPeak(page, cdp, size);
    const n = await call(page, 'loadRecords', size);
    const e = await call(page, 'exportVsStringify', size, options.exportBySize(size), size < 10_000);
    await call(page, 'dropRecords');
    const ours = figure('exportArchive', e.samples.export!);
    const base = figure('JSON.stringify', e.samples.stringify!);
    rows.push(
      ratioRow(
        '3 archive',
        `export ${n.toLocaleString('en')} articles (${(e.exportBytes / 1e6).toFixed(1)} MB) vs JSON.stringify of the same records in memory`,
        ours,
        base,
        { max: 1.5, goal: '≤ 1.5×' },
      ),
    );
    const read = e.samples.read ? figure('read all', e.samples.read) : undefined;
    if (read)
      rows.push(
        ratioRow(
          '3 archive',
          `export ${n.toLocaleString('en')}: context — reading every row and body from IndexedDB (no serialising) vs JSON.stringify`,
          read,
          base,
        ),
      );
    const extra = heap.peak - heap.before;
    const heapRow: Row = {
      case: '3 archive',
      what: `export ${n.toLocaleString('en')}: peak JS heap above the pre-export heap vs file size (${heap.samples} samples)`,
      ours: single('heap', extra),
      base: single('file', heap.bytes),
      ratio: extra / heap.bytes,
      goal: '≤ 0.5×',
      met: extra / heap.bytes <= 0.5,
    };
    (heapRow as Row & { unit: string }).unit = 'B';
    rows.push(heapRow);
    // The analysts' formats (issue 14.5): one run each, its time beside the JSON export's, and its
    // peak heap against the JSON export's own peak at the same size — the issue's "stays within
    // the same memory bound as the JSON export" (≤ 1×: a format may not need more memory than it).
    const formats: Record<string, unknown> = {};
    for (const id of FORMAT_IDS) {
      const f = await exportPeak(page, cdp, size, id);
      formats[id] = f;
      rows.push(
        ratioRow(
          '3 archive',
          `export ${n.toLocaleString('en')} as ${id} (${(f.bytes / 1e6).toFixed(1)} MB): time vs the JSON export (one run each)`,
          single(id, f.ms),
          single('JSON export', heap.ms),
        ),
      );
      const fExtra = f.peak - f.before;
      const formatHeap: Row = {
        case: '3 archive',
        what: `export ${n.toLocaleString('en')} as ${id}: peak JS heap above the pre-export heap vs the JSON export's (${f.samples} samples)`,
        ours: single('heap', fExtra),
        base: single('JSON export heap', extra),
        ratio: fExtra / extra,
        goal: '≤ 1×',
        met: fExtra <= extra,
      };
      (formatHeap as Row & { unit: string }).unit = 'B';
      rows.push(formatHeap);
    }
    exports[size] = {
      formats,
      articles: n,
      exportBytes: e.exportBytes,
      stringifyChars: e.stringifyChars,
      heap,
      export: ours.summary,
      stringify: base.summary,
      read: read?.summary,
      samples: e.samples,
    };
  }
  raw.exports = exports;
  await call(page, 'close');
  await page.close();
  return { rows, raw };
}

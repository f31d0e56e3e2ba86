/**
 * bench.html (bench build only): the archive on the extension's real IndexedDB
 * (chrome-extension:// origin), through the same lib/archive code the background and popup use.
 * Exposes `window.__vlArchive`; the Node runner drives it (tests/bench/archive.ts).
 *
 * One database per size (vietlao-bench-100, -1000, -10000), all open at once, so every
 * operation is measured at the three sizes side by side in the same rounds.
 */
import { exportArchive, listArticles, openArchive, saveArticle, type ArchiveDb } from '@/lib/archive';
import { toExportedArticle, EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, GENERATOR } from '@/lib/archive';
import { joinRows } from '@/lib/archive/rows';
import { exportDatabaseAs, formatById, type FormatId } from '@/lib/export-formats';
import { articleTables, removeMany, removeRows, storeMany } from '@/lib/archive/store-rows';
import { ARCHIVE_BYTES, ARTICLE_COUNT } from '@/lib/archive/counter';
import { IMPORT_CHUNK } from '@/lib/archive/import';
import { TallyBatch } from '@/lib/archive/tallies';
import { startAnalysisPage, type AnalysisPage } from '@/lib/analysis/page';
import type { AnalysisView } from '@/lib/analysis/params';
import { compare, type SampleOptions, type Variant } from '../stats';
import { BENCH_SITE, makeArticle, RARE_EVERY, RARE_WORD, RARE_WORD_FOLDED, storedRows, type Pool } from './generate';

const dbs = new Map<number, ArchiveDb>();
let pool: Pool | null = null;
let entityId = '';

/** Bump when the generated articles change: databases seeded by an older version are rebuilt. */
const SEED_VERSION = 'v3-schema-8-bulk-writer-8k-text-12k-html-20-mentions-6-sites-3-years';

async function seed(
  size: number,
  paragraphs: string[],
  entities: Pool['entities'],
  reseed: boolean,
): Promise<{
  ms: number;
  generateMs: number;
  reused: boolean;
  entityId: string;
  entityShare: number;
  bytes: number;
  textBytes: number;
  writes: WriteCost | null;
}> {
  pool ??= { paragraphs, entities };
  const t0 = performance.now();
  const db = await openArchive({ name: `vietlao-bench-${size}` });
  // Generated every time (cheap, cached bodies) so the entity pick and sizes are known.
  const { rows, bodies } = await storedRows(pool, String(size), size);
  const t1 = performance.now();
  const marker = `vietlao-bench-seed-${size}`;
  let reused =
    !reseed && localStorage.getItem(marker) === SEED_VERSION && (await db.articles.get(rows[0]!.id)) !== undefined;
  if (reused) {
    // Anything not generated here (a save left by an interrupted run) goes; then the count must match.
    const expected = new Set(rows.map((r) => r.id));
    const extra = (await db.articles.toCollection().primaryKeys()).filter((id) => !expected.has(id));
    if (extra.length > 0)
      await db.transaction('rw', articleTables(db), async () => {
        await removeMany(db, extra);
      });
    reused = (await db.articles.count()) === size && (await db.bodies.count()) === size;
  }
  let writes: WriteCost | null = null;
  if (!reused) {
    localStorage.removeItem(marker);
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.meta.bulkPut([ARTICLE_COUNT, ARCHIVE_BYTES].map((key) => ({ key, value: 0 })));
    const before = await usage();
    // Through the archive's own bulk writer, as an import or a first sync writes (storeMany in
    // chunks of IMPORT_CHUNK, one transaction each): the time per chunk is the write cost.
    const chunkMs: number[] = [];
    for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
      const t = performance.now();
      await db.transaction('rw', articleTables(db), async () => {
        const items = rows.slice(i, i + IMPORT_CHUNK).map((row, j) => ({ row, body: bodies[i + j]! }));
        const tallies = new TallyBatch(db);
        await storeMany(db, items, { batch: tallies });
        await tallies.flush();
      });
      chunkMs.push(performance.now() - t);
    }
    writes = { chunk: IMPORT_CHUNK, chunkMs, storageBytes: (await usage()) - before };
    localStorage.setItem(marker, SEED_VERSION);
  }
  dbs.set(size, db);
  // The entity filter: the entity found in the share of articles closest to 10 %.
  const share = new Map<string, number>();
  for (const r of rows) for (const id of r.entityIds) share.set(id, (share.get(id) ?? 0) + 1);
  let best = '';
  for (const [id, n] of share)
    if (!best || Math.abs(n / rows.length - 0.1) < Math.abs(share.get(best)! / rows.length - 0.1)) best = id;
  if (!entityId) entityId = best;
  const bytes = rows.reduce((s, r) => s + r.approxBytes, 0);
  const encoder = new TextEncoder();
  const textBytes = bodies.reduce((s, b) => s + encoder.encode(b.text).length, 0);
  return {
    textBytes,
    writes,
    ms: performance.now() - t0,
    generateMs: t1 - t0,
    reused,
    entityId,
    entityShare: (share.get(entityId) ?? 0) / rows.length,
    bytes,
  };
}

/** A fresh seeding's write cost: ms per chunk, and what IndexedDB grew by (the origin's usage). */
export interface WriteCost {
  chunk: number;
  chunkMs: number[];
  storageBytes: number;
}

/** The origin's storage use in bytes (every database of the bench page). */
async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

let fresh = 1_000_000;
/** Every archive operation at every seeded size, side by side. */
async function queries(
  options: SampleOptions,
): Promise<{ samples: Record<string, number[]>; totals: Record<string, number> }> {
  const variants: Record<string, Variant> = {};
  const totals: Record<string, number> = {};
  const cleanups: (() => Promise<unknown>)[] = [];
  for (const [size, db] of dbs) {
    let article = makeArticle(pool!, fresh++, `save${size}`, false);
    let savedId: string | null = null;
    cleanups.push(async () => {
      if (savedId) await db.transaction('rw', articleTables(db), async () => await removeRows(db, savedId!));
    });
    variants[`save@${size}`] = {
      reset: async () => {
        if (savedId) await db.transaction('rw', articleTables(db), async () => await removeRows(db, savedId!));
        article = makeArticle(pool!, fresh++, `save${size}`, false);
      },
      run: async () => {
        savedId = (await saveArticle(db, article)).id;
      },
    };
    const list = (name: string, o: Parameters<typeof listArticles>[1]): void => {
      variants[`${name}@${size}`] = {
        run: async () => {
          const r = await listArticles(db, o);
          totals[`${name}@${size}`] = r.total;
        },
      };
    };
    list('list', { limit: 50 });
    list('filter', { limit: 50, entityId });
    list('search-exact', { limit: 50, search: RARE_WORD, exact: true });
    list('search-folded', { limit: 50, search: RARE_WORD_FOLDED });
    // the rare word's sentence as a quoted phrase: candidates from the index, the phrase checked in their text
    list('search-phrase', { limit: 50, search: `"tại tỉnh ${RARE_WORD}"` });
    list('search-relevance', { limit: 50, search: RARE_WORD_FOLDED, sort: 'relevance' });
  }
  const samples = await compare(variants, options);
  // The last save of each size is still there: remove it, so the seeded databases stay reusable.
  for (const cleanup of cleanups) await cleanup();
  return { samples, totals };
}

/** The export records as JSON.stringify gets them: every article joined and in export form, in memory. */
let records: unknown = null;
async function loadRecords(size: number): Promise<number> {
  const db = dbs.get(size)!;
  const rows = await db.articles.orderBy('savedAt').reverse().toArray();
  const bodies = await db.bodies.bulkGet(rows.map((r) => r.id));
  records = {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    generator: GENERATOR,
    articles: await Promise.all(rows.map((r, i) => toExportedArticle(joinRows(r, bodies[i]!)))),
  };
  return rows.length;
}

function dropRecords(): void {
  records = null;
}

/**
 * One export, for the heap sampling (the runner samples Runtime.getHeapUsage meanwhile): the JSON
 * archive, or one of the analysts' formats (lib/export-formats/) when `format` is given.
 */
async function exportOnce(size: number, format?: FormatId): Promise<{ bytes: number; ms: number }> {
  const db = dbs.get(size)!;
  const t0 = performance.now();
  const blob = format ? await exportDatabaseAs(db, formatById(format)!) : await exportArchive(db);
  return { bytes: blob.size, ms: performance.now() - t0 };
}

/** Export vs JSON.stringify over the same records (already in memory), side by side. */
async function exportVsStringify(
  size: number,
  options: SampleOptions,
  withRead: boolean,
): Promise<{ samples: Record<string, number[]>; exportBytes: number; stringifyChars: number }> {
  const db = dbs.get(size)!;
  let exportBytes = 0;
  let stringifyChars = 0;
  const variants: Record<string, Variant> = {
    export: { run: async () => void (exportBytes = (await exportArchive(db)).size) },
    stringify: { run: () => void (stringifyChars = JSON.stringify(records).length) },
  };
  // Context, not a goal: what reading everything costs (both tables, no serialising).
  if (withRead)
    variants.read = { run: async () => void (await Promise.all([db.articles.toArray(), db.bodies.toArray()])) };
  const samples = await compare(variants, options);
  return { samples, exportBytes, stringifyChars };
}

const OVERVIEW: AnalysisView = { view: 'overview', filter: {}, granularity: 'month', chosen: [] };

/**
 * The analysis page at every size, drawn into this page (the same code as analysis.html, on the
 * seeded databases): first charts (open: from nothing to every section but co-occurrence drawn),
 * complete (co-occurrence too), and refilters of an open page to first charts — by a site (the
 * facts path), by a year and to weeks (the tallies path).
 */
async function analysis(options: SampleOptions): Promise<Record<string, number[]>> {
  const variants: Record<string, Variant> = {};
  for (const [size, db] of dbs) {
    const root = document.body.appendChild(document.createElement('div'));
    // what a timed run left drawing after its first charts (co-occurrence) finishes, untimed, before the next run
    let last: AnalysisPage | null = null;
    const settle = async () => void (await last?.settled());
    variants[`open@${size}`] = {
      reset: settle,
      run: async () => void (last = await startAnalysisPage(document, { db, root, remember: false, view: OVERVIEW })),
    };
    variants[`complete@${size}`] = {
      reset: settle,
      run: async () => (await startAnalysisPage(document, { db, root, remember: false, view: OVERVIEW })).settled(),
    };
    const open: AnalysisPage = await startAnalysisPage(document, {
      db,
      root: document.body.appendChild(document.createElement('div')),
      remember: false,
      view: OVERVIEW,
    });
    const refilter = (name: string, view: AnalysisView) => {
      variants[`${name}@${size}`] = {
        reset: async () => {
          await open.settled();
          await open.refilter(OVERVIEW);
          await open.settled();
        },
        run: () => open.refilter(view),
      };
    };
    refilter('site', { ...OVERVIEW, filter: { site: BENCH_SITE } });
    refilter('year', { ...OVERVIEW, filter: { from: '2023-01-01', to: '2023-12-31' } });
    refilter('week', { ...OVERVIEW, granularity: 'week' });
  }
  const samples = await compare(variants, options);
  for (const node of [...document.body.children]) if (node.tagName === 'DIV') node.remove();
  return samples;
}

async function close(): Promise<void> {
  for (const db of dbs.values()) db.close();
}

const api = {
  seed,
  queries,
  analysis,
  loadRecords,
  dropRecords,
  exportOnce,
  exportVsStringify,
  close,
  rareEvery: RARE_EVERY,
};
export type ArchiveApi = typeof api;
(window as unknown as { __vlArchive: ArchiveApi }).__vlArchive = api;
document.title += ' — ready';

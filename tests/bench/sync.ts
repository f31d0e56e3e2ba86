/**
 * Case 5: sync with a real WebDAV server (Debian's Apache + mod_dav_fs on 127.0.0.1, as the tests
 * start it), the sync engine run in Node over fake-indexeddb (the engine's own cost and its
 * requests; the browser's IndexedDB is faster than fake-indexeddb, so these are upper bounds).
 *  - first sync of N articles (pushed), per 1,000 articles and against the JSON export of the
 *    same archive; its peak heap against the export file's size;
 *  - the second computer's first sync (pulled) against importing the export file;
 *  - an incremental sync of one change at N articles against the same at 100: requests and time.
 */
import { JSDOM } from 'jsdom';
import { exportArchive } from '@/lib/archive/export';
import { importArchive } from '@/lib/archive/import';
import { saveArticle } from '@/lib/archive/save';
import type { ArchiveDb } from '@/lib/archive/db';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { syncArchive } from '@/lib/sync/engine';
import { Remote, type Connection } from '@/lib/sync/remote';
import { freshDb, makeArticle } from '../support/archive-fixtures';
import { removeWebdav, startWebdav, type WebdavServer } from '../support/webdav-server';
import { ratioRow, single, type Row } from './report';

const jsdomWindow = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((h) => sanitizeHtml(h, jsdomWindow));

async function seeded(n: number, paragraphs: readonly string[]): Promise<ArchiveDb> {
  const db = await freshDb();
  for (let i = 0; i < n; i++) {
    const body = [0, 1, 2, 3].map((k) => paragraphs[(i * 4 + k) % paragraphs.length]!).join('\n\n');
    await saveArticle(
      db,
      makeArticle({ url: `https://antv.gov.vn/dong-bo-${n}-${i}.html`, title: `Bài ${i} về hợp tác Việt – Lào`, body }),
      new Date(Date.UTC(2024, 0, 1) + i * 3_600_000),
    );
  }
  return db;
}

/** Run `work`, sampling the heap every 10 ms: its time and the peak heap above the start. */
async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; peak: number; value: T }> {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed - base)), 10);
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  return { ms, peak, value };
}

export async function benchSync(
  sizes: { first: readonly number[]; incremental: number },
  paragraphs: readonly string[],
  log: (m: string) => void,
): Promise<{ rows: Row[]; raw: unknown }> {
  const server: WebdavServer = await startWebdav();
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  let folder = 0;
  const connection = (): Connection => ({
    url: server.url,
    user: server.user,
    password: server.password,
    folder: `bench-${(folder += 1)}`,
  });
  try {
    const perThousand: Record<number, number> = {};
    for (const n of sizes.first) {
      log(`case 5: seeding ${n} articles (fake-indexeddb)…`);
      const db = await seeded(n, paragraphs);
      const exported = await measured(async () => (await exportArchive(db)).text());
      const c = connection();
      log(`case 5: first sync of ${n}…`);
      const push = await measured(() => syncArchive(db, new Remote(c), { sanitize }));
      const other = await freshDb();
      const pull = await measured(() => syncArchive(other, new Remote(c), { sanitize }));
      const target = await freshDb();
      const imported = await measured(() => importArchive(target, exported.value, sanitize));
      perThousand[n] = (push.ms / n) * 1000;
      rows.push(
        ratioRow(
          '5 sync',
          `first sync, ${n} articles pushed vs JSON export`,
          single('sync', push.ms),
          single('export', exported.ms),
        ),
        {
          ...ratioRow(
            '5 sync',
            `first sync, ${n}: peak heap vs the export file`,
            single('heap', push.peak),
            single('file', Buffer.byteLength(exported.value)),
          ),
          goal: '≤ 0.5×',
          met: push.peak <= 0.5 * Buffer.byteLength(exported.value),
          unit: 'B',
        } as Row,
        ratioRow(
          '5 sync',
          `first sync, ${n} articles pulled vs importing the file`,
          single('sync', pull.ms),
          single('import', imported.ms),
        ),
      );
      raw[`first-${n}`] = {
        pushMs: push.ms,
        pushPeak: push.peak,
        pullMs: pull.ms,
        exportMs: exported.ms,
        importMs: imported.ms,
        fileChars: exported.value.length,
        pushed: push.value.pushed,
        pulled: pull.value.pulled,
      };
    }
    const [small, large] = [Math.min(...sizes.first), Math.max(...sizes.first)];
    if (small !== large)
      rows.push(
        ratioRow(
          '5 sync',
          `first sync per 1,000 articles at ${large} vs at ${small}`,
          single(`${large}`, perThousand[large]!),
          single(`${small}`, perThousand[small]!),
          { max: 1.5, goal: '≤ 1.5× (linear)' },
        ),
      );

    const incremental = async (n: number) => {
      const db = await seeded(n, paragraphs);
      const c = connection();
      await syncArchive(db, new Remote(c), { sanitize });
      await saveArticle(db, makeArticle({ url: `https://antv.gov.vn/dong-bo-${n}-0.html`, title: 'Sửa một bài' }));
      const before = server.requestCount();
      const run = await measured(() => syncArchive(db, new Remote(c), { sanitize }));
      return { ms: run.ms, requests: server.requestCount() - before };
    };
    log(`case 5: incremental sync of one change at 100 and ${sizes.incremental}…`);
    const at100 = await incremental(100);
    const atN = await incremental(sizes.incremental);
    rows.push(
      {
        ...ratioRow(
          '5 sync',
          `incremental sync of one change: requests at ${sizes.incremental} vs at 100`,
          single('requests', atN.requests),
          single('requests', at100.requests),
          { max: 1, goal: '≤ 1× (constant)' },
        ),
        unit: 'req',
      } as Row,
      ratioRow(
        '5 sync',
        `incremental sync of one change: time at ${sizes.incremental} vs at 100`,
        single(`${sizes.incremental}`, atN.ms),
        single('100', at100.ms),
        { max: 2, goal: '≤ 2×' },
      ),
    );
    raw.incremental = { at100, atN, size: sizes.incremental };
  } finally {
    await removeWebdav(server);
  }
  return { rows, raw };
}

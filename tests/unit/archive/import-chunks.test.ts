/**
 * An import of many articles is written IMPORT_CHUNK articles per transaction (lib/archive/import.ts)
 * through one bulk writer (storeMany): it reports progress, can be cancelled between chunks, and
 * leaves the archive fully imported or untouched — a cancel or a full disk in a later chunk takes
 * back the chunks already written. What the bulk writer stores is what saving the articles one
 * by one stores, table for table.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ArchiveDb } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import { IMPORT_CHUNK, importArchive } from '@/lib/archive/import';
import { ImportError } from '@/lib/archive/import-error';
import { listArticles } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const win = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((h) => sanitizeHtml(h, win));
const N = IMPORT_CHUNK * 2 + 37;

/** Every table of the archive but the meta of syncs, rows sorted by key. */
async function everyTable(db: ArchiveDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

let source: { db: ArchiveDb; file: string } | null = null;
async function sourceArchive(): Promise<{ db: ArchiveDb; file: string }> {
  if (source) return source;
  const db = await freshDb();
  for (let i = 0; i < N; i++)
    await saveArticle(
      db,
      makeArticle({
        title: `Bài ${i}`,
        body: `Đoàn công tác tỉnh ${i % 2 ? 'Hủa Phăn' : 'Thanh Hoá'} làm việc với Bộ Quốc phòng Lào, lần ${i}.`,
        entities: [
          ['place.la-hp', 'Hủa Phăn'],
          ['org.la-mod', 'Bộ Quốc phòng Lào', 'ORG'],
        ],
        publishedAt: `2024-${String((i % 12) + 1).padStart(2, '0')}-10T08:00:00+07:00`,
      }),
      new Date(Date.UTC(2024, 0, 1, 0, i)),
    );
  source = { db, file: await (await exportArchive(db)).text() };
  return source;
}

describe('importArchive in chunks', () => {
  it('stores, table for table, what saving the same articles one by one stored, with progress per chunk', async () => {
    const { db: saved, file } = await sourceArchive();
    const db = await freshDb();
    const progress: [number, number][] = [];
    const result = await importArchive(db, file, sanitize, { onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toMatchObject({ added: N, updated: 0, skipped: 0 });
    expect(progress).toEqual([
      [0, N],
      [IMPORT_CHUNK, N],
      [IMPORT_CHUNK * 2, N],
      [N, N],
    ]);
    const a = await everyTable(saved);
    const b = await everyTable(db);
    for (const name of [
      'articles',
      'bodies',
      'meta',
      'entityNames',
      'tallies',
      'entityIndex',
      'entityTotals',
      'articleWords',
    ])
      expect(b[name], name).toEqual(a[name]);
    // facts differ only in the recogniser version a save records and an import does not know
    expect(b.facts).toEqual((a.facts as { matchedWith?: string }[]).map(({ matchedWith: _m, ...f }) => f));
    expect((await listArticles(db, { search: 'hua phan' })).total).toBe(Math.floor(N / 2));
  });

  it('a cancel between chunks takes back what was written: the archive is as it was', async () => {
    const { file } = await sourceArchive();
    const db = await freshDb();
    await saveArticle(db, makeArticle({ title: 'Có từ trước' }));
    const before = await everyTable(db);
    const abort = new AbortController();
    const error = await importArchive(db, file, sanitize, {
      signal: abort.signal,
      onProgress: (done) => done >= IMPORT_CHUNK && abort.abort(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'cancelled' });
    const after = await everyTable(db);
    // entityNames is a lookup of names seen (a delete keeps them too): it may only have gained some
    for (const name of Object.keys(before).filter((n) => n !== 'entityNames'))
      expect(after[name], name).toEqual(before[name]);
    expect(after.entityNames).toEqual(expect.arrayContaining(before.entityNames!));
  });

  it('a full disk in the second chunk takes back the first: nothing imported, the message says why', async () => {
    const { file } = await sourceArchive();
    const db = await freshDb();
    const before = await everyTable(db);
    const real = db.bodies.bulkPut.bind(db.bodies);
    let calls = 0;
    db.bodies.bulkPut = ((...args: Parameters<typeof real>) => {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real(...args);
    }) as typeof real;
    const error = await importArchive(db, file, sanitize).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'quota' });
    expect(String((error as Error).message)).toMatch(/Nothing was imported/);
    db.bodies.bulkPut = real;
    const after = await everyTable(db);
    // entityNames is a lookup of names seen (a delete keeps them too): it may only have gained some
    for (const name of Object.keys(before).filter((n) => n !== 'entityNames'))
      expect(after[name], name).toEqual(before[name]);
    expect(after.entityNames).toEqual(expect.arrayContaining(before.entityNames!));
  });

  it('a file naming one page twice across a chunk keeps the newer copy once', async () => {
    const { file } = await sourceArchive();
    const parsed = JSON.parse(file) as { articles: { updatedAt: string; title: string }[] };
    const again = { ...parsed.articles[0]!, title: 'Bản mới hơn', updatedAt: '2030-01-01T00:00:00.000Z' };
    parsed.articles.splice(5, 0, again); // same canonical URL as article 0, in the same chunk
    const db = await freshDb();
    const result = await importArchive(db, JSON.stringify(parsed), sanitize);
    expect(result.added + result.updated).toBe(N + 1);
    expect(await db.articles.count()).toBe(N);
    expect((await listArticles(db, { search: 'ban moi hon' })).items.map((a) => a.title)).toEqual(['Bản mới hơn']);
  });
});

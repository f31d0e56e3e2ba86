/**
 * The archive's size (./counter.ts): the number of articles and the sum of their byte estimates
 * are stored, kept by the one row writer through every add, replace and delete, and computed
 * once by the v8 → v9 upgrade — so the popup's footer reads two rows, never every summary.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { deleteArticle, restoreArticle } from '@/lib/archive/articles';
import { ARCHIVE_BYTES, ARTICLE_COUNT } from '@/lib/archive/counter';
import { ArchiveDb, DB_NAME, MIGRATIONS, SCHEMA_VERSION } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import { importArchive } from '@/lib/archive/import';
import { undoImport } from '@/lib/archive/import-undo';
import { saveArticle } from '@/lib/archive/save';
import { archiveStats } from '@/lib/archive/stats';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const win = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((html) => sanitizeHtml(html, win));

/** What the rows say, walked one by one (what archiveStats did before v9). */
async function walked(db: ArchiveDb): Promise<{ count: number; approxBytes: number }> {
  const rows = await db.articles.toArray();
  return { count: rows.length, approxBytes: rows.reduce((n, r) => n + r.approxBytes, 0) };
}

describe('the archive size', () => {
  it('a new archive starts at zero articles and zero bytes, stored', async () => {
    const db = await freshDb();
    expect(await db.meta.bulkGet([ARTICLE_COUNT, ARCHIVE_BYTES])).toEqual([
      { key: ARTICLE_COUNT, value: 0 },
      { key: ARCHIVE_BYTES, value: 0 },
    ]);
    expect(await archiveStats(db)).toEqual({ count: 0, approxBytes: 0 });
  });

  it('stays the sum of the rows through save, save again, delete, undo, import and its undo — without walking the rows', async () => {
    const db = await freshDb();
    const url = 'https://antv.gov.vn/bo-quoc-phong-viet-nam-lao.html';
    const { id } = await saveArticle(db, makeArticle({ url, body: 'Bộ Quốc phòng hai nước ký kế hoạch hợp tác.' }));
    await saveArticle(db, makeArticle());
    expect(await archiveStats(db)).toEqual(await walked(db));
    // the same page again, with a longer body: replaced, its bytes grow, the count does not
    const longer = 'Bộ Quốc phòng hai nước ký kế hoạch hợp tác năm 2026. '.repeat(40);
    await saveArticle(db, makeArticle({ url, body: longer }));
    const afterReplace = await archiveStats(db);
    expect(afterReplace).toEqual(await walked(db));
    expect(afterReplace.count).toBe(2);
    const undo = (await deleteArticle(db, id))!;
    expect(await archiveStats(db)).toEqual(await walked(db));
    await restoreArticle(db, undo);
    expect(await archiveStats(db)).toEqual(afterReplace);

    const other = await freshDb();
    for (let i = 0; i < 3; i++) await saveArticle(other, makeArticle({ title: `Bài nhập ${i}` }));
    await saveArticle(other, makeArticle({ url, body: `${longer} Thêm một câu.` })); // the same page, newer
    const file = await (await exportArchive(other)).text();
    const result = await importArchive(db, file, sanitize);
    expect(result).toMatchObject({ added: 3, updated: 1 });
    const afterImport = await archiveStats(db);
    expect(afterImport).toEqual(await walked(db));
    expect(afterImport.count).toBe(5);
    await undoImport(db, result.undo);
    expect(await archiveStats(db)).toEqual(afterReplace);

    db.articles.hook('reading', () => {
      throw new Error('archiveStats read a summary');
    });
    expect(await archiveStats(db)).toEqual(afterReplace);
  });

  it('migrates version 8 to 9: the byte total of every stored row, then kept by every write', async () => {
    const factory = new IDBFactory();
    const staging = await freshDb();
    for (let i = 0; i < 5; i++)
      await saveArticle(staging, makeArticle({ title: `Bài ${i}`, body: 'Hợp tác Việt – Lào. '.repeat(i * 30 + 1) }));
    const v8 = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    v8.version(8).stores(MIGRATIONS.find((m) => m.version === 8)!.stores);
    await v8.open();
    for (const table of staging.tables)
      await v8
        .table(table.name)
        .bulkAdd(
          table.name === 'meta' ? await table.where(':id').equals(ARTICLE_COUNT).toArray() : await table.toArray(),
        );
    v8.close();
    const expected = await walked(staging);
    expect(expected.approxBytes).toBeGreaterThan(5 * 500);

    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.meta.get(ARCHIVE_BYTES)).toEqual({ key: ARCHIVE_BYTES, value: expected.approxBytes });
    expect(await archiveStats(db)).toEqual(expected);
    await saveArticle(db, makeArticle({ title: 'Bài mới sau nâng cấp' }));
    expect(await archiveStats(db)).toEqual(await walked(db));
  });
});

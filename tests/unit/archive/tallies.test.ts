/**
 * The analysis counts (lib/archive/tallies.ts) follow every writer in its own transaction: after
 * any mix of saves, re-saves, deletes, undos, imports and undone imports, the stored facts and
 * tallies equal the ones computed from scratch from the stored rows; the v4 → v5 upgrade computes
 * them for an existing archive.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { deleteArticle, restoreArticle } from '@/lib/archive/articles';
import { ArchiveDb, DB_NAME, MIGRATIONS } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import type { ArchiveFile } from '@/lib/archive/file-format';
import { importArchive } from '@/lib/archive/import';
import { undoImport } from '@/lib/archive/import-undo';
import { saveArticle, undoReplace } from '@/lib/archive/save';
import { factRow, monthOf, tallyKey, tallyRows, type TallyRow } from '@/lib/archive/tallies';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { freshDb, legacyArticleRows, makeArticle } from '../../support/archive-fixtures';

const win = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((html) => sanitizeHtml(html, win));

/** The tallies as they should be, computed from every stored row. */
async function recount(db: ArchiveDb): Promise<TallyRow[]> {
  const rows = await db.articles.toArray();
  const bodies = await db.bodies.bulkGet(rows.map((r) => r.id));
  const facts = rows.map((row, i) => factRow(row, bodies[i]?.entities ?? []));
  return tallyRows(facts).sort((a, b) => a.key.localeCompare(b.key));
}

const stored = async (db: ArchiveDb) => (await db.tallies.toArray()).sort((a, b) => a.key.localeCompare(b.key));

const article = (n: number, publishedAt: string | null, site = 'antv.gov.vn') =>
  makeArticle({
    url: `https://${site}/bai-${n}.html`,
    site,
    title: `Bài ${n}`,
    body: `Bộ Quốc phòng Lào và Bộ Quốc phòng Việt Nam ký kết. Lào ${n}.`,
    publishedAt,
    entities: [
      ['org.la-mod', 'Bộ Quốc phòng Lào', 'ORG'],
      ['place.la', 'Lào', 'PLACE'],
      ...(n % 2 ? [['org.vn-mod', 'Bộ Quốc phòng Việt Nam', 'ORG'] as [string, string, 'ORG']] : []),
    ],
  });

describe('analysis tallies', () => {
  it('months are Vietnamese calendar months: 23:30 on 31 May in Hà Nội is May', () => {
    expect(monthOf(Date.parse('2024-05-31T23:30:00+07:00'))).toBe('2024-05');
    expect(monthOf(Date.parse('2024-05-31T17:30:00Z'))).toBe('2024-06'); // 00:30 on 1 June in Hà Nội
  });

  it('count each article once per month and per week, by site and entity, with mentions', async () => {
    const db = await freshDb();
    await saveArticle(db, article(1, '2024-05-02T08:00:00+07:00'));
    await saveArticle(db, article(2, '2024-05-20T08:00:00+07:00', 'thoidai.com.vn'));
    await saveArticle(db, article(3, null), new Date('2024-07-04T01:00:00Z')); // no date: counted when saved
    const t = new Map((await stored(db)).map((r) => [r.key, r]));
    const may = t.get(tallyKey('month', '2024-05'))!;
    expect(may.articles).toBe(2);
    expect(may.sites).toEqual({ 'antv.gov.vn': 1, 'thoidai.com.vn': 1 });
    // the fixture's entity() marks every "Lào": the lead's, the one in "Bộ Quốc phòng Lào" and "Lào n"
    expect(may.entities['place.la']).toEqual([2, 6]);
    expect(may.entities['org.vn-mod']).toEqual([1, 1]);
    expect(t.get(tallyKey('month', '2024-07'))).toMatchObject({ articles: 1 });
    // the same articles by ISO week: 2 May 2024 is in week 18, 20 May in week 21
    expect(t.get(tallyKey('week', '2024-W18'))).toMatchObject({ articles: 1, sites: { 'antv.gov.vn': 1 } });
    expect(t.get(tallyKey('week', '2024-W21'))).toMatchObject({ articles: 1, sites: { 'thoidai.com.vn': 1 } });
    expect(await stored(db)).toEqual(await recount(db));
  });

  it('stay equal to a recount through re-saves, deletes, undos, imports and undone imports', async () => {
    const db = await freshDb();
    for (let n = 1; n <= 6; n++) await saveArticle(db, article(n, `2024-0${n}-10T08:00:00+07:00`));
    expect(await stored(db)).toEqual(await recount(db));

    // a re-save that moves the article to another month and drops an entity
    const moved = { ...article(1, '2024-09-01T08:00:00+07:00'), url: 'https://antv.gov.vn/bai-1.html' };
    moved.entities = moved.entities.filter((e) => e.id !== 'org.vn-mod');
    const saved = await saveArticle(db, moved);
    expect(saved.status).toBe('updated');
    expect(await stored(db)).toEqual(await recount(db));
    await undoReplace(db, saved.replaced!);
    expect(await stored(db)).toEqual(await recount(db));

    const deleted = (await deleteArticle(db, saved.id))!;
    expect(await stored(db)).toEqual(await recount(db));
    expect((await stored(db)).some((r) => r.key === tallyKey('month', '2024-01'))).toBe(false); // gone, not zero
    await restoreArticle(db, deleted);
    expect(await stored(db)).toEqual(await recount(db));

    const file = JSON.parse(await (await exportArchive(db)).text()) as ArchiveFile;
    const other = await freshDb();
    await saveArticle(other, article(3, '2024-03-10T08:00:00+07:00'));
    const result = await importArchive(other, JSON.stringify(file), sanitize);
    expect(result.added).toBe(5);
    expect(await stored(other)).toEqual(await recount(other));
    await undoImport(other, result.undo);
    expect(await stored(other)).toEqual(await recount(other));
    expect(await other.facts.count()).toBe(1);
  });

  it('the v4 → v5 upgrade counts every stored article', async () => {
    const factory = new IDBFactory();
    const v4 = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    v4.version(4).stores(MIGRATIONS.find((m) => m.version === 4)!.stores);
    await v4.open();
    const staging = await freshDb();
    for (let n = 1; n <= 450; n++)
      await saveArticle(staging, article(n, `2024-${String((n % 12) + 1).padStart(2, '0')}-10T08:00:00+07:00`));
    await v4.table('articles').bulkAdd(await legacyArticleRows(staging));
    for (const table of ['bodies', 'meta', 'entityNames'])
      await v4.table(table).bulkAdd(await staging.table(table).toArray());
    v4.close();

    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(await db.facts.count()).toBe(450);
    expect(await stored(db)).toEqual(await stored(staging));
    expect(await stored(db)).toEqual(await recount(db));
  });
});

/**
 * The entity index (lib/archive/entity-index.ts): one key per (entity, article) kept by every
 * writer; a filter by one entity lists its articles newest first, page by page, with the same
 * items and total as filtering the summaries; the v5 → v6 upgrade builds it for an existing archive.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deleteArticle, restoreArticle } from '@/lib/archive/articles';
import { ArchiveDb, DB_NAME, MIGRATIONS } from '@/lib/archive/db';
import { entityIndexKey } from '@/lib/archive/entity-index';
import { listArticles } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

/** The keys as they should be, from every stored summary. */
async function expectedKeys(db: ArchiveDb): Promise<string[]> {
  const rows = await db.articles.toArray();
  return rows.flatMap((r) => r.entityIds.map((e) => entityIndexKey(e, r.savedAt, r.id))).sort();
}

const keys = async (db: ArchiveDb) => (await db.entityIndex.toCollection().primaryKeys()).sort();

const article = (n: number, withVn: boolean) =>
  makeArticle({
    url: `https://antv.gov.vn/bai-${n}.html`,
    title: `Bài ${n}`,
    lead: null,
    body: withVn ? 'Lào và Việt Nam ký kết.' : 'Lào ký kết.',
    entities: [
      ['place.la', 'Lào', 'PLACE'],
      ['place.vn', 'Việt Nam', 'PLACE'],
    ],
  });

async function seeded(n: number): Promise<ArchiveDb> {
  const db = await freshDb();
  for (let i = 0; i < n; i++)
    await saveArticle(db, article(i, i % 3 === 0), new Date(Date.UTC(2024, 0, 1) + (i % 7) * 60_000)); // ties in savedAt
  return db;
}

describe('entity index', () => {
  it('follows saves, re-saves that drop an entity, deletes and restores', async () => {
    const db = await seeded(12);
    expect(await keys(db)).toEqual(await expectedKeys(db));
    await saveArticle(db, article(0, false)); // "Việt Nam" no longer in it
    expect(await keys(db)).toEqual(await expectedKeys(db));
    const { items } = await listArticles(db, { limit: 1 });
    const undo = (await deleteArticle(db, items[0]!.id))!;
    expect(await keys(db)).toEqual(await expectedKeys(db));
    await restoreArticle(db, undo);
    expect(await keys(db)).toEqual(await expectedKeys(db));
  });

  it('a filter by one entity gives, page by page, the items and total of filtering the summaries', async () => {
    const db = await seeded(40);
    for (const entityId of ['place.la', 'place.vn', 'place.nowhere']) {
      // the same filter through the intersection path (a date range that holds every article)
      const all = await listArticles(db, { entityId, from: '2000-01-01', limit: 500 });
      const pages = [];
      for (let offset = 0; offset < all.total + 5; offset += 5) {
        const page = await listArticles(db, { entityId, offset, limit: 5 });
        expect(page.total).toBe(all.total);
        pages.push(...page.items.map((i) => i.id));
      }
      expect(pages).toEqual(all.items.map((i) => i.id));
    }
    expect((await listArticles(db, { entityId: 'place.vn' })).total).toBe(14);
  });

  it('the v5 → v6 upgrade indexes every stored article', async () => {
    const factory = new IDBFactory();
    const v5 = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    v5.version(5).stores(MIGRATIONS.find((m) => m.version === 5)!.stores);
    await v5.open();
    const staging = await seeded(450);
    for (const table of ['articles', 'bodies', 'meta', 'entityNames', 'facts', 'tallies'])
      await v5.table(table).bulkAdd(await staging.table(table).toArray());
    v5.close();
    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(await keys(db)).toEqual(await expectedKeys(staging));
    expect((await listArticles(db, { entityId: 'place.vn', limit: 500 })).total).toBe(150);
  });
});

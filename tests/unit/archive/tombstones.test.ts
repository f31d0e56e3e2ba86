import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deleteArticle, restoreArticle } from '@/lib/archive/articles';
import { ArchiveDb, DB_NAME, MIGRATIONS } from '@/lib/archive/db';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

describe('tombstones (schema v7)', () => {
  it('a delete leaves a tombstone; saving or restoring the article again removes it', async () => {
    const db = await freshDb();
    const article = makeArticle({ url: 'https://antv.gov.vn/lao-1.html' });
    const { id } = await saveArticle(db, article);
    const deleted = await deleteArticle(db, id, new Date('2024-09-01T00:00:00Z'));
    expect(await db.tombstones.toArray()).toEqual([
      { id, canonicalUrl: 'https://antv.gov.vn/lao-1.html', deletedAt: '2024-09-01T00:00:00.000Z' },
    ]);
    await restoreArticle(db, deleted!);
    expect(await db.tombstones.count()).toBe(0);
    await deleteArticle(db, id);
    await saveArticle(db, article);
    expect(await db.tombstones.count()).toBe(0);
  });

  it('migrates version 6 to 7: every article kept and found by updatedAt, no tombstones, nothing synced', async () => {
    const factory = new IDBFactory();
    const staging = await freshDb();
    for (let i = 0; i < 30; i++) await saveArticle(staging, makeArticle(), new Date(Date.UTC(2024, 0, 1 + i)));
    const v6 = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    v6.version(6).stores(MIGRATIONS.find((m) => m.version === 6)!.stores);
    await v6.open();
    for (const table of ['articles', 'bodies', 'facts', 'tallies', 'entityIndex', 'entityNames', 'meta'])
      await v6.table(table).bulkAdd(await staging.table(table).toArray());
    v6.close();

    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(await db.articles.count()).toBe(30);
    expect(await db.articles.where('updatedAt').above('2024-01-20').count()).toBe(11);
    expect(await db.tombstones.count()).toBe(0);
    expect(await db.remoteFiles.count()).toBe(0);
  });
});

import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ArchiveDb, DB_NAME, MIGRATIONS, SCHEMA_VERSION } from '../../lib/archive/db';
import { indexWords } from '../../lib/archive/keys';
import { listArticles } from '../../lib/archive/query';
import { buildRows } from '../../lib/archive/rows';
import { saveArticle } from '../../lib/archive/save';
import type { ArticleRow, BodyRow } from '../../lib/archive/types';
import { freshDb, makeArticle } from './archive-fixtures';

describe('archive database', () => {
  it('is at the current schema version with the expected indexes', async () => {
    const db = await freshDb();
    expect(db.name).toBe(DB_NAME);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS.at(-1)?.version).toBe(SCHEMA_VERSION);
    const articles = db.table('articles').schema;
    expect(articles.primKey.name).toBe('id');
    const indexes = Object.fromEntries(articles.indexes.map((i) => [i.name, { unique: !!i.unique, multi: !!i.multi }]));
    expect(indexes).toMatchObject({
      canonicalUrl: { unique: true, multi: false },
      savedAt: { multi: false },
      site: { multi: false },
      publishedMs: { multi: false },
      entityIds: { multi: true },
      words: { multi: true },
      exactWords: { multi: true },
    });
    expect(db.table('bodies').schema.primKey.name).toBe('id');
  });

  it('migrates a version-1 database to version 2 without losing anything', async () => {
    const factory = new IDBFactory();
    const v1Stores = MIGRATIONS.find((m) => m.version === 1)!.stores;
    const v1 = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(v1Stores);
    await v1.open();

    // Build v1 rows: everything v2 stores except exactWords.
    const staging = await freshDb();
    const articles = [
      makeArticle({ title: 'Quan hệ Việt – Lào', entities: [['LA', 'Lào']] }),
      makeArticle({ title: 'Ông lão', body: 'Ông lão ở Hòa Bình kể chuyện.' }),
      ...Array.from({ length: 450 }, (_, i) => makeArticle({ title: `Bài ${i}` })),
    ];
    for (const a of articles) await saveArticle(staging, a, new Date('2024-01-01T00:00:00Z'));
    const v2Rows = await staging.articles.orderBy(':id').toArray();
    const bodies = await staging.bodies.orderBy(':id').toArray();
    const v1Rows = v2Rows.map(({ exactWords: _e, ...rest }) => rest);
    await v1.table('articles').bulkAdd(v1Rows);
    await v1.table('bodies').bulkAdd(bodies);
    v1.close();

    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    const migrated: ArticleRow[] = await db.articles.orderBy(':id').toArray();
    const migratedBodies: BodyRow[] = await db.bodies.orderBy(':id').toArray();
    expect(migrated).toHaveLength(articles.length);
    expect(migratedBodies).toEqual(bodies);
    expect(migrated).toEqual(v2Rows);
    for (const row of migrated) {
      const body = migratedBodies.find((b) => b.id === row.id)!;
      expect(row.exactWords).toEqual(indexWords(row.title, row.lead, body.text, 'exact'));
    }
    expect((await listArticles(db, { search: 'lão', exact: true })).items.map((a) => a.title)).toEqual(['Ông lão']);
    expect((await listArticles(db, { search: 'lao' })).total).toBe(articles.length);
  });

  it('buildRows recomputes the same rows saveArticle wrote', async () => {
    const db = await freshDb();
    const { id } = await saveArticle(db, makeArticle(), new Date('2024-01-01T00:00:00Z'));
    const row = (await db.articles.get(id))!;
    const body = (await db.bodies.get(id))!;
    const rebuilt = buildRows({ ...row, text: body.text, contentHtml: body.contentHtml, entities: body.entities });
    expect(rebuilt).toEqual({ row, body });
  });
});

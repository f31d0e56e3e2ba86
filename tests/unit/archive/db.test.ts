import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deleteArticle, restoreArticle } from '@/lib/archive/articles';
import { ARTICLE_COUNT, articleCount } from '@/lib/archive/counter';
import { ArchiveDb, DB_NAME, MIGRATIONS, SCHEMA_VERSION } from '@/lib/archive/db';
import { indexWords } from '@/lib/archive/keys';
import { listArticles } from '@/lib/archive/query';
import { buildRows } from '@/lib/archive/rows';
import { saveArticle } from '@/lib/archive/save';
import { listEntities } from '@/lib/archive/stats';
import type { ArticleRow, BodyRow } from '@/lib/archive/types';
import { freshDb, indexedWords, legacyArticleRows, makeArticle } from '../../support/archive-fixtures';

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
      updatedAt: { multi: false },
    });
    // v8: no search words nor entity ids indexed on the summaries (./search-index.ts, ./entity-index.ts)
    expect(Object.keys(indexes).sort()).toEqual(['canonicalUrl', 'publishedMs', 'savedAt', 'site', 'updatedAt']);
    expect(db.table('bodies').schema.primKey.name).toBe('id');
    expect(db.table('entityTotals').schema.primKey.name).toBe('id');
    const words = db.table('articleWords').schema;
    expect(words.primKey.name).toBe('key');
    expect(words.indexes.map((i) => [i.name, !!i.multi])).toEqual([
      ['id', false],
      ['terms', true],
    ]);
  });

  it('migrates a version-1 database to the current version without losing anything', async () => {
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
    const currentRows = await staging.articles.orderBy(':id').toArray();
    const bodies = await staging.bodies.orderBy(':id').toArray();
    const v1Rows = (await legacyArticleRows(staging)).map(({ exactWords: _e, ...rest }) => rest);
    await v1.table('articles').bulkAdd(v1Rows);
    await v1.table('bodies').bulkAdd(bodies);
    v1.close();

    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await articleCount(db)).toBe(articles.length); // v3 stores the count
    const migrated: ArticleRow[] = await db.articles.orderBy(':id').toArray();
    const migratedBodies: BodyRow[] = await db.bodies.orderBy(':id').toArray();
    expect(migrated).toHaveLength(articles.length);
    expect(migratedBodies).toEqual(bodies);
    expect(migrated).toEqual(currentRows);
    for (const row of migrated) {
      const body = migratedBodies.find((b) => b.id === row.id)!;
      const words = await indexedWords(db, row.id);
      expect(words?.exact).toEqual(indexWords(row.title, row.lead, body.text, 'exact'));
    }
    expect((await listArticles(db, { search: 'lão', exact: true })).items.map((a) => a.title)).toEqual(['Ông lão']);
    expect((await listArticles(db, { search: 'lao' })).total).toBe(articles.length);
  });

  it('migrates version 2 to 3: the article count is stored, then kept by saves, deletes, undo and imports', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    v2.version(2).stores(MIGRATIONS.find((m) => m.version === 2)!.stores);
    await v2.open();
    const staging = await freshDb();
    for (let i = 0; i < 7; i++)
      await saveArticle(staging, makeArticle({ title: `Bài ${i}` }), new Date('2024-01-01T00:00:00Z'));
    await v2.table('articles').bulkAdd(await staging.articles.toArray());
    await v2.table('bodies').bulkAdd(await staging.bodies.toArray());
    v2.close();

    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(await articleCount(db)).toBe(7);
    const url = 'https://antv.gov.vn/bai-moi.html';
    const { id } = await saveArticle(db, makeArticle({ title: 'Bài mới', url }));
    expect(await articleCount(db)).toBe(8);
    await saveArticle(db, makeArticle({ title: 'Bài mới, sửa', url })); // the same page again: updated, not added
    expect(await articleCount(db)).toBe(8);
    const undo = (await deleteArticle(db, id))!;
    expect(await articleCount(db)).toBe(7);
    await restoreArticle(db, undo);
    expect(await articleCount(db)).toBe(8);
    expect((await listArticles(db)).total).toBe(await db.articles.count());
  });

  it('migrates version 3 to 4: every entity of every body gets its name, and the popup names them without bodies', async () => {
    const factory = new IDBFactory();
    const v3 = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange });
    v3.version(3).stores(MIGRATIONS.find((m) => m.version === 3)!.stores);
    await v3.open();
    const staging = await freshDb();
    // an entity that is nowhere among the list chips (TOP_ENTITY_COUNT): named from its body before v4
    const many = (i: number) => [
      ...['Viêng Chăn', 'Hà Nội', 'Lào', 'Việt Nam', 'Thanh Hóa'].map(
        (n, k) => [`place.${k}`, n, 'PLACE'] as [string, string, 'PLACE'],
      ),
      [`person.rare-${i}`, `Ông Hiếm ${i}`, 'PERSON'] as [string, string, 'PERSON'],
    ];
    for (let i = 0; i < 3; i++) {
      const names = many(i).map(([, n]) => n);
      const body = `${names.join(', ')}; ${names.slice(0, 5).join(', ')}.`; // the five places twice
      await saveArticle(staging, makeArticle({ title: `Bài ${i}`, body, entities: many(i) }));
    }
    await v3.table('articles').bulkAdd(await staging.articles.toArray());
    await v3.table('bodies').bulkAdd(await staging.bodies.toArray());
    await v3.table('meta').bulkAdd(await staging.meta.toArray());
    v3.close();

    const db = new ArchiveDb({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.entityNames.get('person.rare-1')).toEqual({
      id: 'person.rare-1',
      name: 'Ông Hiếm 1',
      type: 'PERSON',
    });
    db.bodies.hook('reading', () => {
      throw new Error('listEntities read a body');
    });
    const listed = await listEntities(db);
    expect(listed.find((e) => e.id === 'person.rare-2')).toEqual({
      id: 'person.rare-2',
      name: 'Ông Hiếm 2',
      type: 'PERSON',
      count: 1,
    });
    expect(listed.find((e) => e.id === 'place.0')).toMatchObject({ name: 'Viêng Chăn', count: 3 });
  });

  it('a new database starts with a stored count of zero', async () => {
    const db = await freshDb();
    expect(await db.meta.get(ARTICLE_COUNT)).toEqual({ key: ARTICLE_COUNT, value: 0 });
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

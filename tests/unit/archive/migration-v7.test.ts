/**
 * Schema v7 → today's (v8, v9) on a real v7 archive (tests/fixtures-archive/v7: twelve fixture
 * pages cleaned, recognised and saved by the v7 code): every summary, body, count and index entry
 * kept; the search words move off the summaries into the words table with the same words; each
 * entity's total is counted; the rows' byte estimates are summed (v9); search, filters and later writes behave as on an archive saved by today's
 * code; the upgrade reports its progress.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deleteArticle } from '@/lib/archive/articles';
import { ARCHIVE_BYTES } from '@/lib/archive/counter';
import { ArchiveDb, DB_NAME, MIGRATIONS, SCHEMA_VERSION } from '@/lib/archive/db';
import { entityRange, entityTotal } from '@/lib/archive/entity-index';
import { listArticles } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import type { ArticleRow } from '@/lib/archive/types';
import { indexedWords, makeArticle } from '../../support/archive-fixtures';

interface Dump {
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const dump = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures-archive/v7/tables.json'), 'utf8'),
) as Dump;
type V7Row = ArticleRow & { words: string[]; exactWords: string[] };
const v7Articles = dump.tables.articles as unknown as V7Row[];

async function v7Database(): Promise<IDBFactory> {
  const indexedDB = new IDBFactory();
  const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
  old.version(7).stores(MIGRATIONS.find((m) => m.version === 7)!.stores);
  await old.open();
  for (const [name, rows] of Object.entries(dump.tables)) await old.table(name).bulkAdd(rows);
  old.close();
  return indexedDB;
}

async function openMigrated(progress: [number, number, number][] = []): Promise<ArchiveDb> {
  const db = new ArchiveDb({
    indexedDB: await v7Database(),
    IDBKeyRange,
    onMigrationProgress: (version, done, total) => progress.push([version, done, total]),
  });
  await db.open();
  return db;
}

describe('schema v7 → v8 on a real v7 archive', () => {
  it('the dump is what v7 stored: words on the summaries, a deleted article as a tombstone', () => {
    expect(dump.schemaVersion).toBe(7);
    expect(v7Articles.length).toBe(11);
    for (const a of v7Articles) {
      expect(a.words.length).toBeGreaterThan(100);
      expect(a.exactWords.length).toBeGreaterThan(100);
    }
    expect(dump.tables.tombstones).toHaveLength(1);
  });

  it('keeps every row and moves the words to the words table, word for word', async () => {
    const progress: [number, number, number][] = [];
    const db = await openMigrated(progress);
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const name of ['bodies', 'entityNames', 'facts', 'tallies', 'entityIndex', 'tombstones'])
      expect(await db.table(name).toArray()).toEqual(dump.tables[name]);
    const bytes = v7Articles.reduce((n, a) => n + a.approxBytes, 0);
    expect(await db.meta.toArray()).toEqual(
      [...dump.tables.meta!, { key: ARCHIVE_BYTES, value: bytes }].sort((a, b) =>
        String(a.key).localeCompare(String(b.key)),
      ),
    );
    for (const old of v7Articles) {
      const { words, exactWords, ...summary } = old;
      expect(await db.articles.get(old.id)).toEqual(summary);
      expect(await indexedWords(db, old.id)).toEqual({ folded: words, exact: exactWords });
    }
    expect(await db.articleWords.count()).toBe(v7Articles.length);
    expect(progress.at(0)).toEqual([8, 0, 11]);
    expect(progress.at(-1)).toEqual([8, 11, 11]);
    db.close();
  });

  it('counts each entity from its index and filters by it as before', async () => {
    const db = await openMigrated();
    const byEntity = new Map<string, number>();
    for (const a of v7Articles) for (const id of a.entityIds) byEntity.set(id, (byEntity.get(id) ?? 0) + 1);
    expect(await db.entityTotals.count()).toBe(byEntity.size);
    for (const [id, n] of byEntity) {
      expect(await entityTotal(db, id)).toBe(n);
      const [lo, hi] = entityRange(id);
      expect(await db.entityIndex.where(':id').between(lo, hi, true, false).count()).toBe(n);
      const listed = await listArticles(db, { entityId: id, limit: 500 });
      expect(listed.total).toBe(n);
      expect(listed.items.map((a) => a.id).sort()).toEqual(
        v7Articles
          .filter((a) => a.entityIds.includes(id))
          .map((a) => a.id)
          .sort(),
      );
    }
    db.close();
  });

  it('finds what v7 found: every word of every article, folded and exact, newest first', async () => {
    const db = await openMigrated();
    const newest = [...v7Articles].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    for (const old of v7Articles.slice(0, 4))
      for (const [mode, list] of [
        ['folded', old.words],
        ['exact', old.exactWords],
      ] as const)
        for (const word of list.filter((_, i) => i % 40 === 0)) {
          const exact = mode === 'exact';
          const expected = newest.filter((a) => (exact ? a.exactWords : a.words).some((w) => w.startsWith(word)));
          const found = await listArticles(db, { search: word, exact, limit: 500 });
          expect(found.items.map((a) => a.id)).toEqual(expected.map((a) => a.id));
          expect(found.total).toBe(expected.length);
        }
    db.close();
  });

  it('later saves and deletes keep the words table and the totals in step', async () => {
    const db = await openMigrated();
    const gone = v7Articles[0]!;
    await deleteArticle(db, gone.id);
    expect(await indexedWords(db, gone.id)).toBeUndefined();
    expect(await db.articleWords.count()).toBe(v7Articles.length - 1);
    for (const id of gone.entityIds)
      expect(await entityTotal(db, id)).toBe(
        v7Articles.filter((a) => a.id !== gone.id && a.entityIds.includes(id)).length,
      );
    const fresh = await saveArticle(
      db,
      makeArticle({
        body: 'Đoàn đại biểu tỉnh Xiêng Khoảng thăm Nghệ An.',
        entities: [['place.la-xk', 'Xiêng Khoảng']],
      }),
    );
    expect((await listArticles(db, { search: 'xieng khoang' })).items.map((a) => a.id)).toEqual([fresh.id]);
    expect(await entityTotal(db, 'place.la-xk')).toBe(
      v7Articles.filter((a) => a.entityIds.includes('place.la-xk')).length + 1,
    );
    db.close();
  });
});

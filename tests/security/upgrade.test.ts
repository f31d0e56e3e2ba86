/**
 * Upgrades: an archive written by schema v1 (tests/fixtures/archives/v1-archive.json: the rows as
 * Dexie v1 stored them, no exactWords) is loaded into a real v1 database (fake-indexeddb) and
 * opened with the current code: nothing lost, the v2 exact-word index built, search works.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { indexedWords } from '../support/archive-fixtures';
import { describe, expect, it } from 'vitest';
import { getArticle } from '@/lib/archive/articles';
import { MIGRATIONS, openArchive, SCHEMA_VERSION } from '@/lib/archive/db';
import { listArticles } from '@/lib/archive/query';

interface V1Dump {
  dbName: string;
  version: number;
  stores: Record<string, string>;
  articles: { id: string; canonicalUrl: string; title: string; exactWords?: unknown }[];
  bodies: { id: string; text: string; contentHtml: string }[];
}
const v1 = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/archives/v1-archive.json'), 'utf8'),
) as V1Dump;

async function v1Database(): Promise<IDBFactory> {
  const indexedDB = new IDBFactory();
  const old = new Dexie(v1.dbName, { indexedDB, IDBKeyRange });
  old.version(1).stores(v1.stores);
  await old.open();
  await old.table('articles').bulkAdd(v1.articles);
  await old.table('bodies').bulkAdd(v1.bodies);
  expect(old.verno).toBe(1);
  old.close();
  return indexedDB;
}

describe('schema v1 → current', () => {
  it('the fixture is what v1 stored (v1 indexes, no exactWords)', () => {
    expect(v1.stores).toEqual(MIGRATIONS[0]!.stores);
    expect(v1.articles.length).toBeGreaterThanOrEqual(3);
    for (const a of v1.articles) expect(a).not.toHaveProperty('exactWords');
  });

  it('opens with the current code: every row kept, exact words added, search works', async () => {
    const indexedDB = await v1Database();
    const db = await openArchive({ indexedDB, IDBKeyRange });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.articles.count()).toBe(v1.articles.length);
    expect(await db.bodies.count()).toBe(v1.bodies.length);
    for (const old of v1.articles) {
      const row = await db.articles.get(old.id);
      const { words, ...summary } = old as typeof old & { words: string[] };
      expect(row).toEqual(summary); // nothing else changed; the words moved to their own table (v8)
      const indexed = await indexedWords(db, old.id);
      expect(indexed?.folded).toEqual(words);
      expect(indexed?.exact.length).toBeGreaterThan(0);
      const full = await getArticle(db, old.id);
      const body = v1.bodies.find((b) => b.id === old.id)!;
      expect(full?.text).toBe(body.text);
      expect(full?.contentHtml).toBe(body.contentHtml);
    }
    const ids = (q: string, exact: boolean) =>
      listArticles(db, { search: q, exact }).then((r) => r.items.map((i) => i.title).sort());
    expect(await ids('lao', false)).toHaveLength(v1.articles.length);
    expect(await ids('Lào', true)).toHaveLength(v1.articles.length);
    expect(await ids('lão', true)).toEqual(['Quốc phòng Việt Nam – Lào']); // "Ông lão" only in that one
    expect(await ids('vieng chan', false)).toEqual(['Hợp tác Công an Việt – Lào']);
    expect((await listArticles(db, { entityId: 'LA' })).total).toBe(2);
    db.close();
  });
});

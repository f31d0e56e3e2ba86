/**
 * The number of saved articles, kept in the `meta` table and changed in the same transaction as
 * every add and delete: in Chromium, IndexedDB's count() walks the whole store, which with
 * 10,000 articles (each row carrying its search words) cost ~90 ms on every list.
 */
import type { ArchiveDb } from './db';

export const ARTICLE_COUNT = 'articleCount';

export interface MetaRow {
  key: string;
  value: number;
}

/** The stored count (falling back to counting, for a database without one). */
export async function articleCount(db: ArchiveDb): Promise<number> {
  const row = await db.meta.get(ARTICLE_COUNT);
  return row?.value ?? db.articles.count();
}

/** Add `delta` to the stored count: call inside the transaction that adds or deletes rows (with db.meta in its scope). */
export async function adjustArticleCount(db: ArchiveDb, delta: number): Promise<void> {
  if (delta === 0) return;
  const row = await db.meta.get(ARTICLE_COUNT);
  // Without a stored count (never expected: populate and the v3 upgrade write one), count the rows
  // as they are now, after this transaction's change.
  await db.meta.put({ key: ARTICLE_COUNT, value: row ? Math.max(0, row.value + delta) : await db.articles.count() });
}

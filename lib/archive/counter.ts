/**
 * The archive's size — its number of articles and their estimated bytes — kept in the `meta`
 * table and changed by the one row writer (./store-rows.ts) in the same transaction as every add,
 * replace and delete. In Chromium, IndexedDB's count() walks the whole store (~90 ms on every
 * list at 10,000 articles), and summing the bytes walked every row on every popup open (schema v9
 * stores the sum).
 */
import type { ArchiveDb } from './db';

export const ARTICLE_COUNT = 'articleCount';
/** The sum of the rows' `approxBytes` (./rows.ts), from schema v9. */
export const ARCHIVE_BYTES = 'approxBytes';

export interface MetaRow {
  key: string;
  value: number;
}

/** The stored count (falling back to counting, for a database without one). */
export async function articleCount(db: ArchiveDb): Promise<number> {
  const row = await db.meta.get(ARTICLE_COUNT);
  return row?.value ?? db.articles.count();
}

/** The stored byte estimate (falling back to summing every row, for a database without one). */
export async function archiveBytes(db: ArchiveDb): Promise<number> {
  const row = await db.meta.get(ARCHIVE_BYTES);
  return row?.value ?? sumBytes(db);
}

async function sumBytes(db: ArchiveDb): Promise<number> {
  let bytes = 0;
  await db.articles.each((row) => void (bytes += row.approxBytes));
  return bytes;
}

/**
 * Add `articles` to the stored count and `bytes` to the stored size: call inside the transaction
 * that adds, replaces or deletes rows (with db.meta in its scope), after the rows changed.
 */
export async function adjustArchiveSize(db: ArchiveDb, articles: number, bytes: number): Promise<void> {
  const [count, size] = await db.meta.bulkGet([ARTICLE_COUNT, ARCHIVE_BYTES]);
  // Without a stored figure (never expected: populate and the upgrades write both), measure the
  // rows as they are now, after this transaction's change.
  const put: MetaRow[] = [];
  if (articles !== 0 || !count)
    put.push({ key: ARTICLE_COUNT, value: count ? Math.max(0, count.value + articles) : await db.articles.count() });
  if (bytes !== 0 || !size)
    put.push({ key: ARCHIVE_BYTES, value: size ? Math.max(0, size.value + bytes) : await sumBytes(db) });
  if (put.length) await db.meta.bulkPut(put);
}

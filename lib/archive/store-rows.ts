/**
 * Writing one article's rows — its summary, its body, its search words (./search-index.ts) and the
 * names of its entities — the one way
 * every writer (save, import, undo of a delete) stores an article, inside its own transaction over
 * ARTICLE_TABLES. The names table lets the popup name the entities of its filters without reading
 * a single body (an article with thousands of entities made every popup open wait for minutes).
 */
import type { ArticleEntity, EntityType } from '../article';
import { adjustArchiveSize } from './counter';
import type { ArchiveDb } from './db';
import { reindexArticles } from './entity-index';
import { articleWords, reindexWords } from './search-index';
import { countArticles, TallyBatch, uncountArticles } from './tallies';
import type { ArticleRow, BodyRow } from './types';

/** Name and type of an entity as last seen in a saved article (the `entityNames` table). */
export interface EntityNameRow {
  id: string;
  name: string;
  type: EntityType;
}

/** The tables an article write touches (pass them all to db.transaction). */
export const articleTables = (db: ArchiveDb) => [
  db.articles,
  db.bodies,
  db.meta,
  db.entityNames,
  db.facts,
  db.tallies,
  db.entityIndex,
  db.entityTotals,
  db.articleWords,
  db.tombstones,
];

export const nameRows = (entities: readonly ArticleEntity[]): EntityNameRow[] =>
  entities.map((e) => ({ id: e.id, name: e.name, type: e.type }));

export interface WriteOptions {
  /** A writer of many articles counts them in one batch and flushes it before its transaction ends. */
  batch?: TallyBatch;
  /** The recogniser version the body's entities come from, when the writer knows it (./rematch.ts). */
  matchedWith?: string;
}

/** One article to write: its summary and its body (null: a copy kept without one). */
export interface RowsToStore {
  row: ArticleRow;
  body: BodyRow | null;
}

/**
 * Write articles' rows, their entities' names, search words (./search-index.ts), counts
 * (./tallies.ts), entity index (./entity-index.ts) and the archive's size (./counter.ts) — a fixed number of bulk requests for the
 * whole set, whatever its size, so a writer of many articles (import, sync, re-match) pays per
 * article what a single save pays, not a round trip per table per article. A null body removes the
 * stored body. Call inside a transaction over articleTables(db); ids must be distinct. Without a
 * batch, the counts are written at once.
 */
export async function storeMany(
  db: ArchiveDb,
  items: readonly RowsToStore[],
  { batch, matchedWith }: WriteOptions = {},
): Promise<void> {
  if (!items.length) return;
  const ids = items.map((x) => x.row.id);
  const bodies = items.flatMap((x) => (x.body ? [x.body] : []));
  const bodiless = items.filter((x) => !x.body).map((x) => x.row.id);
  const before = await db.articles.bulkGet(ids);
  await db.articles.bulkPut(items.map((x) => x.row));
  await adjustArchiveSize(
    db,
    before.filter((row) => !row).length,
    items.reduce((n, x, i) => n + x.row.approxBytes - (before[i]?.approxBytes ?? 0), 0),
  );
  await db.tombstones.bulkDelete(ids); // written again: no longer deleted
  if (bodies.length) await db.bodies.bulkPut(bodies);
  if (bodiless.length) await db.bodies.bulkDelete(bodiless);
  const names = new Map(bodies.flatMap((b) => nameRows(b.entities)).map((n) => [n.id, n]));
  if (names.size) await db.entityNames.bulkPut([...names.values()]);
  await reindexWords(
    db,
    items.map(({ row, body }) => ({
      id: row.id,
      next: articleWords(row.id, row.savedAt, row.title, row.lead, body?.text ?? ''),
    })),
  );
  const tallies = batch ?? new TallyBatch(db);
  const counted = await countArticles(
    db,
    items.map(({ row, body }) => ({ row, entities: body?.entities ?? [] })),
    tallies,
    matchedWith,
  );
  await reindexArticles(
    db,
    counted.map(({ previous, fact }) => ({ previous, next: fact })),
  );
  if (!batch) await tallies.flush();
}

/** Put one article's rows (storeMany of one). */
export const storeRows = (db: ArchiveDb, row: ArticleRow, body: BodyRow | null, options: WriteOptions = {}) =>
  storeMany(db, [{ row, body }], options);

/** Remove articles' rows and their counts (inside a transaction over articleTables(db)); batch: as storeMany. */
export async function removeMany(db: ArchiveDb, ids: readonly string[], { batch }: WriteOptions = {}): Promise<void> {
  if (!ids.length) return;
  const rows = (await db.articles.bulkGet([...ids])).filter((row) => row !== undefined);
  await db.articles.bulkDelete([...ids]);
  await adjustArchiveSize(db, -rows.length, -rows.reduce((n, row) => n + row.approxBytes, 0));
  await db.bodies.bulkDelete([...ids]);
  await reindexWords(
    db,
    ids.map((id) => ({ id, next: undefined })),
  );
  const tallies = batch ?? new TallyBatch(db);
  const previous = await uncountArticles(db, ids, tallies);
  await reindexArticles(
    db,
    previous.map((p) => ({ previous: p, next: undefined })),
  );
  if (!batch) await tallies.flush();
}

/** Remove one article's rows (removeMany of one). */
export const removeRows = (db: ArchiveDb, id: string, options: WriteOptions = {}) => removeMany(db, [id], options);

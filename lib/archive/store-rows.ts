/**
 * Writing one article's rows — its summary, its body and the names of its entities — the one way
 * every writer (save, import, undo of a delete) stores an article, inside its own transaction over
 * ARTICLE_TABLES. The names table lets the popup name the entities of its filters without reading
 * a single body (an article with thousands of entities made every popup open wait for minutes).
 */
import type { ArticleEntity, EntityType } from '../article';
import type { ArchiveDb } from './db';
import { reindexArticle } from './entity-index';
import { countArticle, TallyBatch, uncountArticle } from './tallies';
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

/**
 * Put both rows, the entities' names and the article's counts (./tallies.ts); a null body (a
 * copy kept without one) removes the stored body. Call inside a transaction over articleTables(db).
 * Without a batch, the counts are written at once.
 */
export async function storeRows(
  db: ArchiveDb,
  row: ArticleRow,
  body: BodyRow | null,
  { batch, matchedWith }: WriteOptions = {},
): Promise<void> {
  await db.articles.put(row);
  await db.tombstones.delete(row.id); // written again: no longer deleted
  if (body) {
    await db.bodies.put(body);
    await db.entityNames.bulkPut(nameRows(body.entities));
  } else await db.bodies.delete(row.id);
  const tallies = batch ?? new TallyBatch(db);
  const { previous, fact } = await countArticle(db, row, body?.entities ?? [], tallies, matchedWith);
  await reindexArticle(db, previous, fact);
  if (!batch) await tallies.flush();
}

/** Remove an article's rows and its counts (inside a transaction over articleTables(db)); batch: as storeRows. */
export async function removeRows(db: ArchiveDb, id: string, { batch }: WriteOptions = {}): Promise<void> {
  await db.articles.delete(id);
  await db.bodies.delete(id);
  const tallies = batch ?? new TallyBatch(db);
  await reindexArticle(db, await uncountArticle(db, id, tallies), undefined);
  if (!batch) await tallies.flush();
}

/** Reading one article, deleting it and undoing the delete. */
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import { joinRows } from './rows';
import { articleTables, removeRows, storeRows } from './store-rows';
import { addTombstone } from './tombstones';
import type { ArticleRow, BodyRow, StoredArticle } from './types';

/** Everything a delete removed: hand it back to restoreArticle to undo. */
export interface DeletedArticle {
  kind: 'vietlao-deleted-article';
  deletedAt: string;
  row: ArticleRow;
  body: BodyRow | null;
}

export type RestoreStatus = 'restored' | 'superseded';

/** One saved article with its body, or null when there is none with this id. */
export async function getArticle(db: ArchiveDb, id: string): Promise<StoredArticle | null> {
  try {
    return await db.transaction('r', db.articles, db.bodies, async () => {
      const [row, body] = await Promise.all([db.articles.get(id), db.bodies.get(id)]);
      if (!row) return null;
      return joinRows(row, body ?? { id, text: '', contentHtml: '', entities: [] });
    });
  } catch (error) {
    throw toArchiveError(error, 'read the article');
  }
}

/** Delete an article (both tables, one transaction); returns the undo record, or null if it was not there. */
export async function deleteArticle(db: ArchiveDb, id: string, now: Date = new Date()): Promise<DeletedArticle | null> {
  try {
    return await db.transaction('rw', articleTables(db), async (): Promise<DeletedArticle | null> => {
      const [row, body] = await Promise.all([db.articles.get(id), db.bodies.get(id)]);
      if (!row) return null;
      await removeRows(db, id);
      const deletedAt = now.toISOString();
      await addTombstone(db, { id, canonicalUrl: row.canonicalUrl, deletedAt });
      return { kind: 'vietlao-deleted-article', deletedAt, row, body: body ?? null };
    });
  } catch (error) {
    throw toArchiveError(error, 'delete the article');
  }
}

/**
 * Undo a delete. When the same page was saved again in the meantime, the newer copy is kept
 * and the result is 'superseded'.
 */
export async function restoreArticle(db: ArchiveDb, record: DeletedArticle): Promise<RestoreStatus> {
  try {
    return await db.transaction('rw', articleTables(db), async (): Promise<RestoreStatus> => {
      const current = await db.articles.where('canonicalUrl').equals(record.row.canonicalUrl).first();
      if (current) return 'superseded';
      await storeRows(db, record.row, record.body); // (an import may have reused the id: replaced, not added)
      return 'restored';
    });
  } catch (error) {
    throw toArchiveError(error, 'restore the article');
  }
}

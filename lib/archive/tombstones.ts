/**
 * Tombstones: the record that the user deleted an article, kept so a sync (lib/sync/) deletes it on
 * the server and on the user's other browsers instead of pulling it back. A delete writes one; any
 * later write of the same article (saved again, imported, restored by undo) removes it. And the
 * server's files as the last sync saw them (name → ETag and the content's updatedAt), so the next
 * sync reads and writes only what changed.
 */
import type { ArchiveDb } from './db';

export interface TombstoneRow {
  id: string;
  canonicalUrl: string;
  /** ISO 8601: when the user deleted it (a newer copy elsewhere wins over the delete). */
  deletedAt: string;
}

export interface RemoteFileRow {
  /** The file's path inside the sync folder, e.g. `articles/<id>.json`. */
  name: string;
  etag: string | null;
  /** The updatedAt (articles) or deletedAt (tombstones) of the content at that ETag. */
  stamp: string;
}

/** Record a delete (inside a transaction over articleTables(db)). */
export async function addTombstone(db: ArchiveDb, row: TombstoneRow): Promise<void> {
  await db.tombstones.put(row);
}

/** Tombstones recorded after `after` (ISO 8601; '' for all), oldest first. */
export function tombstonesSince(db: ArchiveDb, after: string): Promise<TombstoneRow[]> {
  return db.tombstones.where('deletedAt').above(after).sortBy('deletedAt');
}

/**
 * The record of an import being written, kept in the archive itself (rows of the `meta` table):
 * each chunk's transaction adds what undoing that chunk needs, and the transaction of the last
 * chunk, or of the rollback, removes the record. An import stopped halfway with the background
 * (Chrome stops an idle service worker; the browser closes or crashes) leaves it behind, and the
 * next start takes that import back with it (recoverImport): the archive is fully imported or
 * untouched even then, not only when the import itself sees its failure.
 */
import type { MetaRow } from './counter';
import type { ArchiveDb } from './db';
import { undoImport, type ImportChange, type ImportUndo } from './import-undo';
import { articleTables } from './store-rows';

const PREFIX = 'importJournal:';

/** One chunk's undo entries (`value`: the chunk's number, in the order they were written). */
interface JournalRow extends MetaRow {
  changes: ImportChange[];
  names: NonNullable<ImportUndo['names']>;
}

const keyOf = (chunk: number) => `${PREFIX}${String(chunk).padStart(9, '0')}`;
const journalRows = (db: ArchiveDb) => db.meta.where(':id').startsWith(PREFIX);

/** Record one chunk's undo entries: call inside the chunk's transaction. */
export async function journalChunk(
  db: ArchiveDb,
  chunk: number,
  changes: ImportChange[],
  names: NonNullable<ImportUndo['names']>,
): Promise<void> {
  const row: JournalRow = { key: keyOf(chunk), value: chunk, changes, names };
  await db.meta.put(row);
}

/** Forget the record (the import is complete, or taken back): call inside that transaction. */
export async function clearJournal(db: ArchiveDb): Promise<void> {
  await journalRows(db).delete();
}

/**
 * Take back an import a stopped background left halfway, in one transaction with the removal of
 * its record; the number of its writes taken back (0: there was none). Call through the write queue.
 */
export async function recoverImport(db: ArchiveDb): Promise<number> {
  return db.transaction('rw', articleTables(db), async () => {
    // the rows under PREFIX are all journal rows, written by journalChunk
    const rows = (await journalRows(db).toArray()) as JournalRow[];
    if (!rows.length) return 0;
    const undo: ImportUndo = {
      kind: 'vietlao-import-undo',
      changes: rows.flatMap((r) => r.changes),
      names: rows.flatMap((r) => r.names),
    };
    await undoImport(db, undo, { exact: true });
    await clearJournal(db);
    return undo.changes.length;
  });
}

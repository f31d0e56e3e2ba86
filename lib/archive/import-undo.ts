/**
 * Undoing an import: the copies an import replaced are kept (in the background, for a few
 * minutes) so the user can take the import back from the popup — replaced copies restored,
 * added articles removed. Whatever changed since the import (saved again, deleted) is left as it is.
 */
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import type { ArticleRow, BodyRow } from './types';
import { articleTables, removeRows, storeRows, type EntityNameRow } from './store-rows';
import { TallyBatch } from './tallies';
import type { TombstoneRow } from './tombstones';

/** Which version the import wrote: undo only touches a row that is still that version. */
export interface ImportedCopy {
  id: string;
  updatedAt: string;
  contentHash: string;
}

/**
 * One write of an import: an article added (with the tombstone it removed, when the user had
 * deleted that page: undo deletes it again, so a sync still knows), or a stored copy replaced (the
 * previous copy kept, with the recogniser version its entities came from: undo does not make the
 * re-match redo it).
 */
export type ImportChange =
  | { kind: 'added'; imported: ImportedCopy; tombstone?: TombstoneRow }
  | {
      kind: 'replaced';
      imported: ImportedCopy;
      previous: { row: ArticleRow; body: BodyRow | null; matchedWith?: string };
    };

/** Everything an import changed, in the order it was written, to hand back to undoImport. */
export interface ImportUndo {
  kind: 'vietlao-import-undo';
  changes: ImportChange[];
  /**
   * The entity names the import overwrote or added, as they were before it (null: none). Only the
   * import's own rollback puts them back (`exact`): an undo minutes later keeps names as last seen.
   */
  names?: { id: string; previous: EntityNameRow | null }[];
}

export interface UndoImportOptions {
  /** The import's own rollback: the entity names go back too (those no article mentions any more). */
  exact?: boolean;
}

export interface UndoImportResult {
  /** Added articles removed. */
  removed: number;
  /** Replaced copies put back. */
  restored: number;
  /** Articles changed since the import (saved again), left as they are. */
  kept: number;
}

const isImported = (row: ArticleRow | undefined, copy: ImportedCopy): boolean =>
  row !== undefined && row.updatedAt === copy.updatedAt && row.contentHash === copy.contentHash;

/** Take an import back, in one transaction. */
export async function undoImport(
  db: ArchiveDb,
  undo: ImportUndo,
  { exact = false }: UndoImportOptions = {},
): Promise<UndoImportResult> {
  try {
    return await db.transaction('rw', articleTables(db), async (): Promise<UndoImportResult> => {
      const result: UndoImportResult = { removed: 0, restored: 0, kept: 0 };
      const tallies = new TallyBatch(db);
      // newest write first: a file naming one page twice added it, then replaced it
      for (const change of [...undo.changes].reverse()) {
        const { imported } = change;
        const current = await db.articles.get(imported.id);
        if (!current) continue; // deleted since: nothing to take back
        if (!isImported(current, imported)) {
          result.kept += 1;
          continue;
        }
        if (change.kind === 'added') {
          await removeRows(db, imported.id, { batch: tallies });
          if (change.tombstone) await db.tombstones.put(change.tombstone);
          result.removed += 1;
        } else {
          const { row, body, matchedWith } = change.previous;
          await storeRows(db, row, body, { batch: tallies, ...(matchedWith ? { matchedWith } : {}) });
          result.restored += 1;
        }
      }
      await tallies.flush();
      if (exact && undo.names?.length) {
        // a name the import brought stays while an article (saved meanwhile) still mentions its entity
        const added = undo.names.filter((n) => !n.previous).map((n) => n.id);
        const mentioned = await db.entityTotals.bulkGet(added);
        await db.entityNames.bulkDelete(added.filter((_, i) => !mentioned[i]));
        await db.entityNames.bulkPut(undo.names.flatMap((n) => (n.previous ? [n.previous] : [])));
      }
      return result;
    });
  } catch (error) {
    throw toArchiveError(error, 'undo the import');
  }
}

/**
 * Undoing an import: the copies an import replaced are kept (in the background, for a few
 * minutes) so the user can take the import back from the popup — replaced copies restored,
 * added articles removed. Whatever changed since the import (saved again, deleted) is left as it is.
 */
import { adjustArticleCount } from './counter';
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import type { ArticleRow, BodyRow } from './types';
import { articleTables, removeRows, storeRows } from './store-rows';
import { TallyBatch } from './tallies';

/** Which version the import wrote: undo only touches a row that is still that version. */
export interface ImportedCopy {
  id: string;
  updatedAt: string;
  contentHash: string;
}

/** One write of an import: an article added, or a stored copy replaced (the previous copy kept). */
export type ImportChange =
  | { kind: 'added'; imported: ImportedCopy }
  | { kind: 'replaced'; imported: ImportedCopy; previous: { row: ArticleRow; body: BodyRow | null } };

/** Everything an import changed, in the order it was written, to hand back to undoImport. */
export interface ImportUndo {
  kind: 'vietlao-import-undo';
  changes: ImportChange[];
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
export async function undoImport(db: ArchiveDb, undo: ImportUndo): Promise<UndoImportResult> {
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
          result.removed += 1;
        } else {
          await storeRows(db, change.previous.row, change.previous.body, { batch: tallies });
          result.restored += 1;
        }
      }
      await tallies.flush();
      await adjustArticleCount(db, -result.removed);
      return result;
    });
  } catch (error) {
    throw toArchiveError(error, 'undo the import');
  }
}

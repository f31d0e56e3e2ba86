/** Public API of the archive layer. */
export { ArchiveDb, DB_NAME, MIGRATIONS, SCHEMA_VERSION, openArchive } from './db';
export type { ArchiveDbOptions, Migration } from './db';
export { ArchiveError, isQuotaError } from './errors';
export type { ArchiveErrorCode } from './errors';
export { canonicalizeUrl, tryCanonicalizeUrl } from './url';
export { saveArticle, undoReplace } from './save';
export type { ReplacedCopy, SaveResult, SaveStatus, UndoReplaceStatus } from './save';
export { listArticles, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query';
export type { ListOptions, ListResult, ListSort } from './query';
export { getArticle, deleteArticle, restoreArticle } from './articles';
export type { DeletedArticle, RestoreStatus } from './articles';
export { archiveStats, listSites, listEntities } from './stats';
export type { ArchiveStats, EntityCount, SiteCount } from './stats';
export { createWriteQueue, serialize } from './write-queue';
export type { WriteQueue } from './write-queue';
export type { ArticleSummary, StoredArticle, TopEntity } from './types';
export {
  exportArchive,
  exportWallabag,
  exportFileName,
  toExportedArticle,
  toWallabagEntry,
  EXPORT_PAGE_SIZE,
} from './export';
export type { ExportOptions, ExportProgress } from './export';
export { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, GENERATOR } from './file-format';
export type { ArchiveFile, ExportedArticle, ExportedEntity, ExportedMention, WallabagEntry } from './file-format';
export { importArchive } from './import';
export type { BodySanitizer, ImportOptions, ImportPhase, ImportResult } from './import';
export { undoImport } from './import-undo';
export { recoverImport } from './import-journal';
export type { ImportChange, ImportedCopy, ImportUndo, UndoImportResult } from './import-undo';
export { realHost } from './fields';
export { ImportError } from './import-error';
export type { ImportErrorCode } from './import-error';

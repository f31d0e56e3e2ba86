/**
 * The analysts' export formats (issue 14.5), by id, and the two ways to run them: on the archive
 * database (the popup: all articles or a filter's) and on an archive file's articles (the CLI,
 * lib/cli/export.ts). Both write the same ExportedArticle objects the JSON export writes.
 */
import type { ArchiveDb } from '@/lib/archive/db';
import type { ExportProgress } from '@/lib/archive/export';
import type { ExportedArticle } from '@/lib/archive/file-format';
import { articlesCsv } from './articles-csv';
import { cslJson } from './csl';
import { databasePages, filePages, writeExport, type ExportFormat, type FormatId } from './format';
import { markdownZip } from './markdown';
import { mentionsCsv } from './mentions-csv';
import { ris } from './ris';

export type { ExportFormat, FormatId } from './format';

/** In the order the popup offers them. */
export const FORMATS: readonly ExportFormat[] = [articlesCsv, mentionsCsv, markdownZip, cslJson, ris];
export const FORMAT_IDS: readonly FormatId[] = FORMATS.map((f) => f.id);

export function formatById(id: string): ExportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The archive (every article, or only the ids given) in one format, newest first. */
export function exportDatabaseAs(
  db: ArchiveDb,
  format: ExportFormat,
  options: { only?: ReadonlySet<string> | null; onProgress?: (p: ExportProgress) => void } = {},
): Promise<Blob> {
  return writeExport(format, databasePages(db, options));
}

/** An archive file's articles in one format, in the file's order. */
export function exportArticlesAs(articles: readonly ExportedArticle[], format: ExportFormat): Promise<Blob> {
  return writeExport(format, filePages(articles));
}

/**
 * The download's name: vietlao-YYYY-MM-DD-articles.csv (local day), vietlao-YYYY-MM-DD-filtered-
 * articles.csv for a filter's articles, so the two are told apart in the downloads folder.
 */
export function formatFileName(format: ExportFormat, date: Date = new Date(), filtered = false): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `vietlao-${day}-${filtered ? 'filtered-' : ''}${format.suffix}`;
}

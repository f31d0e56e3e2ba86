/**
 * What every analysts' export format shares: the pages of articles it is written from (the same
 * ExportedArticle objects the JSON export writes, from the database or from an archive file),
 * the writer each format implements, and the loop that turns pages into Blob parts — one Blob
 * per page, so the strings of a page can be collected before the next is read.
 */
import type { ExportedArticle } from '@/lib/archive/file-format';
import { EXPORT_PAGE_SIZE, storedPages, toExportedArticle, type ExportProgress } from '@/lib/archive/export';
import type { ArchiveDb } from '@/lib/archive/db';
import { VIETNAM_OFFSET_MINUTES } from '@/lib/clean/dates';

export type FormatId = 'csv' | 'mentions-csv' | 'md' | 'csl' | 'ris';

/** Pages of articles, newest first. */
export type ArticlePages = AsyncIterable<readonly ExportedArticle[]>;

/** One format's writer: called once per page, then once at the end; returns the bytes to append. */
export interface FormatWriter {
  page(articles: readonly ExportedArticle[]): BlobPart[];
  end(): BlobPart[];
}

export interface ExportFormat {
  id: FormatId;
  /** The download's name ends with this (after vietlao-…-YYYY-MM-DD). */
  suffix: string;
  mime: string;
  create(): FormatWriter;
}

/** The stored articles (all, or the ids in `only`) as export objects, one database page at a time. */
export async function* databasePages(
  db: ArchiveDb,
  options: { only?: ReadonlySet<string> | null; onProgress?: (p: ExportProgress) => void } = {},
): ArticlePages {
  for await (const page of storedPages(db, options)) {
    const out: ExportedArticle[] = [];
    for (const a of page) out.push(await toExportedArticle(a));
    yield out;
  }
}

/** An archive file's articles (already read and validated) in pages of EXPORT_PAGE_SIZE. */
export async function* filePages(articles: readonly ExportedArticle[]): ArticlePages {
  for (let at = 0; at < articles.length; at += EXPORT_PAGE_SIZE) yield articles.slice(at, at + EXPORT_PAGE_SIZE);
}

/** Run a format over the pages: one Blob per page, then the writer's ending. */
export async function writeExport(format: ExportFormat, pages: ArticlePages): Promise<Blob> {
  const writer = format.create();
  const parts: Blob[] = [];
  for await (const page of pages) {
    const bytes = writer.page(page);
    if (bytes.length > 0) parts.push(new Blob(bytes));
  }
  parts.push(new Blob(writer.end()));
  return new Blob(parts, { type: format.mime });
}

/**
 * The calendar day of an ISO date-time in Vietnam time (UTC+7), as [year, month, day]: the day
 * the Vietnamese page printed, whatever offset the stored value carries. Null when not a date.
 */
export function vietnamDay(iso: string | null): [number, number, number] | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
}

/** Text on one line: the line-based formats (RIS) cannot carry a newline inside a value. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/** Exporting the archive as a JSON file, built page by page into a Blob. */
import type { ArticleEntity } from '../article';
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  GENERATOR,
  type ExportedArticle,
  type ExportedEntity,
  type WallabagEntry,
} from './file-format';
import { joinRows } from './rows';
import type { StoredArticle } from './types';

/** Articles read (and serialised) per page. */
export const EXPORT_PAGE_SIZE = 100;

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
  /** Defaults to now (tests pass a fixed date). */
  now?: Date;
}

function exportEntity(e: ArticleEntity): ExportedEntity {
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    ...(e.country === undefined ? {} : { country: e.country }),
    listed: e.listed,
    mentions: e.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      surface: m.surface,
      type: m.type,
      ...(m.title === undefined ? {} : { title: m.title }),
    })),
  };
}

/** One stored article in export form (fixed field order). */
export function toExportedArticle(a: StoredArticle): ExportedArticle {
  return {
    id: a.id,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    site: a.site,
    siteName: a.siteName,
    title: a.title,
    lead: a.lead,
    byline: a.byline,
    publishedAt: a.publishedAt,
    savedAt: a.savedAt,
    updatedAt: a.updatedAt,
    lang: a.lang,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    leadImage: a.leadImage,
    text: a.text,
    contentHtml: a.contentHtml,
    contentHash: a.contentHash,
    entities: a.entities.map(exportEntity),
    tags: a.tags,
  };
}

/** One stored article as a Wallabag v2 entry. */
export function toWallabagEntry(a: StoredArticle): WallabagEntry {
  return {
    url: a.url,
    title: a.title,
    content: a.contentHtml,
    is_archived: 0,
    is_starred: 0,
    tags: a.tags,
    published_at: a.publishedAt,
    published_by: a.byline ? [a.byline] : [],
    reading_time: a.readingMinutes,
    domain_name: a.site,
    preview_picture: a.leadImage,
    language: a.lang,
    created_at: a.savedAt,
    updated_at: a.updatedAt,
  };
}

/**
 * Every stored article, newest first, in pages of EXPORT_PAGE_SIZE: each page becomes one
 * Blob of serialised items joined by `,\n`, so the archive is never one string in memory.
 */
async function pagedParts(
  db: ArchiveDb,
  serialise: (a: StoredArticle) => string,
  onProgress?: (p: ExportProgress) => void,
): Promise<Blob[]> {
  const ids: string[] = await db.articles.orderBy('savedAt').reverse().primaryKeys();
  const parts: Blob[] = [];
  let done = 0;
  onProgress?.({ done, total: ids.length });
  for (let at = 0; at < ids.length; at += EXPORT_PAGE_SIZE) {
    const pageIds = ids.slice(at, at + EXPORT_PAGE_SIZE);
    const [rows, bodies] = await db.transaction('r', db.articles, db.bodies, () =>
      Promise.all([db.articles.bulkGet(pageIds), db.bodies.bulkGet(pageIds)]),
    );
    const items: string[] = [];
    rows.forEach((row, i) => {
      const body = bodies[i];
      if (row && body) items.push(serialise(joinRows(row, body)));
    });
    if (items.length > 0) parts.push(new Blob([parts.length > 0 ? ',\n' : '', items.join(',\n')]));
    done += pageIds.length;
    onProgress?.({ done, total: ids.length });
  }
  return parts;
}

/** The whole archive as a `vietlao-reader-archive` JSON Blob (see archive.schema.json). */
export async function exportArchive(db: ArchiveDb, options: ExportOptions = {}): Promise<Blob> {
  try {
    const head = {
      format: EXPORT_FORMAT,
      schemaVersion: EXPORT_SCHEMA_VERSION,
      exportedAt: (options.now ?? new Date()).toISOString(),
      generator: GENERATOR,
    };
    const opening = `${JSON.stringify(head).slice(0, -1)},"articles":[\n`;
    const parts = await pagedParts(db, (a) => JSON.stringify(toExportedArticle(a)), options.onProgress);
    return new Blob([opening, ...parts, '\n]}\n'], { type: 'application/json' });
  } catch (error) {
    throw toArchiveError(error, 'export the archive');
  }
}

/** The whole archive as a Wallabag v2 JSON array Blob (for importing into Wallabag). */
export async function exportWallabag(db: ArchiveDb, options: ExportOptions = {}): Promise<Blob> {
  try {
    const parts = await pagedParts(db, (a) => JSON.stringify(toWallabagEntry(a)), options.onProgress);
    return new Blob(['[\n', ...parts, '\n]\n'], { type: 'application/json' });
  } catch (error) {
    throw toArchiveError(error, 'export the archive for Wallabag');
  }
}

/** The download name of an export made on `date` (local day): vietlao-archive-YYYY-MM-DD.json. */
export function exportFileName(date: Date = new Date(), kind: 'archive' | 'wallabag' = 'archive'): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return kind === 'archive' ? `vietlao-archive-${day}.json` : `vietlao-wallabag-${day}.json`;
}

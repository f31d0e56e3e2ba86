/**
 * Exporting the archive as a JSON file (or Wallabag's), built page by page into a Blob. Every
 * value is checked again on the way out, so a file written here imports cleanly and carries
 * nothing a stored copy from an older version (or a bug) might hold: addresses that are not
 * http(s) or carry a user name, a site or language with markup, bidi controls in titles and
 * names (lib/text/bidi.ts), more entities or mentions than an import accepts (lib/limits.ts).
 */
import type { ArticleEntity } from '../article';
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import { realHost, siteProblem, validLang, validWebUrl, validRule } from './fields';
import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  GENERATOR,
  type ExportedArticle,
  type ExportedEntity,
  type WallabagEntry,
  type PersonalData,
} from './file-format';
import { contentHash } from './hash';
import { joinRows } from './rows';
import type { StoredArticle } from './types';
import { MAX_ENTITIES, MAX_MENTIONS } from '@/lib/limits';
import { stripBidiControls } from '@/lib/text/bidi';

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
  /** The user's own settings to carry along (schema version 3). */
  personal?: PersonalData;
}

/** The article's entities as an import accepts them: at most MAX_ENTITIES, MAX_MENTIONS mentions in all. */
function exportEntities(entities: readonly ArticleEntity[]): ExportedEntity[] {
  const out: ExportedEntity[] = [];
  let room = MAX_MENTIONS;
  for (const e of entities.slice(0, MAX_ENTITIES)) {
    const mentions = e.mentions.slice(0, room);
    room -= mentions.length;
    out.push({
      id: e.id,
      name: stripBidiControls(e.name),
      type: e.type,
      ...(e.country === undefined ? {} : { country: e.country }),
      listed: e.listed,
      mentions: mentions.map((m) => ({
        start: m.start,
        end: m.end,
        surface: m.surface,
        type: m.type,
        ...(m.title === undefined ? {} : { title: stripBidiControls(m.title) }),
        ...(m.confidence === undefined ? {} : { confidence: m.confidence }),
      })),
    });
  }
  return out;
}

/**
 * A stored article with every field checked for the way out: url falls back to the canonical
 * URL, leadImage to null, site to the canonical URL's host, lang to FALLBACK_LANG; titles and
 * names lose their bidi controls.
 */
export function checkedForExport(a: StoredArticle): StoredArticle {
  const canonicalUrl = validWebUrl(a.canonicalUrl) ?? a.canonicalUrl; // canonicalizeUrl made it: no user name, http(s)
  const host = realHost(canonicalUrl)?.replace(/^www\./, '') ?? '';
  return {
    ...a,
    url: validWebUrl(a.url) ?? canonicalUrl,
    canonicalUrl,
    site: siteProblem(a.site) === null ? a.site : host,
    siteName: stripBidiControls(a.siteName),
    title: stripBidiControls(a.title),
    byline: a.byline === null ? null : stripBidiControls(a.byline),
    lang: validLang(a.lang),
    leadImage: validWebUrl(a.leadImage),
    tags: a.tags.map(stripBidiControls),
  };
}

/** One stored article in export form (fixed field order), its values checked (checkedForExport). */
export async function toExportedArticle(stored: StoredArticle): Promise<ExportedArticle> {
  const a = checkedForExport(stored);
  const hash = a.title === stored.title ? a.contentHash : await contentHash(a.title, a.lead, a.text);
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
    contentHash: hash,
    entities: exportEntities(a.entities),
    tags: a.tags,
    rule: validRule(a.rule),
  };
}

/** One stored article as a Wallabag v2 entry, its values checked (checkedForExport). */
export function toWallabagEntry(stored: StoredArticle): WallabagEntry {
  const a = checkedForExport(stored);
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
 * The stored articles, newest first (savedAt descending), in pages of EXPORT_PAGE_SIZE, each page
 * read in one transaction: every export (JSON here, the analysts' formats in lib/export-formats/)
 * walks the archive this way, so it never holds more than one page of bodies. `only`: the ids to
 * keep (a filter's matches); null or absent: every article.
 */
export async function* storedPages(
  db: ArchiveDb,
  options: { only?: ReadonlySet<string> | null; onProgress?: (p: ExportProgress) => void } = {},
): AsyncGenerator<StoredArticle[]> {
  const all: string[] = await db.articles.orderBy('savedAt').reverse().primaryKeys();
  const only = options.only;
  const ids = only ? all.filter((id) => only.has(id)) : all;
  let done = 0;
  options.onProgress?.({ done, total: ids.length });
  for (let at = 0; at < ids.length; at += EXPORT_PAGE_SIZE) {
    const pageIds = ids.slice(at, at + EXPORT_PAGE_SIZE);
    const [rows, bodies] = await db.transaction('r', db.articles, db.bodies, () =>
      Promise.all([db.articles.bulkGet(pageIds), db.bodies.bulkGet(pageIds)]),
    );
    const page: StoredArticle[] = [];
    for (const [i, row] of rows.entries()) {
      const body = bodies[i];
      if (row && body) page.push(joinRows(row, body));
    }
    yield page;
    done += pageIds.length;
    options.onProgress?.({ done, total: ids.length });
  }
}

/**
 * Every stored article, newest first, in pages of EXPORT_PAGE_SIZE: each page becomes one
 * Blob of serialised items joined by `,\n`, so the archive is never one string in memory.
 */
async function pagedParts(
  db: ArchiveDb,
  serialise: (a: StoredArticle) => string | Promise<string>,
  onProgress?: (p: ExportProgress) => void,
): Promise<Blob[]> {
  const parts: Blob[] = [];
  for await (const page of storedPages(db, { onProgress })) {
    const items: string[] = [];
    for (const a of page) items.push(await serialise(a));
    if (items.length > 0) parts.push(new Blob([parts.length > 0 ? ',\n' : '', items.join(',\n')]));
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
      ...(options.personal ? { personal: options.personal } : {}),
    };
    const opening = `${JSON.stringify(head).slice(0, -1)},"articles":[\n`;
    const parts = await pagedParts(db, async (a) => JSON.stringify(await toExportedArticle(a)), options.onProgress);
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

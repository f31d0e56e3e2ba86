/**
 * Importing an archive file: validate every field, sanitise every body (with the sanitiser the
 * caller provides: the background's sanitizeBodies, lib/background/sanitize-host.ts, the same in
 * both browsers), then merge by canonical URL in one transaction, keeping what is needed to undo it.
 */
import { adjustArticleCount } from './counter';
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import type { ExportedArticle, PersonalData } from './file-format';
import { articleIdFor, contentHash } from './hash';
import { ImportError, importErrorFrom, parseError, sanitizeError } from './import-error';
import { buildRows } from './rows';
import { articleTables, storeRows } from './store-rows';
import { TallyBatch } from './tallies';
import type { ArticleRecord } from './types';
import { canonicalizeUrl } from './url';
import { Invalid, readArchiveFile } from './import-validation';
import type { ImportUndo } from './import-undo';

/**
 * Sanitises article bodies with lib/html/sanitize.ts sanitizeHtml, one result per input, in order
 * (asynchronous: in Chrome the background's DOM is an offscreen document).
 */
export type BodySanitizer = (htmls: readonly string[]) => Promise<string[]>;

export interface ImportResult {
  added: number;
  /** Stored copies replaced by a newer one from the file. */
  updated: number;
  skipped: number;
  /** What undoImport needs to take this import back. */
  undo: ImportUndo;
  /** The file's `personal` object (schema version 3), for the caller to store. */
  personal?: PersonalData;
}

interface Prepared {
  record: ArticleRecord;
  fallbackId: string;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw parseError(text, error);
  }
}

async function prepare(a: ExportedArticle, index: number, contentHtml: string): Promise<Prepared> {
  let canonicalUrl: string;
  try {
    canonicalUrl = canonicalizeUrl(a.canonicalUrl);
  } catch {
    throw importErrorFrom(new Invalid('invalid', ['articles', index, 'canonicalUrl'], 'is not a valid http(s) URL'));
  }
  const entities = a.entities.map((e) => ({
    ...e,
    mentions: e.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      surface: m.surface,
      entityId: e.id,
      type: m.type,
      // A spelling linked by pronunciation is no listed spelling, whatever its entity is.
      listed: e.listed && m.confidence === undefined,
      ...(m.title === undefined ? {} : { title: m.title }),
      ...(m.confidence === undefined ? {} : { confidence: m.confidence }),
    })),
  }));
  const record: ArticleRecord = {
    ...a,
    canonicalUrl,
    contentHtml,
    contentHash: await contentHash(a.title, a.lead, a.text),
    entities,
  };
  return { record, fallbackId: await articleIdFor(canonicalUrl) };
}

/** Every body sanitised, one for one; a sanitiser that fails or loses a body refuses the import. */
async function sanitizeAll(articles: readonly ExportedArticle[], sanitize: BodySanitizer): Promise<string[]> {
  let bodies: string[];
  try {
    bodies = await sanitize(articles.map((a) => a.contentHtml));
  } catch (error) {
    throw sanitizeError(error);
  }
  if (bodies.length !== articles.length || bodies.some((b) => typeof b !== 'string'))
    throw sanitizeError(new Error(`${bodies.length} bodies came back for ${articles.length} articles`));
  return bodies;
}

/**
 * Import a `vietlao-reader-archive` file. Every article is validated first; on any problem
 * an ImportError is thrown and nothing is written. Every body goes through `sanitize`. Valid
 * files merge by canonical URL in one transaction: a newer updatedAt replaces the stored copy
 * (kept in the result's `undo`), an equal or older one is skipped.
 */
export async function importArchive(
  db: ArchiveDb,
  input: string | Blob,
  sanitize: BodySanitizer,
): Promise<ImportResult> {
  const text = typeof input === 'string' ? input : await input.text();
  let articles: ExportedArticle[];
  let personal: PersonalData | undefined;
  try {
    ({ articles, personal } = readArchiveFile(parse(text)));
  } catch (error) {
    if (error instanceof Invalid) throw importErrorFrom(error);
    throw error;
  }
  const bodies = await sanitizeAll(articles, sanitize);
  const prepared: Prepared[] = [];
  for (const [i, a] of articles.entries()) prepared.push(await prepare(a, i, bodies[i]!));
  try {
    return await db.transaction('rw', articleTables(db), async (): Promise<ImportResult> => {
      const undo: ImportUndo = { kind: 'vietlao-import-undo', changes: [] };
      const result: ImportResult = { added: 0, updated: 0, skipped: 0, undo, ...(personal ? { personal } : {}) };
      const tallies = new TallyBatch(db);
      for (const { record, fallbackId } of prepared) {
        const existing = await db.articles.where('canonicalUrl').equals(record.canonicalUrl).first();
        if (existing && Date.parse(record.updatedAt) <= Date.parse(existing.updatedAt)) {
          result.skipped += 1;
          continue;
        }
        let id = existing?.id ?? record.id;
        if (!existing && (await db.articles.get(id))) id = fallbackId;
        const { row, body } = buildRows({ ...record, id });
        const imported = { id, updatedAt: row.updatedAt, contentHash: row.contentHash };
        undo.changes.push(
          existing
            ? { kind: 'replaced', imported, previous: { row: existing, body: (await db.bodies.get(id)) ?? null } }
            : { kind: 'added', imported },
        );
        await storeRows(db, row, body, { batch: tallies });
        result[existing ? 'updated' : 'added'] += 1;
      }
      await tallies.flush();
      await adjustArticleCount(db, result.added);
      return result;
    });
  } catch (error) {
    const archiveError = toArchiveError(error, 'import the archive');
    throw new ImportError({
      code: archiveError.code === 'quota' ? 'quota' : 'storage',
      message: `${archiveError.message.replace(/ Nothing was changed\.$/, '')} Nothing was imported.`,
      messageVi:
        archiveError.code === 'quota'
          ? 'Bộ nhớ của trình duyệt đã đầy. Chưa nhập gì.'
          : 'Lỗi bộ nhớ lưu trữ. Chưa nhập gì.',
      cause: error,
    });
  }
}

/** Importing an archive file: validate everything, then merge by canonical URL in one transaction. */
import { adjustArticleCount } from './counter';
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import type { ExportedArticle } from './file-format';
import { articleIdFor, contentHash } from './hash';
import { ImportError, importErrorFrom, parseError } from './import-error';
import { buildRows } from './rows';
import { articleTables, storeRows } from './store-rows';
import type { ArticleRecord } from './types';
import { canonicalizeUrl } from './url';
import { Invalid, readArchiveFile } from './import-validation';

export interface ImportOptions {
  /** The project's HTML sanitiser (lib/html/sanitize.ts sanitizeHtml): every contentHtml goes through it again. */
  sanitize: (html: string) => string;
}

export interface ImportResult {
  added: number;
  updated: number;
  skipped: number;
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

async function prepare(a: ExportedArticle, index: number, sanitize: (html: string) => string): Promise<Prepared> {
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
      listed: e.listed,
      ...(m.title === undefined ? {} : { title: m.title }),
    })),
  }));
  const record: ArticleRecord = {
    ...a,
    canonicalUrl,
    contentHtml: sanitize(a.contentHtml),
    contentHash: await contentHash(a.title, a.lead, a.text),
    entities,
  };
  return { record, fallbackId: await articleIdFor(canonicalUrl) };
}

/**
 * Import a `vietlao-reader-archive` file. Every article is validated first; on any problem
 * an ImportError is thrown and nothing is written. Valid files merge by canonical URL in one
 * transaction: a newer updatedAt replaces the stored copy, an equal or older one is skipped.
 */
export async function importArchive(
  db: ArchiveDb,
  input: string | Blob,
  { sanitize }: ImportOptions,
): Promise<ImportResult> {
  const text = typeof input === 'string' ? input : await input.text();
  let articles: ExportedArticle[];
  try {
    articles = readArchiveFile(parse(text)).articles;
  } catch (error) {
    if (error instanceof Invalid) throw importErrorFrom(error);
    throw error;
  }
  const prepared: Prepared[] = [];
  for (const [i, a] of articles.entries()) prepared.push(await prepare(a, i, sanitize));
  try {
    return await db.transaction('rw', articleTables(db), async (): Promise<ImportResult> => {
      const result: ImportResult = { added: 0, updated: 0, skipped: 0 };
      for (const { record, fallbackId } of prepared) {
        const existing = await db.articles.where('canonicalUrl').equals(record.canonicalUrl).first();
        if (existing && Date.parse(record.updatedAt) <= Date.parse(existing.updatedAt)) {
          result.skipped += 1;
          continue;
        }
        let id = existing?.id ?? record.id;
        if (!existing && (await db.articles.get(id))) id = fallbackId;
        const { row, body } = buildRows({ ...record, id });
        await storeRows(db, row, body);
        result[existing ? 'updated' : 'added'] += 1;
      }
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

/** Saving a cleaned article into the archive. */
import type { CleanArticle } from '../article';
import type { ArchiveDb } from './db';
import { ArchiveError, toArchiveError } from './errors';
import { articleIdFor, contentHash } from './hash';
import { validLang, validRule, validWebUrl } from './fields';
import { buildRows } from './rows';
import { articleTables, storeRows } from './store-rows';
import type { ArticleRecord, ArticleRow, BodyRow } from './types';
import { canonicalizeUrl } from './url';

export type SaveStatus = 'added' | 'updated' | 'unchanged';

/** The copy a save replaced, kept so that the user can take the save back (undoReplace). */
export interface ReplacedCopy {
  kind: 'vietlao-replaced-copy';
  row: ArticleRow;
  body: BodyRow | null;
  /** The contentHash the replacing save wrote: the undo restores only while that copy is still the stored one. */
  replacedBy: string;
}

export interface SaveResult {
  status: SaveStatus;
  id: string;
  /** On 'updated': the copy that was there before. */
  replaced?: ReplacedCopy;
}

export type UndoReplaceStatus = 'restored' | 'superseded';

function canonicalOf(article: CleanArticle): string {
  for (const candidate of [article.canonicalUrl, article.url]) {
    try {
      if (candidate) return canonicalizeUrl(candidate);
    } catch {
      // try the next candidate
    }
  }
  throw new ArchiveError('invalid', `Could not save the article: its address is not a web page URL (${article.url}).`);
}

/**
 * Save (or refresh) an article, keyed by canonical URL: 'added' when new, 'updated' when its
 * content changed (savedAt kept, updatedAt = now), 'unchanged' otherwise. Both tables are
 * written in one transaction; failures throw ArchiveError ('quota' | 'storage') and write nothing.
 */
export async function saveArticle(
  db: ArchiveDb,
  article: CleanArticle,
  now: Date = new Date(),
  /** The recogniser version that found `article.entities` (the background's; ./rematch.ts). */
  matchedWith?: string,
): Promise<SaveResult> {
  const canonicalUrl = canonicalOf(article);
  const hash = await contentHash(article.title, article.lead, article.text);
  const freshId = await articleIdFor(canonicalUrl);
  const stamp = now.toISOString();
  try {
    return await db.transaction('rw', articleTables(db), async (): Promise<SaveResult> => {
      const existing = await db.articles.where('canonicalUrl').equals(canonicalUrl).first();
      if (existing && existing.contentHash === hash) return { status: 'unchanged', id: existing.id };
      const stored: ArticleRecord = {
        id: existing?.id ?? freshId,
        canonicalUrl,
        url: article.url,
        site: article.site,
        siteName: article.siteName,
        title: article.title,
        lead: article.lead,
        byline: article.byline,
        publishedAt: article.publishedAt,
        savedAt: existing?.savedAt ?? stamp,
        updatedAt: stamp,
        lang: validLang(article.lang), // the page's own <html lang>: no markup stored
        wordCount: article.wordCount,
        readingMinutes: article.readingMinutes,
        contentHash: hash,
        leadImage: validWebUrl(article.leadImage), // http(s) with no user name, else none
        tags: existing?.tags ?? [],
        rule: validRule(article.rule), // from the content script: checked, else "not known"
        text: article.text,
        contentHtml: article.contentHtml,
        entities: article.entities,
      };
      const previousBody = existing ? ((await db.bodies.get(existing.id)) ?? null) : null;
      const { row, body } = buildRows(stored);
      await storeRows(db, row, body, matchedWith ? { matchedWith } : {});
      if (!existing) return { status: 'added', id: stored.id };
      const replaced: ReplacedCopy = {
        kind: 'vietlao-replaced-copy',
        row: existing,
        body: previousBody,
        replacedBy: hash,
      };
      return { status: 'updated', id: stored.id, replaced };
    });
  } catch (error) {
    throw toArchiveError(error, 'save the article');
  }
}

/**
 * Take back a save that replaced a stored copy: the previous copy (row and body) is put back,
 * unless the article changed again since (saved anew, deleted, imported): then nothing is
 * written and the result is 'superseded'.
 */
export async function undoReplace(db: ArchiveDb, copy: ReplacedCopy): Promise<UndoReplaceStatus> {
  try {
    return await db.transaction('rw', articleTables(db), async (): Promise<UndoReplaceStatus> => {
      const current = await db.articles.get(copy.row.id);
      if (!current || current.contentHash !== copy.replacedBy || current.canonicalUrl !== copy.row.canonicalUrl)
        return 'superseded';
      await storeRows(db, copy.row, copy.body);
      return 'restored';
    });
  } catch (error) {
    throw toArchiveError(error, 'restore the previous copy');
  }
}

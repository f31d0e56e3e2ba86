/** Saving a cleaned article into the archive. */
import type { CleanArticle } from '../article';
import { adjustArticleCount } from './counter';
import type { ArchiveDb } from './db';
import { ArchiveError, toArchiveError } from './errors';
import { articleIdFor, contentHash } from './hash';
import { validLang, validRule, validWebUrl } from './fields';
import { buildRows } from './rows';
import { articleTables, storeRows } from './store-rows';
import type { ArticleRecord } from './types';
import { canonicalizeUrl } from './url';

export type SaveStatus = 'added' | 'updated' | 'unchanged';

export interface SaveResult {
  status: SaveStatus;
  id: string;
}

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
export async function saveArticle(db: ArchiveDb, article: CleanArticle, now: Date = new Date()): Promise<SaveResult> {
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
      const { row, body } = buildRows(stored);
      await storeRows(db, row, body);
      if (!existing) await adjustArticleCount(db, 1);
      return { status: existing ? 'updated' : 'added', id: stored.id };
    });
  } catch (error) {
    throw toArchiveError(error, 'save the article');
  }
}

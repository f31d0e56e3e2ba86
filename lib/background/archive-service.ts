/**
 * The background is the archive's single writer. Every write (save, delete, undo, import)
 * goes through one queue, so saves from many tabs at once run one after another and none
 * is lost. Pages only read (list, search, open).
 */
import { ArchiveError, canonicalizeUrl, openArchive, saveArticle, serialize, type ArchiveDb } from '@/lib/archive';
import type { CleanArticle } from '@/lib/article';
import type { SaveOutcome } from '@/lib/messaging';
import { entitiesOf } from '@/lib/entities/article-entities';
import { validateCleanArticle } from './payloads';

let dbPromise: Promise<ArchiveDb> | null = null;

export function archive(): Promise<ArchiveDb> {
  dbPromise ??= openArchive().catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

/** Ask the browser to keep the archive when it runs short of space (best effort). */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function saveFromContent(payload: unknown): Promise<SaveOutcome> {
  const problem = validateCleanArticle(payload);
  if (problem) return { ok: false, code: 'invalid', message: problem };
  // Entities are always (re)computed here from the text, never taken on trust from the page side.
  const article: CleanArticle = { ...(payload as CleanArticle), entities: entitiesOf((payload as CleanArticle).text) };
  try {
    const db = await archive();
    const result = await serialize(() => saveArticle(db, article));
    return { ok: true, status: result.status, id: result.id };
  } catch (error) {
    if (error instanceof ArchiveError)
      return { ok: false, code: error.code === 'quota' ? 'quota' : 'storage', message: error.message };
    return { ok: false, code: 'storage', message: String((error as Error)?.message ?? error) };
  }
}

/** Is an article with this canonical URL saved? */
export async function isSavedUrl(url: string): Promise<boolean> {
  let canonical: string;
  try {
    canonical = canonicalizeUrl(url);
  } catch {
    return false;
  }
  const db = await archive();
  return (await db.articles.where('canonicalUrl').equals(canonical).count()) > 0;
}

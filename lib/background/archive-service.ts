/**
 * The background is the archive's single writer. Every write (save, delete, undo, import)
 * goes through one queue, so saves from many tabs at once run one after another and none
 * is lost. Pages only read (list, search, open).
 */
import {
  ArchiveError,
  openArchive,
  saveArticle,
  serialize,
  undoReplace,
  type ArchiveDb,
  type ReplacedCopy,
} from '@/lib/archive';
import { articleIdentity } from '@/lib/archive/identity';
import type { CleanArticle } from '@/lib/article';
import type { SaveOutcome, UndoSaveOutcome } from '@/lib/messaging';
import { entitiesOf } from '@/lib/entities/article-entities';
import { siteOf } from '@/lib/entities/corrections';
import { loadedCorrections } from './corrections';
import { validateCleanArticle } from './payloads';
import { recogniserVersion } from './recogniser-version';
import { archiveChanged } from './archive-changed';

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

/** The copy each tab's last save replaced (one per tab), until the user moves on. */
const replacedCopies = new Map<number, { token: string; copy: ReplacedCopy }>();

/** The tab navigated, closed or saved again: the copy its last save replaced is no longer offered back. */
export function forgetReplacedCopy(tabId: number): void {
  replacedCopies.delete(tabId);
}

/**
 * Save the article a content script sent from the tab at `tabUrl` (its address as the browser
 * reports it, not as the page says). The identity is the tab's address, or the page's canonical
 * URL when it names the same site; `url` is the tab's address. A save that replaced a stored copy
 * keeps it for `tabId` and answers with an undo token.
 */
export async function saveFromContent(
  payload: unknown,
  tabUrl: string | undefined,
  tabId?: number,
): Promise<SaveOutcome> {
  const problem = validateCleanArticle(payload);
  if (problem) return { ok: false, code: 'invalid', message: problem };
  const sent = payload as CleanArticle;
  let canonicalUrl: string;
  try {
    canonicalUrl = articleIdentity(tabUrl ?? '', sent.canonicalUrl);
  } catch {
    return { ok: false, code: 'invalid', message: 'the tab has no web address' };
  }
  // Entities are always (re)computed here from the text, never taken on trust from the page side.
  // The user's corrections of this article, its site (the tab's, not the page's claim) and everywhere apply.
  const corrections = await loadedCorrections();
  const where = { url: tabUrl!, canonicalUrl, site: siteOf(tabUrl!) };
  const article: CleanArticle = {
    ...sent,
    url: tabUrl!,
    canonicalUrl,
    entities: entitiesOf(sent.text, corrections, where),
  };
  try {
    const db = await archive();
    const result = await serialize(async () => saveArticle(db, article, new Date(), await recogniserVersion()));
    if (tabId !== undefined) forgetReplacedCopy(tabId);
    if (result.status !== 'unchanged') archiveChanged();
    if (result.replaced && tabId !== undefined) {
      const token = crypto.randomUUID();
      replacedCopies.set(tabId, { token, copy: result.replaced });
      return { ok: true, status: result.status, id: result.id, undoToken: token };
    }
    return { ok: true, status: result.status, id: result.id };
  } catch (error) {
    if (error instanceof ArchiveError)
      return { ok: false, code: error.code === 'quota' ? 'quota' : 'storage', message: error.message };
    return { ok: false, code: 'storage', message: String((error as Error)?.message ?? error) };
  }
}

/** Put back the copy the last save in `tabId` replaced (the token must be that save's). */
export async function undoSaveInTab(tabId: number, token: string): Promise<UndoSaveOutcome> {
  const entry = replacedCopies.get(tabId);
  if (!entry || entry.token !== token) return { ok: true, status: 'expired' };
  try {
    const db = await archive();
    const status = await serialize(() => undoReplace(db, entry.copy));
    forgetReplacedCopy(tabId);
    archiveChanged();
    return { ok: true, status };
  } catch (error) {
    return { ok: false, message: String((error as Error)?.message ?? error) };
  }
}

/** Is the article shown at `tabUrl` saved? (The claimed canonical URL counts only on the tab's own site.) */
export async function isSavedUrl(tabUrl: string | undefined, claimedCanonical: string | null): Promise<boolean> {
  let canonical: string;
  try {
    canonical = articleIdentity(tabUrl ?? '', claimedCanonical);
  } catch {
    return false;
  }
  const db = await archive();
  return (await db.articles.where('canonicalUrl').equals(canonical).count()) > 0;
}

/** Listing and searching the archive through its indexes (bodies are never read here). */
import type { Collection } from 'dexie';
import { articleCount } from './counter';
import type { ArchiveDb } from './db';
import { ArchiveError, toArchiveError } from './errors';
import { articleOfKey, entityRange } from './entity-index';
import { queryWords } from './keys';
import { toSummary } from './rows';
import type { ArticleRow, ArticleSummary } from './types';

export interface ListOptions {
  offset?: number;
  limit?: number;
  site?: string;
  entityId?: string;
  /** Earliest publishedAt (inclusive): a Date or anything Date.parse reads. */
  from?: Date | string;
  /** Latest publishedAt (inclusive). A bare day ("2024-05-31") means the end of that day (UTC). */
  to?: Date | string;
  /** Words to find (all of them; the last may be a prefix). */
  search?: string;
  /** Exact mode: diacritics matter ("Lào" ≠ "lão"). Default: folded ("lao" finds "Lào"). */
  exact?: boolean;
}

export interface ListResult {
  items: ArticleSummary[];
  total: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Up to this many candidates are fetched and sorted directly instead of walking the savedAt index. */
const SMALL_CANDIDATE_SET = 200;

type Source = Collection<ArticleRow, string>;

function dateMs(value: Date | string, endOfDay: boolean): number {
  if (value instanceof Date) return value.getTime();
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ArchiveError('invalid', `Cannot filter by date: "${value}" is not a date.`);
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? ms + 86_400_000 - 1 : ms;
}

function sources(db: ArchiveDb, o: ListOptions): Source[] {
  const out: Source[] = [];
  if (o.site !== undefined) out.push(db.articles.where('site').equals(o.site));
  if (o.entityId !== undefined) out.push(db.articles.where('entityIds').equals(o.entityId));
  if (o.from !== undefined || o.to !== undefined) {
    const lo = o.from === undefined ? -Infinity : dateMs(o.from, false);
    const hi = o.to === undefined ? Infinity : dateMs(o.to, true);
    out.push(db.articles.where('publishedMs').between(lo, hi, true, true));
  }
  const field = o.exact ? 'exactWords' : 'words';
  const terms = queryWords(o.search ?? '', o.exact ? 'exact' : 'folded');
  terms.forEach((term, i) => {
    const index = db.articles.where(field);
    out.push(i === terms.length - 1 ? index.startsWith(term) : index.equals(term));
  });
  return out;
}

/** Ids matching every source: the rarest source is read first, the others only intersect. */
async function candidateIds(all: Source[]): Promise<Set<string>> {
  const counted = await Promise.all(all.map(async (source) => ({ source, n: await source.clone().count() })));
  counted.sort((a, b) => a.n - b.n);
  const [rarest, ...others] = counted;
  if (!rarest) return new Set();
  let ids = new Set<string>(await rarest.source.primaryKeys());
  for (const { source } of others) {
    if (ids.size === 0) break;
    const keys: string[] = await source.primaryKeys();
    const prev = ids;
    ids = new Set(keys.filter((k) => prev.has(k)));
  }
  return ids;
}

/** Newest first: savedAt descending, ties by id descending (the order of the reversed index). */
function newestFirst(a: ArticleRow, b: ArticleRow): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

async function pageOf(db: ArchiveDb, ids: Set<string>, offset: number, limit: number): Promise<ArticleRow[]> {
  if (ids.size <= SMALL_CANDIDATE_SET) {
    const rows = (await db.articles.bulkGet([...ids])).filter((r): r is ArticleRow => r !== undefined);
    return rows.sort(newestFirst).slice(offset, offset + limit);
  }
  const ordered: string[] = await db.articles.orderBy('savedAt').reverse().primaryKeys();
  const pageIds = ordered.filter((id) => ids.has(id)).slice(offset, offset + limit);
  return (await db.articles.bulkGet(pageIds)).filter((r): r is ArticleRow => r !== undefined);
}

/** The options filter by one entity and nothing else. */
const onlyEntity = (o: ListOptions): boolean =>
  o.entityId !== undefined &&
  o.site === undefined &&
  o.from === undefined &&
  o.to === undefined &&
  queryWords(o.search ?? '', o.exact ? 'exact' : 'folded').length === 0;

/** One entity's articles, newest first, reading only the page shown (./entity-index.ts). */
async function entityPage(db: ArchiveDb, entityId: string, offset: number, limit: number): Promise<ListResult> {
  const [lo, hi] = entityRange(entityId);
  const range = () => db.entityIndex.where(':id').between(lo, hi, true, false);
  const [total, keys] = await Promise.all([
    range().count(),
    range().reverse().offset(offset).limit(limit).primaryKeys(),
  ]);
  const rows = await db.articles.bulkGet(keys.map(articleOfKey));
  return { items: rows.filter((r): r is ArticleRow => r !== undefined).map(toSummary), total };
}

/**
 * The ids of every article matching the options' filters (offset and limit ignored), or null when
 * the options filter nothing (every article matches): the analysis page counts these.
 */
export async function matchingIds(db: ArchiveDb, options: ListOptions): Promise<Set<string> | null> {
  const filters = sources(db, options);
  if (filters.length === 0) return null;
  try {
    return await db.transaction('r', db.articles, () => candidateIds(filters));
  } catch (error) {
    throw toArchiveError(error, 'filter the archive');
  }
}

/** One page of saved articles, newest first, filtered by site, entity, publication date and search words. */
export async function listArticles(db: ArchiveDb, options: ListOptions = {}): Promise<ListResult> {
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE)));
  const filters = sources(db, options);
  try {
    return await db.transaction('r', db.articles, db.meta, db.entityIndex, async (): Promise<ListResult> => {
      if (filters.length === 0) {
        const [total, rows] = await Promise.all([
          articleCount(db), // stored: IndexedDB's count() walks every row
          db.articles.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(),
        ]);
        return { items: rows.map(toSummary), total };
      }
      if (onlyEntity(options)) return await entityPage(db, options.entityId!, offset, limit);
      const ids = await candidateIds(filters);
      const rows = ids.size === 0 ? [] : await pageOf(db, ids, offset, limit);
      return { items: rows.map(toSummary), total: ids.size };
    });
  } catch (error) {
    throw toArchiveError(error, 'list the archive');
  }
}

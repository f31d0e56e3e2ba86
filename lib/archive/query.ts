/**
 * Listing and searching the archive through its indexes (bodies are never read here): the
 * summaries' site, date and savedAt indexes, the entity index (./entity-index.ts) and the words
 * table (./search-index.ts).
 */
import type { Collection } from 'dexie';
import { articleCount } from './counter';
import type { ArchiveDb } from './db';
import { ArchiveError, toArchiveError } from './errors';
import { articleOfKey, entityRange, entityTotal, savedAtOfKey } from './entity-index';
import { queryWords, type SearchMode } from './keys';
import { keyParts, wordRange } from './search-index';
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

function dateMs(value: Date | string, endOfDay: boolean): number {
  if (value instanceof Date) return value.getTime();
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ArchiveError('invalid', `Cannot filter by date: "${value}" is not a date.`);
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? ms + 86_400_000 - 1 : ms;
}

/**
 * One filter's articles. Its keys may carry each article's savedAt (the entity index, the words
 * table): then a page is ordered from the keys alone, without reading the savedAt index.
 */
interface Source {
  /** How many articles it holds (the rarest is read first). */
  size(): Promise<number>;
  /** Its articles: id → savedAt, or null where its keys do not carry it. */
  read(): Promise<Map<string, string | null>>;
}

const idsOnly = (c: () => Collection<ArticleRow, string>): Source => ({
  size: () => c().count(),
  read: async () => new Map((await c().primaryKeys()).map((id) => [id, null])),
});

function entitySource(db: ArchiveDb, entityId: string): Source {
  const [lo, hi] = entityRange(entityId);
  return {
    size: () => entityTotal(db, entityId),
    read: async () => {
      const keys = await db.entityIndex.where(':id').between(lo, hi, true, false).primaryKeys();
      return new Map(keys.map((k) => [articleOfKey(k), savedAtOfKey(k)]));
    },
  };
}

function wordSource(db: ArchiveDb, mode: SearchMode, word: string, prefix: boolean): Source {
  const [lo, hi] = wordRange(mode, word, prefix);
  const range = () => db.articleWords.where('terms').between(lo, hi, true, true);
  return {
    size: () => range().count(), // a prefix counts an article once per word it has: an upper bound
    read: async () => {
      const out = new Map<string, string | null>();
      for (const key of await range().primaryKeys()) {
        const { id, savedAt } = keyParts(key);
        out.set(id, savedAt);
      }
      return out;
    },
  };
}

function sources(db: ArchiveDb, o: ListOptions): Source[] {
  const out: Source[] = [];
  if (o.site !== undefined) out.push(idsOnly(() => db.articles.where('site').equals(o.site!)));
  if (o.entityId !== undefined) out.push(entitySource(db, o.entityId));
  if (o.from !== undefined || o.to !== undefined) {
    const lo = o.from === undefined ? -Infinity : dateMs(o.from, false);
    const hi = o.to === undefined ? Infinity : dateMs(o.to, true);
    out.push(idsOnly(() => db.articles.where('publishedMs').between(lo, hi, true, true)));
  }
  const mode: SearchMode = o.exact ? 'exact' : 'folded';
  const terms = queryWords(o.search ?? '', mode);
  terms.forEach((term, i) => out.push(wordSource(db, mode, term, i === terms.length - 1)));
  return out;
}

/** Articles matching every source: the rarest source is read first, the others only intersect. */
async function candidates(all: Source[]): Promise<Map<string, string | null>> {
  const sized = await Promise.all(all.map(async (source) => ({ source, n: await source.size() })));
  sized.sort((a, b) => a.n - b.n);
  const [rarest, ...others] = sized;
  if (!rarest) return new Map();
  let found = await rarest.source.read();
  for (const { source } of others) {
    if (found.size === 0) break;
    const next = await source.read();
    const kept = new Map<string, string | null>();
    for (const [id, savedAt] of found) if (next.has(id)) kept.set(id, savedAt ?? next.get(id) ?? null);
    found = kept;
  }
  return found;
}

/** Newest first: savedAt descending, ties by id descending (the order of the reversed index). */
function newestFirst(a: { savedAt: string; id: string }, b: { savedAt: string; id: string }): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const present = (rows: (ArticleRow | undefined)[]): ArticleRow[] =>
  rows.filter((r): r is ArticleRow => r !== undefined);

async function pageOf(
  db: ArchiveDb,
  found: Map<string, string | null>,
  offset: number,
  limit: number,
): Promise<ArticleRow[]> {
  const keyed = [...found].every(([, savedAt]) => savedAt !== null);
  if (keyed) {
    const order = [...found].map(([id, savedAt]) => ({ id, savedAt: savedAt! })).sort(newestFirst);
    return present(await db.articles.bulkGet(order.slice(offset, offset + limit).map((x) => x.id)));
  }
  if (found.size <= SMALL_CANDIDATE_SET)
    return present(await db.articles.bulkGet([...found.keys()]))
      .sort(newestFirst)
      .slice(offset, offset + limit);
  const ordered: string[] = await db.articles.orderBy('savedAt').reverse().primaryKeys();
  const pageIds = ordered.filter((id) => found.has(id)).slice(offset, offset + limit);
  return present(await db.articles.bulkGet(pageIds));
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
  const [total, keys] = await Promise.all([
    entityTotal(db, entityId),
    db.entityIndex.where(':id').between(lo, hi, true, false).reverse().offset(offset).limit(limit).primaryKeys(),
  ]);
  const rows = await db.articles.bulkGet(keys.map(articleOfKey));
  return { items: present(rows).map(toSummary), total };
}

/** The tables a query reads. */
const queryTables = (db: ArchiveDb) => [db.articles, db.meta, db.entityIndex, db.entityTotals, db.articleWords];

/**
 * The ids of every article matching the options' filters (offset and limit ignored), or null when
 * the options filter nothing (every article matches): the analysis page counts these.
 */
export async function matchingIds(db: ArchiveDb, options: ListOptions): Promise<Set<string> | null> {
  const filters = sources(db, options);
  if (filters.length === 0) return null;
  try {
    const found = await db.transaction('r', queryTables(db), () => candidates(filters));
    return new Set(found.keys());
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
    return await db.transaction('r', queryTables(db), async (): Promise<ListResult> => {
      if (filters.length === 0) {
        const [total, rows] = await Promise.all([
          articleCount(db), // stored: IndexedDB's count() walks every row
          db.articles.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(),
        ]);
        return { items: rows.map(toSummary), total };
      }
      if (onlyEntity(options)) return await entityPage(db, options.entityId!, offset, limit);
      const found = await candidates(filters);
      const rows = found.size === 0 ? [] : await pageOf(db, found, offset, limit);
      return { items: rows.map(toSummary), total: found.size };
    });
  } catch (error) {
    throw toArchiveError(error, 'list the archive');
  }
}

/**
 * Listing and searching the archive through its indexes: the summaries' site, date and savedAt
 * indexes, the entity index (./entity-index.ts) and the words table (./search-index.ts). Bodies
 * are read only for what the index cannot tell — a quoted phrase, and the "most relevant" order —
 * and then only the candidates' (./search-text.ts).
 */
import type { Collection } from 'dexie';
import { articleCount } from './counter';
import type { ArchiveDb } from './db';
import { ArchiveError, toArchiveError } from './errors';
import { articleOfKey, entityRange, entityTotal, savedAtOfKey } from './entity-index';
import type { SearchMode } from './keys';
import { countMatches, relevance, type Counts } from './relevance';
import { keyParts, wordRange } from './search-index';
import { parseSearch, type ParsedSearch, type SearchTerm } from './search-query';
import { eachCandidateText, holdsPhrases, needsText } from './search-text';
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
  /** Words to find (all of them; the last may be a prefix) and "quoted phrases" (./search-query.ts). */
  search?: string;
  /** Exact mode: diacritics matter ("Lào" ≠ "lão"). Default: folded ("lao" finds "Lào"). */
  exact?: boolean;
  /** 'newest' (the default): saved last first. 'relevance' (./relevance.ts): only with search words. */
  sort?: ListSort;
}

export type ListSort = 'newest' | 'relevance';

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

/** The words index's entries of one search term. */
function termEntries(db: ArchiveDb, mode: SearchMode, { word, prefix }: SearchTerm) {
  const [lo, hi] = wordRange(mode, word, prefix);
  return db.articleWords.where('terms').between(lo, hi, true, true);
}

function wordSource(db: ArchiveDb, mode: SearchMode, term: SearchTerm): Source {
  const range = () => termEntries(db, mode, term);
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

const modeOf = (o: ListOptions): SearchMode => (o.exact ? 'exact' : 'folded');

function sources(db: ArchiveDb, o: ListOptions, search: ParsedSearch): Source[] {
  const out: Source[] = [];
  if (o.site !== undefined) out.push(idsOnly(() => db.articles.where('site').equals(o.site!)));
  if (o.entityId !== undefined) out.push(entitySource(db, o.entityId));
  if (o.from !== undefined || o.to !== undefined) {
    const lo = o.from === undefined ? -Infinity : dateMs(o.from, false);
    const hi = o.to === undefined ? Infinity : dateMs(o.to, true);
    out.push(idsOnly(() => db.articles.where('publishedMs').between(lo, hi, true, true)));
  }
  for (const term of search.terms) out.push(wordSource(db, modeOf(o), term));
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
const onlyEntity = (o: ListOptions, search: ParsedSearch): boolean =>
  o.entityId !== undefined &&
  o.site === undefined &&
  o.from === undefined &&
  o.to === undefined &&
  !search.terms.length;

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
const queryTables = (db: ArchiveDb) => [
  db.articles,
  db.bodies,
  db.meta,
  db.entityIndex,
  db.entityTotals,
  db.articleWords,
];

/** The candidates that hold the search's quoted phrases (read only when it has some). */
async function withPhrases(
  db: ArchiveDb,
  found: Map<string, string | null>,
  search: ParsedSearch,
  mode: SearchMode,
): Promise<Map<string, string | null>> {
  if (!needsText(search) || found.size === 0) return found;
  const kept = new Map<string, string | null>();
  await eachCandidateText(db, [...found.keys()], mode, (row, fields) => {
    if (holdsPhrases(fields, search)) kept.set(row.id, row.savedAt);
  });
  return kept;
}

/**
 * One page of the candidates by relevance (./relevance.ts), the phrases checked on the way: every
 * candidate's text is read once, its counts kept, then all are scored and sorted.
 */
async function relevancePage(
  db: ArchiveDb,
  found: Map<string, string | null>,
  search: ParsedSearch,
  mode: SearchMode,
  offset: number,
  limit: number,
): Promise<ListResult> {
  const counted: { id: string; savedAt: string; counts: Counts }[] = [];
  const check = needsText(search);
  await eachCandidateText(db, [...found.keys()], mode, (row, fields) => {
    if (!check || holdsPhrases(fields, search))
      counted.push({ id: row.id, savedAt: row.savedAt, counts: countMatches(fields, search) });
  });
  const [articles, termArticles] = await Promise.all([
    articleCount(db),
    Promise.all(search.terms.map((term) => termEntries(db, mode, term).count())),
  ]);
  const averageLength = counted.reduce((n, c) => n + c.counts.length, 0) / Math.max(1, counted.length);
  const scored = counted.map((c) => ({
    ...c,
    score: relevance(c.counts, search, { articles, termArticles, averageLength }),
  }));
  scored.sort((a, b) => b.score - a.score || newestFirst(a, b));
  const rows = await db.articles.bulkGet(scored.slice(offset, offset + limit).map((c) => c.id));
  return { items: present(rows).map(toSummary), total: scored.length };
}

/**
 * The ids of every article matching the options' filters (offset and limit ignored), or null when
 * the options filter nothing (every article matches): the analysis page counts these.
 */
export async function matchingIds(db: ArchiveDb, options: ListOptions): Promise<Set<string> | null> {
  const search = parseSearch(options.search ?? '', modeOf(options));
  const filters = sources(db, options, search);
  if (filters.length === 0) return null;
  try {
    const found = await db.transaction('r', queryTables(db), async () =>
      withPhrases(db, await candidates(filters), search, modeOf(options)),
    );
    return new Set(found.keys());
  } catch (error) {
    throw toArchiveError(error, 'filter the archive');
  }
}

/**
 * One page of saved articles, filtered by site, entity, publication date and search words and
 * phrases; newest first, or by relevance when asked with search words.
 */
export async function listArticles(db: ArchiveDb, options: ListOptions = {}): Promise<ListResult> {
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE)));
  const mode = modeOf(options);
  const search = parseSearch(options.search ?? '', mode);
  const filters = sources(db, options, search);
  try {
    return await db.transaction('r', queryTables(db), async (): Promise<ListResult> => {
      if (filters.length === 0) {
        const [total, rows] = await Promise.all([
          articleCount(db), // stored: IndexedDB's count() walks every row
          db.articles.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(),
        ]);
        return { items: rows.map(toSummary), total };
      }
      if (onlyEntity(options, search)) return await entityPage(db, options.entityId!, offset, limit);
      if (options.sort === 'relevance' && search.terms.length > 0)
        return await relevancePage(db, await candidates(filters), search, mode, offset, limit);
      const found = await withPhrases(db, await candidates(filters), search, mode);
      const rows = found.size === 0 ? [] : await pageOf(db, found, offset, limit);
      return { items: rows.map(toSummary), total: found.size };
    });
  } catch (error) {
    throw toArchiveError(error, 'list the archive');
  }
}

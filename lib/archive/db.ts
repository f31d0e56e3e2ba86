/** The archive's IndexedDB database (Dexie): schema, versions and migrations. */
import Dexie, { type Collection, type Table, type Transaction } from 'dexie';
import { indexWords } from './keys';
import type { ArticleRow, BodyRow } from './types';
import { ARCHIVE_BYTES, ARTICLE_COUNT, type MetaRow } from './counter';
import { nameRows, type EntityNameRow } from './store-rows';
import { keysOf, totalsOfKeys, type EntityIndexRow, type EntityTotalRow } from './entity-index';
import { searchTerms, wordsKey, type ArticleWordsRow } from './search-index';
import { countArticles, TallyBatch, type FactRow, type TallyRow } from './tallies';
import type { RemoteFileRow, TombstoneRow } from './tombstones';

export const DB_NAME = 'vietlao-archive';

/** Current database schema version (the last entry of MIGRATIONS). */
export const SCHEMA_VERSION = 9;

/** One database version: its table indexes and, when data must change, an upgrade step. */
export interface Migration {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction, progress: MigrationProgress) => Promise<void>;
}

/** Told as an upgrade goes through a large archive: `done` of `total` articles. */
export type MigrationProgress = (done: number, total: number) => void;

/** An `articles` row as versions 2–7 stored it: the summary carried its search words (multiEntry indexes). */
type LegacyArticleRow = ArticleRow & { words?: string[]; exactWords?: string[] };

const BODIES = 'id';
/** v5: the analysis page's facts (./tallies.ts). */
const FACTS = 'id, dayMs, site, *entityIds';
/** v1: summaries with folded-word search only. */
const ARTICLES_V1 = 'id, &canonicalUrl, savedAt, site, *entityIds, publishedMs, *words';
/** v2: adds the exact-word index used by exact-mode search. */
const ARTICLES_V2 = `${ARTICLES_V1}, *exactWords`;
/** v7: adds updatedAt, so a sync finds what changed since its last push without reading every row. */
const ARTICLES_V7 = `${ARTICLES_V2}, updatedAt`;
/**
 * v8: the search words move to their own table (./search-index.ts) and an entity's articles are
 * read from the entity index (./entity-index.ts): the summary rows lose `*words`, `*exactWords`
 * and `*entityIds`, and with them ~2,000 index entries per article.
 */
const ARTICLES_V8 = 'id, &canonicalUrl, savedAt, site, publishedMs, updatedAt';

/** Rows are migrated in pages so an upgrade never holds every body in memory. */
const MIGRATION_PAGE = 200;

/** Call `each` on every row of `table`, MIGRATION_PAGE rows at a time in id order. */
async function inPages<T extends { id: string }>(
  table: Table<T, string>,
  each: (page: T[]) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const range: Collection<T, string> = after === null ? table.orderBy(':id') : table.where(':id').above(after);
    const page: T[] = await range.limit(MIGRATION_PAGE).toArray();
    if (page.length === 0) return;
    await each(page);
    after = page[page.length - 1]!.id;
  }
}

/** v1 → v2: compute `exactWords` for every stored article from its title, lead and body text. */
async function addExactWords(tx: Transaction): Promise<void> {
  const articles = tx.table<LegacyArticleRow, string>('articles');
  const bodies = tx.table<BodyRow, string>('bodies');
  await inPages(articles, async (page) => {
    const texts = await bodies.bulkGet(page.map((r) => r.id));
    const updated = page.map((row, i) => ({
      ...row,
      exactWords: indexWords(row.title, row.lead, texts[i]?.text ?? '', 'exact'),
    }));
    await articles.bulkPut(updated);
  });
}

/** v2 → v3: store the number of articles (kept up to date by every add and delete from now on). */
async function storeArticleCount(tx: Transaction): Promise<void> {
  const n = await tx.table<ArticleRow, string>('articles').count();
  await tx.table<MetaRow, string>('meta').put({ key: ARTICLE_COUNT, value: n });
}

/** v3 → v4: the names table, from every stored body. */
async function storeEntityNames(tx: Transaction): Promise<void> {
  const names = tx.table<EntityNameRow, string>('entityNames');
  await inPages(tx.table<BodyRow, string>('bodies'), (page) =>
    names.bulkPut(page.flatMap((b) => nameRows(b.entities))).then(() => undefined),
  );
}

/** v4 → v5: the analysis page's counts (./tallies.ts) of every stored article. */
async function storeTallies(tx: Transaction): Promise<void> {
  const db = tx.db as ArchiveDb;
  const bodies = tx.table<BodyRow, string>('bodies');
  await inPages(tx.table<ArticleRow, string>('articles'), async (page) => {
    const texts = await bodies.bulkGet(page.map((r) => r.id));
    const tallies = new TallyBatch(db);
    await countArticles(
      db,
      page.map((row, i) => ({ row, entities: texts[i]?.entities ?? [] })),
      tallies,
    );
    await tallies.flush();
  });
}

/** v5 → v6: the entity index (./entity-index.ts) from every article's facts. */
async function storeEntityIndex(tx: Transaction): Promise<void> {
  const index = tx.table<EntityIndexRow, string>('entityIndex');
  await inPages(tx.table<FactRow, string>('facts'), async (page) => {
    await index.bulkPut(page.flatMap((fact) => keysOf(fact).map((key) => ({ key }))));
  });
}

/**
 * v7 → v8: each article's search words, already on its row, go to the words table and off the
 * row; each entity's total is counted from its index keys. Nothing is recomputed from the bodies.
 */
async function storeWordIndex(tx: Transaction, progress: MigrationProgress): Promise<void> {
  const articles = tx.table<LegacyArticleRow, string>('articles');
  const total = await articles.count();
  let done = 0;
  progress(0, total);
  await inPages(articles, async (page) => {
    const words: ArticleWordsRow[] = [];
    const rows = page.map(({ words: folded = [], exactWords: exact = [], ...row }) => {
      words.push({ key: wordsKey(row.savedAt, row.id), id: row.id, terms: searchTerms(folded, exact) });
      return row;
    });
    await articles.bulkPut(rows);
    await tx.table<ArticleWordsRow, string>('articleWords').bulkPut(words);
    done += page.length;
    progress(done, total);
  });
  const entityKeys: string[] = await tx.table<EntityIndexRow, string>('entityIndex').toCollection().primaryKeys();
  await tx.table<EntityTotalRow, string>('entityTotals').bulkPut(totalsOfKeys(entityKeys));
}

/** v8 → v9: store the sum of the rows' byte estimates (kept up to date by the row writer from now on). */
async function storeArchiveBytes(tx: Transaction): Promise<void> {
  let bytes = 0;
  await tx.table<ArticleRow, string>('articles').each((row) => void (bytes += row.approxBytes));
  await tx.table<MetaRow, string>('meta').put({ key: ARCHIVE_BYTES, value: bytes });
}

/** Every schema version from the first; append, never edit a released entry. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, stores: { articles: ARTICLES_V1, bodies: BODIES } },
  { version: 2, stores: { articles: ARTICLES_V2, bodies: BODIES }, upgrade: addExactWords },
  { version: 3, stores: { articles: ARTICLES_V2, bodies: BODIES, meta: 'key' }, upgrade: storeArticleCount },
  {
    version: 4,
    stores: { articles: ARTICLES_V2, bodies: BODIES, meta: 'key', entityNames: 'id' },
    upgrade: storeEntityNames,
  },
  {
    version: 5,
    stores: {
      articles: ARTICLES_V2,
      bodies: BODIES,
      meta: 'key',
      entityNames: 'id',
      facts: FACTS,
      tallies: 'key',
    },
    upgrade: storeTallies,
  },
  {
    version: 6,
    stores: {
      articles: ARTICLES_V2,
      bodies: BODIES,
      meta: 'key',
      entityNames: 'id',
      facts: FACTS,
      tallies: 'key',
      entityIndex: 'key',
    },
    upgrade: storeEntityIndex,
  },
  {
    // Sync (lib/sync/): deletions kept as tombstones, and what this browser knows of the server's
    // files. Both start empty: nothing was deleted or synced before this version.
    version: 7,
    stores: {
      articles: ARTICLES_V7,
      bodies: BODIES,
      meta: 'key',
      entityNames: 'id',
      facts: FACTS,
      tallies: 'key',
      entityIndex: 'key',
      tombstones: 'id, deletedAt',
      remoteFiles: 'name',
    },
  },
  {
    version: 8,
    stores: {
      articles: ARTICLES_V8,
      bodies: BODIES,
      meta: 'key',
      entityNames: 'id',
      facts: FACTS,
      tallies: 'key',
      entityIndex: 'key',
      entityTotals: 'id',
      articleWords: 'key, id, *terms',
      tombstones: 'id, deletedAt',
      remoteFiles: 'name',
    },
    upgrade: storeWordIndex,
  },
  { version: 9, stores: {}, upgrade: storeArchiveBytes }, // no table or index changes (Dexie keeps v8's)
];

export interface ArchiveDbOptions {
  name?: string;
  /** An IDBFactory (tests pass `new IDBFactory()` from fake-indexeddb for isolation). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Told as an upgrade of a large archive goes on (the background shows it in the popup). */
  onMigrationProgress?: (version: number, done: number, total: number) => void;
}

/** The archive database: `articles` (summaries + search keys) and `bodies` (text, HTML, entities). */
export class ArchiveDb extends Dexie {
  articles!: Table<ArticleRow, string>;
  bodies!: Table<BodyRow, string>;
  /** Small facts about the archive: the article count (./counter.ts). */
  meta!: Table<MetaRow, string>;
  /** Name and type of every entity the archive has seen, by id (./store-rows.ts). */
  entityNames!: Table<EntityNameRow, string>;
  /** The analysis page's counts: one small row per article and per-month tallies (./tallies.ts). */
  facts!: Table<FactRow, string>;
  tallies!: Table<TallyRow, string>;
  /** Articles the user deleted, for a sync to delete them on the server too (./tombstones.ts). */
  tombstones!: Table<TombstoneRow, string>;
  /** The server's files as the last sync saw them (lib/sync/engine.ts). */
  remoteFiles!: Table<RemoteFileRow, string>;
  /** The articles of each entity, newest saved first, and each entity's count (./entity-index.ts). */
  entityIndex!: Table<EntityIndexRow, string>;
  entityTotals!: Table<EntityTotalRow, string>;
  /** The full-text index: one row per article, its words in a multiEntry index (./search-index.ts). */
  articleWords!: Table<ArticleWordsRow, string>;

  constructor(options: ArchiveDbOptions = {}) {
    const { name = DB_NAME, onMigrationProgress, ...deps } = options;
    super(name, deps.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange ?? IDBKeyRange } : {});
    for (const m of MIGRATIONS) {
      const version = this.version(m.version).stores(m.stores);
      const { upgrade } = m;
      // An async function, so that Dexie keeps the upgrade transaction alive across native awaits
      // (it checks the function's kind: a plain arrow returning a promise lost it after one page).
      if (upgrade)
        version.upgrade(async (tx) => {
          await upgrade(tx, (done, total) => onMigrationProgress?.(m.version, done, total));
        });
    }
    // A new database starts with a stored size of zero (upgrades get theirs from storeArticleCount
    // and storeArchiveBytes).
    this.on('populate', (tx) => {
      void tx.table<MetaRow, string>('meta').bulkAdd([ARTICLE_COUNT, ARCHIVE_BYTES].map((key) => ({ key, value: 0 })));
    });
  }
}

/** Open (and upgrade if needed) the archive database. */
export async function openArchive(options: ArchiveDbOptions = {}): Promise<ArchiveDb> {
  const db = new ArchiveDb(options);
  await db.open();
  return db;
}

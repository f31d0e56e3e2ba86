/**
 * What the analysis page counts, kept up to date in the same transaction as every write of an
 * article's rows (./store-rows.ts), so that its charts never re-read the bodies:
 *
 * - `facts`: one small row per article — its time, site and the number of mentions of each of
 *   its entities (the filtered views and co-occurrence read these, never the summaries with their
 *   search words nor the bodies);
 * - `tallies`: one row per calendar month and one per ISO week, each holding the period's
 *   articles, its articles per site and its articles and mentions per entity. The unfiltered views
 *   read a few dozen rows whatever the archive's size (one row per entity and month was tried
 *   first: at 1,000 articles that was ~16,000 rows and 300 ms to read them).
 *
 * A writer of many articles (an import, its undo) counts them in one TallyBatch and writes each
 * period's row once at the end, instead of rewriting a month's row for every article.
 *
 * An article's time is its publication date as the Vietnamese pages print it (Vietnam's time,
 * UTC+7); one without a publication date counts at the moment it was saved.
 */
import type { ArticleEntity } from '../article';
import { VIETNAM_OFFSET_MINUTES } from '../clean/dates';
import type { ArchiveDb } from './db';
import type { ArticleRow } from './types';

/** Vietnam's time: an article published at 23:30 on the 31st in Hà Nội belongs to that month. */
const VIETNAM_OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** One article as the analysis page counts it. */
export interface FactRow {
  id: string;
  /** Publication (else save) time, epoch ms. */
  dayMs: number;
  /** 'YYYY-MM' of dayMs in Vietnam's time. */
  month: string;
  site: string;
  /** The article's savedAt (the popup's order; ./entity-index.ts keys by it). */
  savedAt: string;
  /**
   * The version of the recogniser its entities come from (./rematch.ts); absent when not known
   * (imported, restored by an undo, saved before the field): the background matches those again.
   */
  matchedWith?: string;
  /** The article's entities (multiEntry index) and, at the same position, their mention counts. */
  entityIds: string[];
  mentions: number[];
}

export type Granularity = 'month' | 'week';

/** One period's counts. */
export interface TallyRow {
  /** `month:YYYY-MM` or `week:YYYY-Www` (so that a key range holds one granularity only). */
  key: string;
  articles: number;
  /** Site → articles. */
  sites: Record<string, number>;
  /** Entity id → [articles, mentions]. */
  entities: Record<string, [number, number]>;
}

/** 'YYYY-MM' of an instant in Vietnam's time. */
export function monthOf(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

/** 'YYYY-Www' (ISO 8601 week: Monday first, week 1 holds the year's first Thursday) in Vietnam's time. */
export function weekOf(ms: number): string {
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const weekday = (local.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const periodOf = (ms: number, g: Granularity): string => (g === 'month' ? monthOf(ms) : weekOf(ms));
export const tallyKey = (g: Granularity, period: string): string => `${g}:${period}`;

/** The facts row of an article's rows. */
export function factRow(row: ArticleRow, entities: readonly ArticleEntity[], matchedWith?: string): FactRow {
  const dayMs = row.publishedMs ?? Date.parse(row.savedAt);
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.id, (counts.get(e.id) ?? 0) + e.mentions.length);
  return {
    id: row.id,
    dayMs,
    month: monthOf(dayMs),
    site: row.site,
    savedAt: row.savedAt,
    entityIds: [...counts.keys()],
    mentions: [...counts.values()],
    ...(matchedWith ? { matchedWith } : {}),
  };
}

/** Add (sign 1) or take away (sign -1) one article's counts in a period row. */
function apply(row: TallyRow, fact: FactRow, sign: 1 | -1): void {
  row.articles += sign;
  const site = (row.sites[fact.site] ?? 0) + sign;
  if (site > 0) row.sites[fact.site] = site;
  else delete row.sites[fact.site];
  fact.entityIds.forEach((id, i) => {
    const [articles, mentions] = row.entities[id] ?? [0, 0];
    if (articles + sign > 0)
      row.entities[id] = [articles + sign, Math.max(0, mentions + sign * (fact.mentions[i] ?? 0))];
    else delete row.entities[id];
  });
}

/** Changes to the tallies of one transaction, written once per period by flush(). */
export class TallyBatch {
  private readonly rows = new Map<string, TallyRow>();
  private readonly pending: [FactRow, 1 | -1][] = [];

  constructor(private readonly db: ArchiveDb) {}

  add(fact: FactRow, sign: 1 | -1): void {
    this.pending.push([fact, sign]);
  }

  /** Read the touched period rows, apply every change, write them back (inside the writer's transaction). */
  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const keys = new Set<string>();
    for (const [fact] of this.pending)
      for (const g of ['month', 'week'] as const) keys.add(tallyKey(g, periodOf(fact.dayMs, g)));
    const missing = [...keys].filter((k) => !this.rows.has(k));
    const stored = await this.db.tallies.bulkGet(missing);
    missing.forEach((key, i) => this.rows.set(key, stored[i] ?? { key, articles: 0, sites: {}, entities: {} }));
    for (const [fact, sign] of this.pending)
      for (const g of ['month', 'week'] as const)
        apply(this.rows.get(tallyKey(g, periodOf(fact.dayMs, g)))!, fact, sign);
    this.pending.length = 0;
    const rows = [...keys].map((k) => this.rows.get(k)!);
    const put = rows.filter((r) => r.articles > 0);
    const gone = rows.filter((r) => r.articles <= 0).map((r) => r.key);
    if (put.length) await this.db.tallies.bulkPut(put);
    if (gone.length) await this.db.tallies.bulkDelete(gone);
  }
}

/**
 * Count articles that are being written, all at once (their previous counts are taken away
 * first): one read and one write of the facts table for the whole set.
 */
export async function countArticles(
  db: ArchiveDb,
  items: readonly { row: ArticleRow; entities: readonly ArticleEntity[] }[],
  batch: TallyBatch,
  matchedWith?: string,
): Promise<{ previous: FactRow | undefined; fact: FactRow }[]> {
  const previous = await db.facts.bulkGet(items.map((x) => x.row.id));
  const out = items.map(({ row, entities }, i) => {
    const before = previous[i];
    if (before) batch.add(before, -1);
    const fact = factRow(row, entities, matchedWith);
    batch.add(fact, 1);
    return { previous: before, fact };
  });
  await db.facts.bulkPut(out.map((x) => x.fact));
  return out;
}

/** Take articles that are being removed out of the counts (one read, one delete); their facts as they were. */
export async function uncountArticles(
  db: ArchiveDb,
  ids: readonly string[],
  batch: TallyBatch,
): Promise<(FactRow | undefined)[]> {
  const previous = await db.facts.bulkGet([...ids]);
  for (const fact of previous) if (fact) batch.add(fact, -1);
  await db.facts.bulkDelete([...ids]);
  return previous;
}

/** The tallies of a set of facts rows, as the writers keep them (for rebuilding and for checks). */
export function tallyRows(facts: Iterable<FactRow>): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const fact of facts)
    for (const g of ['month', 'week'] as const) {
      const key = tallyKey(g, periodOf(fact.dayMs, g));
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, articles: 0, sites: {}, entities: {} }));
      apply(row, fact, 1);
    }
  return [...rows.values()];
}

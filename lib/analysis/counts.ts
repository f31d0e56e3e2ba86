/**
 * Reading the analysis counts for a filter. Two paths give the same numbers:
 *
 * 1. **Tallies** (lib/archive/tallies.ts) when the filter is dates only, on the edges of whole
 *    months (or weeks, counting by week): one row per period, whatever the archive's size.
 * 2. **Facts** otherwise (a site, an entity, search words, days inside a period): the matching
 *    articles' small facts rows are read and counted here.
 *
 * An article's time is its publication date, or the day it was saved when the page printed none
 * (so an undated article still counts; the popup's date filter, which reads publication dates
 * only, leaves those out).
 */
import type { ArchiveDb } from '@/lib/archive/db';
import { toArchiveError } from '@/lib/archive/errors';
import { matchingIds } from '@/lib/archive/query';
import { periodOf, tallyKey, type FactRow, type Granularity, type TallyRow } from '@/lib/archive/tallies';
import { VIETNAM_OFFSET_MINUTES } from '@/lib/clean/dates';

/** What the analysis page looks at: the popup's filters, dates as 'YYYY-MM-DD' days (Vietnam's time). */
export interface AnalysisFilter {
  from?: string;
  to?: string;
  site?: string;
  /** Only articles mentioning this entity. */
  entityId?: string;
  search?: string;
  exact?: boolean;
}

/** One period's count: an entity's mentions and articles, a site's articles, or all articles ('all', ref ''). */
export interface PeriodCount {
  period: string;
  kind: 'entity' | 'site' | 'all';
  ref: string;
  articles: number;
  mentions: number;
}

export interface Counts {
  granularity: Granularity;
  rows: PeriodCount[];
  /** Where they came from (the facts path also hands back the facts it read). */
  source: 'tallies' | 'facts';
  facts: FactRow[] | null;
}

const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Vietnam midnight of a 'YYYY-MM-DD' day (plus `days`), as epoch ms. */
function dayMs(day: string, days = 0): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + days) - OFFSET_MS;
}

/** The filter's time range [lo, hi) in epoch ms. */
export function timeRange(f: AnalysisFilter): { lo: number; hi: number } {
  return {
    lo: f.from ? dayMs(f.from) : -Infinity,
    hi: f.to ? dayMs(f.to, 1) : Infinity,
  };
}

/** The day's weekday (0 Monday … 6 Sunday) and whether it is the first or the last day of its month. */
function dayShape(day: string): { weekday: number; first: boolean; last: boolean } | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  const next = new Date(date.getTime() + 86_400_000);
  return { weekday: (date.getUTCDay() + 6) % 7, first: date.getUTCDate() === 1, last: next.getUTCDate() === 1 };
}

/** The filter's dates fall on the edges of whole periods (no dates: the whole archive). */
function wholePeriods(f: AnalysisFilter, g: Granularity): boolean {
  const from = f.from === undefined ? null : dayShape(f.from);
  const to = f.to === undefined ? null : dayShape(f.to);
  if ((f.from !== undefined && !from) || (f.to !== undefined && !to)) return false;
  return g === 'month'
    ? (!from || from.first) && (!to || to.last)
    : (!from || from.weekday === 0) && (!to || to.weekday === 6);
}

/** The filter can be answered from the period tallies. */
export function byTallies(f: AnalysisFilter, g: Granularity): boolean {
  return f.site === undefined && f.entityId === undefined && !f.search?.trim() && wholePeriods(f, g);
}

/** The facts of every article matching the filter. */
export async function factsFor(db: ArchiveDb, f: AnalysisFilter): Promise<FactRow[]> {
  const { lo, hi } = timeRange(f);
  const ids = await matchingIds(db, { site: f.site, entityId: f.entityId, search: f.search, exact: f.exact });
  try {
    const facts = ids
      ? (await db.facts.bulkGet([...ids])).filter((x): x is FactRow => x !== undefined)
      : await db.facts.where('dayMs').between(lo, hi, true, false).toArray();
    return facts.filter((x) => x.dayMs >= lo && x.dayMs < hi);
  } catch (error) {
    throw toArchiveError(error, 'read the analysis counts');
  }
}

/** Count facts rows by period, as the tallies do. */
export function countFacts(facts: readonly FactRow[], g: Granularity): PeriodCount[] {
  const out = new Map<string, PeriodCount>();
  const add = (period: string, kind: PeriodCount['kind'], ref: string, mentions: number) => {
    const key = `${period}|${kind}|${ref}`;
    const row = out.get(key);
    if (row) {
      row.articles += 1;
      row.mentions += mentions;
    } else out.set(key, { period, kind, ref, articles: 1, mentions });
  };
  for (const fact of facts) {
    const period = g === 'month' ? fact.month : periodOf(fact.dayMs, g);
    add(period, 'all', '', 0);
    add(period, 'site', fact.site, 0);
    fact.entityIds.forEach((id, i) => add(period, 'entity', id, fact.mentions[i] ?? 0));
  }
  return [...out.values()];
}

/** The stored period rows as counts. */
function expand(rows: readonly TallyRow[]): PeriodCount[] {
  const out: PeriodCount[] = [];
  for (const row of rows) {
    const period = row.key.slice(row.key.indexOf(':') + 1);
    out.push({ period, kind: 'all', ref: '', articles: row.articles, mentions: 0 });
    for (const [site, articles] of Object.entries(row.sites))
      out.push({ period, kind: 'site', ref: site, articles, mentions: 0 });
    for (const [id, [articles, mentions]] of Object.entries(row.entities))
      out.push({ period, kind: 'entity', ref: id, articles, mentions });
  }
  return out;
}

/** The counts for a filter, by month or by week. */
export async function loadCounts(db: ArchiveDb, f: AnalysisFilter, g: Granularity): Promise<Counts> {
  if (byTallies(f, g)) {
    const { lo, hi } = timeRange(f);
    const first = tallyKey(g, Number.isFinite(lo) ? periodOf(lo, g) : '');
    const last = tallyKey(g, Number.isFinite(hi) ? periodOf(hi - 1, g) : '\uffff');
    try {
      const rows = await db.tallies.where(':id').between(first, last, true, true).toArray();
      return { granularity: g, rows: expand(rows), source: 'tallies', facts: null };
    } catch (error) {
      throw toArchiveError(error, 'read the analysis counts');
    }
  }
  const facts = await factsFor(db, f);
  return { granularity: g, rows: countFacts(facts, g), source: 'facts', facts };
}

/** The facts of the articles mentioning `entityId` within the filter's dates (the tallies path's co-occurrence). */
export async function factsWith(db: ArchiveDb, f: AnalysisFilter, entityId: string): Promise<FactRow[]> {
  const { lo, hi } = timeRange(f);
  try {
    return (await db.facts.where('entityIds').equals(entityId).toArray()).filter((x) => x.dayMs >= lo && x.dayMs < hi);
  } catch (error) {
    throw toArchiveError(error, 'read the analysis counts');
  }
}

/** A way into the articles behind a chart mark: a period, an entity (and a second one it appears with), a site. */
export interface Mark {
  period?: string;
  entityId?: string;
  /** With entityId: only the articles mentioning both (a co-occurrence). */
  alsoEntityId?: string;
  site?: string;
}

/** The facts of the filter's articles behind a mark, newest first. */
export async function factsBehind(db: ArchiveDb, f: AnalysisFilter, g: Granularity, mark: Mark): Promise<FactRow[]> {
  const facts =
    byTallies(f, g) && mark.entityId !== undefined ? await factsWith(db, f, mark.entityId) : await factsFor(db, f);
  const has = (x: FactRow, id: string | undefined) => id === undefined || x.entityIds.includes(id);
  return facts
    .filter(
      (x) =>
        has(x, mark.entityId) &&
        has(x, mark.alsoEntityId) &&
        (mark.site === undefined || x.site === mark.site) &&
        (mark.period === undefined || periodOf(x.dayMs, g) === mark.period),
    )
    .sort((a, b) => b.dayMs - a.dayMs || (a.id < b.id ? 1 : -1));
}

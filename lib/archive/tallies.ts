/**
 * What the analysis page counts, kept up to date in the same transaction as every write of an
 * article's rows (./store-rows.ts), so that its charts never re-read the bodies:
 *
 * - `facts`: one small row per article — its period, site and the number of mentions of each of
 *   its entities (the filtered views and co-occurrence read these, never the summaries with their
 *   search words nor the bodies);
 * - `tallies`: per month, the mentions and articles of each entity, the articles of each site and
 *   of the whole archive (the unfiltered views read these: a few thousand rows at 10,000 articles).
 *
 * An article's period is its publication date as the Vietnamese pages print it (Vietnam's time,
 * UTC+7); one without a publication date counts at the day it was saved.
 */
import type { ArticleEntity } from '../article';
import { VIETNAM_OFFSET_MINUTES } from '../clean/dates';
import type { ArchiveDb } from './db';
import type { ArticleRow } from './types';

/** Vietnam's time: an article published at 23:30 on the 31st in Hà Nội belongs to that month. */
const VIETNAM_OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;

/** One article as the analysis page counts it. */
export interface FactRow {
  id: string;
  /** Publication (else save) time, epoch ms. */
  dayMs: number;
  /** 'YYYY-MM' of dayMs in Vietnam's time. */
  month: string;
  site: string;
  /** The article's entities (multiEntry index) and, at the same position, their mention counts. */
  entityIds: string[];
  mentions: number[];
}

export type TallyKind = 'entity' | 'site' | 'all';

/** Per month: one entity's mentions and articles, one site's articles, or all articles ('all', ref ''). */
export interface TallyRow {
  /** `${month}|${kind}|${ref}`. */
  key: string;
  month: string;
  kind: TallyKind;
  ref: string;
  articles: number;
  mentions: number;
}

/** 'YYYY-MM' of an instant in Vietnam's time. */
export function monthOf(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

export const tallyKey = (month: string, kind: TallyKind, ref: string): string => `${month}|${kind}|${ref}`;

/** The facts row of an article's rows. */
export function factRow(row: ArticleRow, entities: readonly ArticleEntity[]): FactRow {
  const dayMs = row.publishedMs ?? Date.parse(row.savedAt);
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.id, (counts.get(e.id) ?? 0) + e.mentions.length);
  return {
    id: row.id,
    dayMs,
    month: monthOf(dayMs),
    site: row.site,
    entityIds: [...counts.keys()],
    mentions: [...counts.values()],
  };
}

/** Add (sign 1) or take away (sign -1) one article's counts. Call inside a transaction over db.tallies. */
async function applyFact(db: ArchiveDb, fact: FactRow, sign: 1 | -1): Promise<void> {
  const deltas: { key: string; kind: TallyKind; ref: string; mentions: number }[] = [
    { key: tallyKey(fact.month, 'all', ''), kind: 'all', ref: '', mentions: 0 },
    { key: tallyKey(fact.month, 'site', fact.site), kind: 'site', ref: fact.site, mentions: 0 },
    ...fact.entityIds.map((id, i) => ({
      key: tallyKey(fact.month, 'entity', id),
      kind: 'entity' as const,
      ref: id,
      mentions: fact.mentions[i] ?? 0,
    })),
  ];
  const current = await db.tallies.bulkGet(deltas.map((d) => d.key));
  const put: TallyRow[] = [];
  const gone: string[] = [];
  deltas.forEach((d, i) => {
    const was = current[i];
    const articles = (was?.articles ?? 0) + sign;
    const mentions = (was?.mentions ?? 0) + sign * d.mentions;
    if (articles <= 0) gone.push(d.key);
    else
      put.push({ key: d.key, month: fact.month, kind: d.kind, ref: d.ref, articles, mentions: Math.max(0, mentions) });
  });
  if (put.length) await db.tallies.bulkPut(put);
  if (gone.length) await db.tallies.bulkDelete(gone);
}

/** Count an article that is being written (its previous counts, if any, are taken away first). */
export async function countArticle(db: ArchiveDb, row: ArticleRow, entities: readonly ArticleEntity[]): Promise<void> {
  await uncountArticle(db, row.id);
  const fact = factRow(row, entities);
  await db.facts.put(fact);
  await applyFact(db, fact, 1);
}

/** Take an article that is being removed (or rewritten) out of the counts. */
export async function uncountArticle(db: ArchiveDb, id: string): Promise<void> {
  const previous = await db.facts.get(id);
  if (!previous) return;
  await applyFact(db, previous, -1);
  await db.facts.delete(id);
}

/** What each part of the analysis page shows, computed from the counts (./counts.ts): no database here. */
import type { FactRow } from '@/lib/archive/tallies';
import type { PeriodCount } from './counts';
import { periodRange } from './periods';

export interface Series {
  id: string;
  /** Mentions and articles per period, aligned with Timeline.periods. */
  mentions: number[];
  articles: number[];
}

export interface Timeline {
  periods: string[];
  /** All articles of the filter per period (the count shown beside the mentions). */
  articles: number[];
  series: Series[];
}

/** Every period from the first to the last counted (gaps are zeros, not missing). */
export function timeline(rows: readonly PeriodCount[], chosen: readonly string[]): Timeline {
  const counted = [...new Set(rows.map((r) => r.period))].sort();
  const periods = counted.length ? periodRange(counted[0]!, counted.at(-1)!) : [];
  const at = new Map(periods.map((p, i) => [p, i]));
  const articles = periods.map(() => 0);
  const series = chosen.map((id) => ({ id, mentions: periods.map(() => 0), articles: periods.map(() => 0) }));
  const byId = new Map(series.map((s) => [s.id, s]));
  for (const r of rows) {
    const i = at.get(r.period);
    if (i === undefined) continue;
    if (r.kind === 'all') articles[i] = r.articles;
    else if (r.kind === 'entity') {
      const s = byId.get(r.ref);
      if (s) {
        s.mentions[i] = r.mentions;
        s.articles[i] = r.articles;
      }
    }
  }
  return { periods, articles, series };
}

export interface Ranked {
  id: string;
  articles: number;
  mentions: number;
}

/** Entities (or sites) summed over every period, most articles first (then mentions, then id). */
export function ranked(rows: readonly PeriodCount[], kind: 'entity' | 'site'): Ranked[] {
  const sums = new Map<string, Ranked>();
  for (const r of rows) {
    if (r.kind !== kind) continue;
    const s = sums.get(r.ref) ?? { id: r.ref, articles: 0, mentions: 0 };
    s.articles += r.articles;
    s.mentions += r.mentions;
    sums.set(r.ref, s);
  }
  return [...sums.values()].sort(
    (a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.id < b.id ? -1 : 1),
  );
}

/** Number of articles counted (summed over the periods' 'all' rows). */
export const articleTotal = (rows: readonly PeriodCount[]): number =>
  rows.reduce((n, r) => (r.kind === 'all' ? n + r.articles : n), 0);

export interface Change extends Ranked {
  /** Articles in the previous period of the same length (null: no previous period to compare with). */
  previous: number | null;
}

/** The top entities, each with its count in the previous period (when there is one). */
export function withChange(top: readonly Ranked[], previous: readonly PeriodCount[] | null): Change[] {
  const before = previous ? new Map(ranked(previous, 'entity').map((r) => [r.id, r.articles])) : null;
  return top.map((r) => ({ ...r, previous: before ? (before.get(r.id) ?? 0) : null }));
}

export interface Network {
  /** The chosen entity first, then the entities met most often with it. */
  nodes: { id: string; articles: number }[];
  /** Articles shared by two nodes (only pairs with at least one). */
  links: { source: string; target: string; articles: number }[];
}

/**
 * Co-occurrence with one entity, from the facts of the articles that mention it: the others
 * ranked by the number of those articles they appear in; the network adds the pairs among the
 * `size` most frequent (counted in the same articles).
 */
export function cooccurrence(facts: readonly FactRow[], id: string, size = 15): { ranked: Ranked[]; network: Network } {
  const withIt = facts.filter((f) => f.entityIds.includes(id));
  const sums = new Map<string, Ranked>();
  for (const f of withIt)
    f.entityIds.forEach((other, i) => {
      if (other === id) return;
      const s = sums.get(other) ?? { id: other, articles: 0, mentions: 0 };
      s.articles += 1;
      s.mentions += f.mentions[i] ?? 0;
      sums.set(other, s);
    });
  const list = [...sums.values()].sort(
    (a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.id < b.id ? -1 : 1),
  );
  const near = list.slice(0, size);
  const inNet = new Set([id, ...near.map((r) => r.id)]);
  const pairs = new Map<string, number>();
  for (const f of withIt) {
    const present = f.entityIds.filter((e) => inNet.has(e) && e !== id).sort();
    for (let i = 0; i < present.length; i++)
      for (let j = i + 1; j < present.length; j++) {
        const key = `${present[i]}\u0000${present[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  }
  const links = [
    ...near.map((r) => ({ source: id, target: r.id, articles: r.articles })),
    ...[...pairs].map(([key, articles]) => {
      const [source, target] = key.split('\u0000') as [string, string];
      return { source, target, articles };
    }),
  ];
  return {
    ranked: list,
    network: {
      nodes: [{ id, articles: withIt.length }, ...near.map((r) => ({ id: r.id, articles: r.articles }))],
      links,
    },
  };
}

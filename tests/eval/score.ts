/**
 * Scoring for the entity evaluation set (tests/fixtures/entities-eval, conventions in its README):
 * the gold mentions written by hand against the mentions a matcher finds. Pure functions, used by
 * `npm run eval:entities` (tests/eval/entities.ts) and by its unit test, which holds the floors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType, Mention } from '@/lib/article';
import { compileGazetteer } from '@/lib/entities/build/compile';
import { readGazetteer } from '@/lib/entities/build/load';
import type { GazetteerRows } from '@/lib/entities/build/tsv';
import { createMatcher, type EntityMatcher } from '@/lib/entities/matcher';
import { MAX_MATCH_CHARS } from '@/lib/limits';

export const EVAL_DIR = join(import.meta.dirname, '../fixtures/entities-eval');
export const SEEDS_DIR = join(import.meta.dirname, '../fixtures/entity-seeds');
export const GAZETTEER_DIR = join(import.meta.dirname, '../../assets/gazetteer');

export type Split = 'dev' | 'heldout';
export const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

export interface GoldMention {
  start: number;
  end: number;
  surface: string;
  type: EntityType;
  /** The gazetteer id, or null when the gazetteer does not list the entity (then proposedName). */
  entityId: string | null;
  proposedName?: string;
  title?: string;
}

export interface EvalText {
  name: string;
  url: string;
  outlet: string;
  split: Split;
  text: string;
  gold: GoldMention[];
}

/** Every text of the set, with its gold; throws when a gold span does not match its text. */
export function loadEvalSet(dir = EVAL_DIR): EvalText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -5);
      const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
      const g = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<EvalText, 'name' | 'text' | 'gold'> & {
        mentions: GoldMention[];
      };
      if (text !== text.normalize('NFC')) throw new Error(`${name}.txt is not NFC`);
      for (const m of g.mentions) {
        if (text.slice(m.start, m.end) !== m.surface)
          throw new Error(`${name}: gold ${m.start}-${m.end} is "${text.slice(m.start, m.end)}", not "${m.surface}"`);
      }
      return { name, url: g.url, outlet: g.outlet, split: g.split, text, gold: g.mentions };
    });
}

/** Entity ids the seed articles mention (their hand-written expectations). */
export function seedEntityIds(dir = SEEDS_DIR): Set<string> {
  const ids = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const e of JSON.parse(readFileSync(join(dir, f), 'utf8')) as { canonicalId: string }[]) ids.add(e.canonicalId);
  }
  return ids;
}

/** The matcher over the gazetteer rows, compiled as the build compiles them (the extension's path). */
export function matcherFromRows(rows: GazetteerRows): EntityMatcher {
  return createMatcher(compileGazetteer(rows).data);
}

export function readRows(dir = GAZETTEER_DIR): GazetteerRows {
  return readGazetteer(dir);
}

/**
 * The rows without the entities `drop`, and without any row whose aliases refer to one of them
 * (a twin-province pair carries its provinces' spellings).
 */
export function withoutEntities(rows: GazetteerRows, drop: ReadonlySet<string>): GazetteerRows {
  const refers = (a: string) => [...a.matchAll(/\{([a-z0-9.-]+)\}/g)].some((m) => drop.has(m[1]!));
  return {
    ...rows,
    entities: rows.entities.filter((e) => !drop.has(e.id) && !e.aliases.some(refers)),
  };
}

/** What the background answers for a view's text: findMentions on its first MAX_MATCH_CHARS characters. */
export function recognise(matcher: EntityMatcher, text: string): Mention[] {
  return matcher.findMentions(text.slice(0, MAX_MATCH_CHARS));
}

export interface Pair {
  gold: GoldMention;
  found: Mention;
}

export interface TextResult {
  text: EvalText;
  found: Mention[];
  /** Same start, end and type. */
  exact: Pair[];
  /** Overlapping spans of the same type (one to one), exact ones included. */
  partial: Pair[];
  missed: GoldMention[];
  spurious: Mention[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Pair gold and found mentions: exact spans first, then the largest overlaps of the same type. */
export function align(text: EvalText, found: Mention[]): TextResult {
  const exact: Pair[] = [];
  const usedGold = new Set<GoldMention>();
  const usedFound = new Set<Mention>();
  const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
  const byKey = new Map(found.map((f) => [key(f), f]));
  for (const g of text.gold) {
    const f = byKey.get(key(g));
    if (f && !usedFound.has(f)) {
      exact.push({ gold: g, found: f });
      usedGold.add(g);
      usedFound.add(f);
    }
  }
  const partial = [...exact];
  const candidates: { g: GoldMention; f: Mention; size: number }[] = [];
  for (const g of text.gold) {
    if (usedGold.has(g)) continue;
    for (const f of found) {
      if (usedFound.has(f) || f.type !== g.type || !overlaps(g, f)) continue;
      candidates.push({ g, f, size: Math.min(g.end, f.end) - Math.max(g.start, f.start) });
    }
  }
  candidates.sort((a, b) => b.size - a.size);
  const partGold = new Set(usedGold);
  const partFound = new Set(usedFound);
  for (const c of candidates) {
    if (partGold.has(c.g) || partFound.has(c.f)) continue;
    partial.push({ gold: c.g, found: c.f });
    partGold.add(c.g);
    partFound.add(c.f);
  }
  return {
    text,
    found,
    exact,
    partial,
    missed: text.gold.filter((g) => !usedGold.has(g)),
    spurious: found.filter((f) => !usedFound.has(f)),
  };
}

export interface Prf {
  tp: number;
  found: number;
  gold: number;
  p: number;
  r: number;
  f1: number;
}

export function prf(tp: number, found: number, gold: number): Prf {
  const p = found ? tp / found : 1;
  const r = gold ? tp / gold : 1;
  return { tp, found, gold, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface Scores {
  texts: number;
  exact: Prf;
  partial: Prf;
  byType: Record<EntityType, Prf>;
  /** Recall on gold mentions of listed entities (entityId set) and of unlisted ones (null). */
  listedRecall: Prf;
  unlistedRecall: Prf;
  /** Precision of found mentions with `listed` true, and with `listed` false. */
  listedPrecision: Prf;
  unlistedPrecision: Prf;
  /** Among exact matches of listed gold: the right entityId. */
  link: { right: number; of: number; accuracy: number };
}

export function score(results: readonly TextResult[]): Scores {
  const sum = (f: (r: TextResult) => number) => results.reduce((a, r) => a + f(r), 0);
  const foundN = sum((r) => r.found.length);
  const goldN = sum((r) => r.text.gold.length);
  const exactTp = sum((r) => r.exact.length);
  const byType = Object.fromEntries(
    TYPES.map((t) => [
      t,
      prf(
        sum((r) => r.exact.filter((p) => p.gold.type === t).length),
        sum((r) => r.found.filter((f) => f.type === t).length),
        sum((r) => r.text.gold.filter((g) => g.type === t).length),
      ),
    ]),
  ) as Record<EntityType, Prf>;
  const listedGold = (g: GoldMention) => g.entityId !== null;
  const linked = results.flatMap((r) => r.exact.filter((p) => listedGold(p.gold)));
  const right = linked.filter((p) => p.found.entityId === p.gold.entityId).length;
  return {
    texts: results.length,
    exact: prf(exactTp, foundN, goldN),
    partial: prf(
      sum((r) => r.partial.length),
      foundN,
      goldN,
    ),
    byType,
    listedRecall: prf(
      sum((r) => r.exact.filter((p) => listedGold(p.gold)).length),
      0,
      sum((r) => r.text.gold.filter(listedGold).length),
    ),
    unlistedRecall: prf(
      sum((r) => r.exact.filter((p) => !listedGold(p.gold)).length),
      0,
      sum((r) => r.text.gold.filter((g) => !listedGold(g)).length),
    ),
    listedPrecision: prf(
      sum((r) => r.exact.filter((p) => p.found.listed).length),
      sum((r) => r.found.filter((f) => f.listed).length),
      0,
    ),
    unlistedPrecision: prf(
      sum((r) => r.exact.filter((p) => !p.found.listed).length),
      sum((r) => r.found.filter((f) => !f.listed).length),
      0,
    ),
    link: { right, of: linked.length, accuracy: linked.length ? right / linked.length : 1 },
  };
}

export interface LeaveOut {
  /** Gazetteer entities first seen in the evaluation set (not in the seeds), removed for this run. */
  dropped: string[];
  /** Recall (exact span and type) on the gold mentions of the dropped entities. */
  recall: Prf;
  partialRecall: Prf;
  results: TextResult[];
}

/** Match every text again with the entities the seeds do not mention removed from the gazetteer. */
export function leaveOut(set: readonly EvalText[], rows: GazetteerRows, seeds: ReadonlySet<string>): LeaveOut {
  const ids = new Set(rows.entities.map((e) => e.id));
  const drop = new Set(
    set
      .flatMap((t) => t.gold.map((g) => g.entityId))
      .filter((id): id is string => !!id && ids.has(id) && !seeds.has(id)),
  );
  const matcher = matcherFromRows(withoutEntities(rows, drop));
  const results = set.map((t) => align(t, recognise(matcher, t.text)));
  const ofDropped = (g: GoldMention) => g.entityId !== null && drop.has(g.entityId);
  const gold = results.reduce((a, r) => a + r.text.gold.filter(ofDropped).length, 0);
  const tp = results.reduce((a, r) => a + r.exact.filter((p) => ofDropped(p.gold)).length, 0);
  const part = results.reduce((a, r) => a + r.partial.filter((p) => ofDropped(p.gold)).length, 0);
  return { dropped: [...drop].sort(), recall: prf(tp, 0, gold), partialRecall: prf(part, 0, gold), results };
}

export interface Evaluation {
  set: EvalText[];
  results: TextResult[];
  overall: Scores;
  bySplit: Record<Split, Scores>;
  leaveOut: LeaveOut;
  leaveOutBySplit: Record<Split, Prf>;
}

/** The whole evaluation: the full gazetteer on every text, then the leave-out run. */
export function evaluate(set = loadEvalSet(), rows = readRows(), seeds = seedEntityIds()): Evaluation {
  const matcher = matcherFromRows(rows);
  const results = set.map((t) => align(t, recognise(matcher, t.text)));
  const of = (s: Split) => results.filter((r) => r.text.split === s);
  const lo = leaveOut(set, rows, seeds);
  const drop = new Set(lo.dropped);
  const loSplit = (s: Split): Prf => {
    const rs = lo.results.filter((r) => r.text.split === s);
    const ofDropped = (g: GoldMention) => g.entityId !== null && drop.has(g.entityId);
    return prf(
      rs.reduce((a, r) => a + r.exact.filter((p) => ofDropped(p.gold)).length, 0),
      0,
      rs.reduce((a, r) => a + r.text.gold.filter(ofDropped).length, 0),
    );
  };
  return {
    set,
    results,
    overall: score(results),
    bySplit: { dev: score(of('dev')), heldout: score(of('heldout')) },
    leaveOut: lo,
    leaveOutBySplit: { dev: loSplit('dev'), heldout: loSplit('heldout') },
  };
}

/**
 * "Most relevant" (the popup's sort, when a search is active): a BM25F-like score over the
 * search's candidates only (./query.ts reads their text through ./search-text.ts).
 *
 * For each word of the query, its occurrences are weighted by where they are — title ×3, lead
 * ×2, body ×1 — then saturated and scaled by the article's length as BM25 does (k1 = 1.2,
 * b = 0.75; the average length is the candidates', which are read anyway, not the archive's,
 * which is not stored), and multiplied by the word's rarity in the archive (BM25's idf, from the
 * number of articles the words index holds for it). Each phrase — one in quotes, or two or more
 * loose words typed together — counts again the same way as one more "word" worth the rarity of
 * all its words, twice: an article with the words together ranks above one with them apart.
 * Equal scores keep the newest first.
 */
import type { ParsedSearch, Phrase, SearchTerm } from './search-query';
import { countPhrase, countTerm, type ArticleFields, type Lines } from './search-text';

const K1 = 1.2;
const B = 0.75;
const FIELD_WEIGHTS = { title: 3, lead: 2, body: 1 } as const;
const PHRASE_WEIGHT = 2;

/** Occurrences in the title, the lead and the body. */
export type FieldCounts = [title: number, lead: number, body: number];

/** What the score needs of one article (kept for every candidate; its text is not). */
export interface Counts {
  /** Per term of the search, in its order. */
  terms: FieldCounts[];
  /** Per phrase of the search, in its order. */
  phrases: FieldCounts[];
  length: number;
}

/** What the score needs of the archive. */
export interface Collection {
  /** Articles in the archive. */
  articles: number;
  /** Per term of the search: the articles that hold it (an upper bound for a prefix is fine). */
  termArticles: readonly number[];
  /** The candidates' mean length in words. */
  averageLength: number;
}

const inFields = (f: ArticleFields, count: (field: Lines) => number): FieldCounts => [
  count(f.title),
  count(f.lead),
  count(f.body),
];

export function countMatches(fields: ArticleFields, search: ParsedSearch): Counts {
  return {
    terms: search.terms.map((t: SearchTerm) => inFields(fields, (l) => countTerm(l, t))),
    phrases: search.phrases.map((p: Phrase) => inFields(fields, (l) => countPhrase(l, p))),
    length: fields.length,
  };
}

const weighted = ([title, lead, body]: FieldCounts): number =>
  FIELD_WEIGHTS.title * title + FIELD_WEIGHTS.lead * lead + FIELD_WEIGHTS.body * body;

/** BM25's idf: never negative, larger for rarer words. */
const idf = (articles: number, holding: number): number => Math.log(1 + (articles - holding + 0.5) / (holding + 0.5));

export function relevance(counts: Counts, search: ParsedSearch, c: Collection): number {
  const norm = K1 * (1 - B + (B * counts.length) / Math.max(1, c.averageLength));
  const saturate = (tf: number) => (tf * (K1 + 1)) / (tf + norm);
  const rarity = search.terms.map((_, i) => idf(Math.max(c.articles, c.termArticles[i]!), c.termArticles[i]!));
  const rarityOf = (word: string, prefix: boolean) =>
    rarity[search.terms.findIndex((t) => t.word === word && t.prefix === prefix)] ?? 0;
  let score = 0;
  counts.terms.forEach((fc, i) => (score += rarity[i]! * saturate(weighted(fc))));
  search.phrases.forEach((p, i) => {
    const worth = p.words.reduce((s, w, j) => s + rarityOf(w, p.prefix && j === p.words.length - 1), 0);
    score += PHRASE_WEIGHT * worth * saturate(weighted(counts.phrases[i]!));
  });
  return score;
}

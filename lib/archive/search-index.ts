/**
 * The archive's full-text index (schema v8), written in the same transaction as the article's rows
 * (./store-rows.ts): the `articleWords` table, one row per article, keyed
 * `${savedAt}\u0000${id}`, with the article's folded and exact words in one multiEntry index
 * (`*terms`, each word prefixed by its mode). A range of that index is one word's articles (or
 * every word's with a prefix), and the index keeps each word's entries in primary-key order, so a
 * search reads only its own entries, already in the popup's order (newest saved first, walked
 * backwards) and with each article's id and savedAt in hand — no summary row is read to order it.
 *
 * Why not the multiEntry indexes of v2–v7 (`*words`, `*exactWords` on the summary rows): every
 * summary row carried ~1,000 words twice, so each list, filter and export read that weight, and a
 * search found ids only, which were then ordered by walking every key of the savedAt index (17×
 * the time at 10,000 articles as at 100 for a word in 1 % of them).
 *
 * Why one row per article and not one row per (word, article): that was tried first and measured
 * (`npm run bench`, case 3): each row is its own IndexedDB request, ~2,000 per article, and seeding
 * 1,000 articles took 197 s against 13 s for the rows' own index entries, which the database
 * writes without a request each. Chosen over a full-text library persisted in IndexedDB
 * (FlexSearch 0.8 keeps one posting list per word and rewrites it on commit, so a common word's
 * list — and a save's cost — grows with the archive) and SQLite FTS5 in an offscreen document (a
 * ~900 KB WASM module started with the background, and Firefox has no offscreen documents); those
 * two were judged from their design, not measured here.
 */
import type { ArchiveDb } from './db';
import { indexWords, type SearchMode } from './keys';

const SEP = '\u0000';
const MODE_SEP = '\u0001';
const MODE_CODE: Record<SearchMode, string> = { folded: 'f', exact: 'e' };

/** An article's search row (the `articleWords` table). */
export interface ArticleWordsRow {
  /** `${savedAt}\u0000${id}`: the index's entries of one word sort in the popup's order. */
  key: string;
  id: string;
  /** Folded and exact words, each prefixed by its mode (multiEntry index). */
  terms: string[];
}

const term = (mode: SearchMode, word: string): string => `${MODE_CODE[mode]}${MODE_SEP}${word}`;

export const wordsKey = (savedAt: string, id: string): string => `${savedAt}${SEP}${id}`;

/** The `terms` index range of one word (whole word), or of every word starting with `word` (prefix). */
export function wordRange(mode: SearchMode, word: string, prefix: boolean): [string, string] {
  const t = term(mode, word);
  return prefix ? [t, `${t}\uffff`] : [t, t];
}

/** The article id and savedAt in a row key. */
export function keyParts(key: string): { savedAt: string; id: string } {
  const at = key.indexOf(SEP);
  return { savedAt: key.slice(0, at), id: key.slice(at + 1) };
}

/** The search row of an article's title, lead and text. */
export function articleWords(
  id: string,
  savedAt: string,
  title: string,
  lead: string | null,
  text: string,
): ArticleWordsRow {
  return {
    key: wordsKey(savedAt, id),
    id,
    terms: searchTerms(indexWords(title, lead, text, 'folded'), indexWords(title, lead, text, 'exact')),
  };
}

/** The index terms of folded and exact word lists. */
export function searchTerms(folded: readonly string[], exact: readonly string[]): string[] {
  return [...folded.map((w) => term('folded', w)), ...exact.map((w) => term('exact', w))];
}

/** The words of one mode in a search row (tests, checks). */
export const wordsOf = (row: ArticleWordsRow, mode: SearchMode): string[] => {
  const p = term(mode, '');
  return row.terms.filter((t) => t.startsWith(p)).map((t) => t.slice(p.length));
};

/**
 * Replace articles' search rows with `next` (undefined: the article is removed), in one read and
 * at most two writes for the whole set. Inside the writer's transaction (over ./store-rows.ts articleTables).
 */
export async function reindexWords(
  db: ArchiveDb,
  changes: readonly { id: string; next: ArticleWordsRow | undefined }[],
): Promise<void> {
  const previous: string[] = await db.articleWords
    .where('id')
    .anyOf(changes.map((c) => c.id))
    .primaryKeys();
  const kept = new Set(changes.flatMap((c) => (c.next ? [c.next.key] : [])));
  const gone = previous.filter((k) => !kept.has(k));
  if (gone.length) await db.articleWords.bulkDelete(gone);
  const put = changes.flatMap((c) => (c.next ? [c.next] : []));
  if (put.length) await db.articleWords.bulkPut(put);
}

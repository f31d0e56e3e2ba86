/**
 * The archive's full-text index (schema v8): a words table designed for IndexedDB, written in the
 * same transaction as the article's rows (./store-rows.ts).
 *
 * - `wordIndex`: one key per (mode, word, article), `${mode}\u0001${word}\u0000${savedAt}\u0000${id}`,
 *   no value. A key range per word is that word's articles in the popup's order (walk it backwards
 *   for newest first); a range per word prefix is a prefix search. Nothing in a key depends on the
 *   rest of the archive, so writing an article costs the same at 100 articles as at 50,000.
 * - `articleWords`: per article, the words it was indexed under and the savedAt of its keys, so a
 *   rewrite or delete removes exactly the keys it wrote (a body may be gone by then).
 *
 * Why not the multiEntry indexes of v2–v7 (`*words`, `*exactWords` on the summary rows): every
 * summary row carried ~1,000 words twice, so each list, filter and export read that weight, and
 * a search found ids only, which were then ordered by walking every key of the savedAt index
 * (17× the time at 10,000 articles as at 100 for a word in 1 % of them). Here a search reads only
 * its own keys, already ordered. Chosen over a full-text library persisted in IndexedDB
 * (FlexSearch 0.8 keeps one posting list per word and rewrites it on commit, so a common word's
 * list — and a save's cost — grows with the archive) and SQLite FTS5 in an offscreen document (a
 * ~900 KB WASM module started with the background, and Firefox has no offscreen documents); those
 * two were judged from their design, not measured here. What was measured is in the README.
 */
import type { ArchiveDb } from './db';
import { indexWords, type SearchMode } from './keys';

const SEP = '\u0000';
const MODE_SEP = '\u0001';
const MODE_CODE: Record<SearchMode, string> = { folded: 'f', exact: 'e' };

export interface WordIndexRow {
  key: string;
}

/** The words an article is indexed under (the `articleWords` table). */
export interface ArticleWordsRow {
  id: string;
  /** The savedAt in its keys. */
  savedAt: string;
  /** Folded and exact words, each list joined by spaces (words never contain one). */
  folded: string;
  exact: string;
}

const prefixOf = (mode: SearchMode, word: string): string => `${MODE_CODE[mode]}${MODE_SEP}${word}`;

export const wordKey = (mode: SearchMode, word: string, savedAt: string, id: string): string =>
  `${prefixOf(mode, word)}${SEP}${savedAt}${SEP}${id}`;

/** Every key of one word (whole word), or of every word starting with `word` (prefix). */
export function wordRange(mode: SearchMode, word: string, prefix: boolean): [string, string] {
  const p = prefixOf(mode, word);
  return prefix ? [p, `${p}\uffff`] : [`${p}${SEP}`, `${p}\u0001`];
}

/** The article id and savedAt in a key. */
export function keyParts(key: string): { savedAt: string; id: string } {
  const last = key.lastIndexOf(SEP);
  const before = key.lastIndexOf(SEP, last - 1);
  return { savedAt: key.slice(before + 1, last), id: key.slice(last + 1) };
}

/** The words row of an article's title, lead and text. */
export function articleWords(
  id: string,
  savedAt: string,
  title: string,
  lead: string | null,
  text: string,
): ArticleWordsRow {
  return {
    id,
    savedAt,
    folded: indexWords(title, lead, text, 'folded').join(' '),
    exact: indexWords(title, lead, text, 'exact').join(' '),
  };
}

function keysOf(row: ArticleWordsRow | undefined): string[] {
  if (!row) return [];
  const out: string[] = [];
  for (const mode of ['folded', 'exact'] as const) {
    const list = row[mode];
    if (list) for (const w of list.split(' ')) out.push(wordKey(mode, w, row.savedAt, row.id));
  }
  return out;
}

/**
 * Replace articles' keys with those of their `next` words (undefined: the article is removed), all
 * in one write. Inside the writer's transaction (over ./store-rows.ts articleTables). Only the
 * keys that changed are written.
 */
export async function reindexWords(
  db: ArchiveDb,
  changes: readonly { id: string; next: ArticleWordsRow | undefined }[],
): Promise<void> {
  const previous = await db.articleWords.bulkGet(changes.map((c) => c.id));
  const gone: string[] = [];
  const added: WordIndexRow[] = [];
  const put: ArticleWordsRow[] = [];
  const removed: string[] = [];
  changes.forEach(({ id, next }, i) => {
    const keep = new Set(keysOf(next));
    const had = new Set(keysOf(previous[i]));
    for (const k of had) if (!keep.has(k)) gone.push(k);
    for (const k of keep) if (!had.has(k)) added.push({ key: k });
    if (next) put.push(next);
    else if (previous[i]) removed.push(id);
  });
  if (gone.length) await db.wordIndex.bulkDelete(gone);
  if (added.length) await db.wordIndex.bulkPut(added);
  if (put.length) await db.articleWords.bulkPut(put);
  if (removed.length) await db.articleWords.bulkDelete(removed);
}

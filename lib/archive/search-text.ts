/**
 * A candidate's stored text as words, for what the words index cannot tell: whether a quoted
 * phrase is there (words adjacent and in order) and how often each word is (ranking,
 * ./relevance.ts). Only the index's candidates are read, a page of them at a time, so a phrase
 * search costs what its rarest word's articles cost and never a scan of the bodies.
 */
import { words } from '../text/vietnamese';
import type { ArchiveDb } from './db';
import type { SearchMode } from './keys';
import type { ParsedSearch, Phrase, SearchTerm } from './search-query';
import type { ArticleRow } from './types';

/** Candidates whose rows and bodies are read together (a page of bodies is ~1 MB of HTML). */
const TEXT_PAGE = 100;

/**
 * Words of one field, one list per line: a phrase never runs across a paragraph break, while
 * punctuation inside a line separates words and nothing more ("Việt Nam – Lào" holds "Việt Nam Lào").
 */
export type Lines = string[][];

export interface ArticleFields {
  title: Lines;
  lead: Lines;
  /** The text without the lead it starts with, so that the lead's words are not counted twice. */
  body: Lines;
  /** Words in all three. */
  length: number;
}

const lines = (text: string, mode: SearchMode): Lines =>
  text
    .split(/\n+/)
    .map((line) => words(line, mode))
    .filter((w) => w.length > 0);

export function articleFields(
  a: { title: string; lead: string | null; text: string },
  mode: SearchMode,
): ArticleFields {
  const body = a.lead && a.text.startsWith(a.lead) ? a.text.slice(a.lead.length) : a.text;
  const fields = { title: lines(a.title, mode), lead: lines(a.lead ?? '', mode), body: lines(body, mode) };
  const length = [fields.title, fields.lead, fields.body].reduce((n, f) => n + f.reduce((m, l) => m + l.length, 0), 0);
  return { ...fields, length };
}

const fits = (word: string, wanted: string, prefix: boolean): boolean =>
  prefix ? word.startsWith(wanted) : word === wanted;

/** How many of the words are the term (or start with it). */
export function countTerm(field: Lines, term: SearchTerm): number {
  let n = 0;
  for (const line of field) for (const w of line) if (fits(w, term.word, term.prefix)) n++;
  return n;
}

/** How many times the phrase's words stand adjacent and in order on one line. */
export function countPhrase(field: Lines, phrase: Phrase): number {
  const k = phrase.words.length;
  const last = k - 1;
  let n = 0;
  for (const line of field)
    for (let i = 0; i + k <= line.length; i++) {
      let j = 0;
      while (j < k && fits(line[i + j]!, phrase.words[j]!, j === last && phrase.prefix)) j++;
      if (j === k) n++;
    }
  return n;
}

/** Every quoted phrase of the search is in the title, the lead or the body. */
export function holdsPhrases(fields: ArticleFields, search: ParsedSearch): boolean {
  return search.phrases.every(
    (p) =>
      !p.quoted ||
      countPhrase(fields.title, p) > 0 ||
      countPhrase(fields.lead, p) > 0 ||
      countPhrase(fields.body, p) > 0,
  );
}

/** The search has a phrase an article must be read for. */
export const needsText = (search: ParsedSearch): boolean => search.phrases.some((p) => p.quoted);

/**
 * Call `each` with every candidate's summary row and words, TEXT_PAGE candidates at a time (one
 * read of their rows and one of their bodies per page; the texts are dropped after each page).
 * Inside the query's read transaction.
 */
export async function eachCandidateText(
  db: ArchiveDb,
  ids: readonly string[],
  mode: SearchMode,
  each: (row: ArticleRow, fields: ArticleFields) => void,
): Promise<void> {
  for (let at = 0; at < ids.length; at += TEXT_PAGE) {
    const page = ids.slice(at, at + TEXT_PAGE);
    const [rows, bodies] = await Promise.all([db.articles.bulkGet(page), db.bodies.bulkGet(page)]);
    rows.forEach((row, i) => {
      if (row) each(row, articleFields({ title: row.title, lead: row.lead, text: bodies[i]?.text ?? '' }, mode));
    });
  }
}

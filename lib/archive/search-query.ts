/**
 * The search box's syntax: words, and phrases in double quotes (`Lào "Bộ Quốc phòng" hợp tác`).
 * Every word, loose or quoted, is looked up in the words index (./search-index.ts); a quoted
 * phrase is then checked in the candidates' text (./search-text.ts). Words are normalised as
 * the index of the chosen mode is (NFC, one tone-mark placement, folded or exact).
 *
 * The last word of the query is a prefix, because the popup searches as you type: "hợp t"
 * already finds "hợp tác". A closed phrase ends with a whole word. An unclosed quote runs to the
 * end of the query and its last word stays a prefix: `"Bộ Quốc ph` is the phrase being typed,
 * so results narrow letter by letter and the closing quote is optional.
 */
import { words } from '../text/vietnamese';
import type { SearchMode } from './keys';

/** One word to look up: the whole word, or every word it starts (prefix). */
export interface SearchTerm {
  word: string;
  prefix: boolean;
}

/** Words that count when adjacent and in order. */
export interface Phrase {
  words: string[];
  /** Its last word is a prefix. */
  prefix: boolean;
  /** Typed in quotes: an article must hold it. Otherwise a run of loose words, which only ranks. */
  quoted: boolean;
}

export interface ParsedSearch {
  /** Every distinct word to look up, in query order. */
  terms: SearchTerm[];
  /** Quoted phrases, and runs of two or more loose words (ranking's "together" bonus), of two words or more. */
  phrases: Phrase[];
}

/** Straight and typographic double quotes: each one opens or closes a phrase. */
const QUOTES = /["“”„«»]/;

export function parseSearch(query: string, mode: SearchMode): ParsedSearch {
  const parts = query.split(QUOTES).map((part, i) => ({ words: words(part, mode), quoted: i % 2 === 1 }));
  const lastWithWords = parts.findLastIndex((p) => p.words.length > 0);
  const closed = parts.length % 2 === 1; // an even count of quotes
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const phrases: Phrase[] = [];
  parts.forEach((part, i) => {
    if (part.words.length === 0) return;
    // the query's last words: loose, or a phrase left open
    const prefix = i === lastWithWords && (!part.quoted || (!closed && i === parts.length - 1));
    part.words.forEach((word, j) => {
      const term = { word, prefix: prefix && j === part.words.length - 1 };
      const key = `${term.prefix ? '*' : ''}${word}`;
      if (seen.has(key)) return;
      seen.add(key);
      terms.push(term);
    });
    if (part.words.length > 1) phrases.push({ words: part.words, prefix, quoted: part.quoted });
  });
  return { terms, phrases };
}

/**
 * Tokens for entity matching: one token per syllable (or number), plus "," and "." as tokens of
 * their own, each with its offsets in the ORIGINAL text. Matching happens on `key` (NFC,
 * one tone placement, Đ not Ð, lower case), so old/new tone marks, NFD input and case all meet.
 * Every run of spaces, dashes, hyphens and "/" between two syllables counts as ONE separator;
 * any other punctuation or a line break ends a name ("breakBefore").
 */
import { canonicalVietnamese } from '../text/vietnamese';

export interface Token {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** Normalised form compared with the gazetteer: "hòa", "lào", "12", ",". */
  key: string;
  /** Written with an upper-case first letter (or a digit). */
  upper: boolean;
  /** Plain ASCII letters only ("Khamliang"): a romanised (Lao, Latin) word. */
  ascii: boolean;
  /** A word (syllable or number), not a "," or "." token. */
  word: boolean;
  /** The gap before this token holds a dash, hyphen or "/". */
  hyphenBefore: boolean;
  /** The gap before this token holds punctuation or a line break: no name continues across it. */
  breakBefore: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD\u200C\u200D]*|[,.]/gu;
const INVISIBLE = /[\u00AD\u200C\u200D]/g;
/** Characters a name may continue across: spaces (not line breaks), dashes, hyphens, "/". */
const JOINER = /^[ \t\u00A0\u2000-\u200B\u202F\u205F\u3000\u002D\u2010-\u2015\u2212\uFE58\uFE63\uFF0D/]*$/;
const DASH = /[\u002D\u2010-\u2015\u2212\uFE58\uFE63\uFF0D/]/;

/** The key of one word as written: canonical Vietnamese, lower case, soft hyphens dropped. */
export function wordKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    key = canonicalVietnamese(word.replace(INVISIBLE, '')).toLowerCase();
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

/** Keys of words already seen (bounded): tokenising is most of the matcher's time otherwise. */
const KEY_CACHE_LIMIT = 20_000;
const keyCache = new Map<string, string>();

interface WordInfo {
  key: string;
  upper: boolean;
  ascii: boolean;
  word: boolean;
}

/** What a token's text alone decides, cached per spelling (a long article repeats its words). */
const infoCache = new Map<string, WordInfo>();

function wordInfo(raw: string): WordInfo {
  let info = infoCache.get(raw);
  if (info === undefined) {
    const first = raw.charAt(0).normalize('NFC');
    const isWord = raw !== ',' && raw !== '.';
    info = {
      key: isWord ? wordKey(raw) : raw,
      upper: isWord && (first !== first.toLowerCase() || /\p{N}/u.test(first)),
      ascii: /^[A-Za-z]+$/.test(raw),
      word: isWord,
    };
    if (infoCache.size >= KEY_CACHE_LIMIT) infoCache.clear();
    infoCache.set(raw, info);
  }
  return info;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const info = wordInfo(raw);
    // Fast path: a single space between words (most gaps) neither breaks a name nor holds a dash.
    const single = start - last === 1 && text.charCodeAt(last) === 32;
    const gap = single ? ' ' : text.slice(last, start);
    tokens.push({
      start,
      end: start + raw.length,
      key: info.key,
      upper: info.upper,
      ascii: info.ascii,
      word: info.word,
      hyphenBefore: !single && DASH.test(gap),
      breakBefore: tokens.length === 0 || (!single && !JOINER.test(gap)),
    });
    last = start + raw.length;
  }
  return tokens;
}

/** The keys of a gazetteer phrase, or null when it holds punctuation a name cannot cross. */
export function phraseKeys(phrase: string): string[] | null {
  const tokens = tokenize(phrase.trim());
  if (tokens.length === 0) return null;
  if (tokens.slice(1).some((t) => t.breakBefore)) return null;
  return tokens.map((t) => t.key);
}

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
  /** A word that starts with a letter (not a number). */
  letter: boolean;
  /** The gap before this token holds a dash, hyphen or "/". */
  hyphenBefore: boolean;
  /** The gap before this token holds punctuation or a line break: no name continues across it. */
  breakBefore: boolean;
}

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
  letter: boolean;
}

/** What a token's text alone decides, cached per spelling (a long article repeats its words). */
const infoCache = new Map<string, WordInfo>();

function wordInfo(raw: string): WordInfo {
  let info = infoCache.get(raw);
  if (info === undefined) {
    const first = raw.charAt(0).normalize('NFC');
    const isWord = raw !== ',' && raw !== '.';
    const key = isWord ? wordKey(raw) : raw;
    info = {
      key,
      upper: isWord && (first !== first.toLowerCase() || /\p{N}/u.test(first)),
      ascii: /^[A-Za-z]+$/.test(raw),
      word: isWord,
      letter: isWord && /^\p{L}/u.test(key),
    };
    if (infoCache.size >= KEY_CACHE_LIMIT) infoCache.clear();
    infoCache.set(raw, info);
  }
  return info;
}

/** Per UTF-16 code unit: 1 starts a word (\p{L}, \p{N}), 2 continues one (\p{M}, soft hyphen, ZWNJ, ZWJ), 3 neither; 0 not yet asked. */
const unitClass = new Uint8Array(0x10000);
const STARTS = /^[\p{L}\p{N}]$/u;
const CONTINUES = /^[\p{M}\u00AD\u200C\u200D]$/u;
const START = 1;
const CONTINUE = 2;
const NEITHER = 3;

function classOf(text: string, at: number, c: number): number {
  if (c < 0x80) {
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return START;
    return NEITHER;
  }
  if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
    const pair = text.slice(at, at + 2); // beyond the BMP (rare): asked each time
    return STARTS.test(pair) ? START : CONTINUES.test(pair) ? CONTINUE : NEITHER;
  }
  let k = unitClass[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    unitClass[c] = k = STARTS.test(ch) ? START : CONTINUES.test(ch) ? CONTINUE : NEITHER;
  }
  return k;
}

/** Code units taken by the code point at `at` (2 for a surrogate pair). */
const width = (text: string, at: number, c: number): number =>
  (c & 0xfc00) === 0xd800 && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;

/**
 * The tokens of `text`: the runs of /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD\u200C\u200D]*|[,.]/u, found by one scan over the code units with a class
 * per unit (cached), not by a RegExp match object per syllable.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 44 || c === 46)
      i++; // "," "."
    else if (classOf(text, i, c) === START) {
      i += width(text, i, c);
      while (i < n) {
        const d = text.charCodeAt(i);
        const k = classOf(text, i, d);
        if (k === NEITHER) break;
        i += width(text, i, d);
      }
    } else {
      i += width(text, i, c);
      continue;
    }
    const raw = text.slice(start, i);
    const info = wordInfo(raw);
    // Fast path: a single space between words (most gaps) neither breaks a name nor holds a dash.
    const single = start - last === 1 && text.charCodeAt(last) === 32;
    const gap = single ? ' ' : text.slice(last, start);
    tokens.push({
      start,
      end: i,
      key: info.key,
      upper: info.upper,
      ascii: info.ascii,
      word: info.word,
      letter: info.letter,
      hyphenBefore: !single && DASH.test(gap),
      breakBefore: tokens.length === 0 || (!single && !JOINER.test(gap)),
    });
    last = i;
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

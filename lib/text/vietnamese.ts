/**
 * Vietnamese text normalisation shared by cleaning, entity matching and archive search.
 *
 * Vietnamese pages mix Unicode forms (NFC and NFD), old and new tone-mark placement
 * ("hoà"/"hòa", "thuỷ"/"thủy"), Đ (U+0110) with the look-alike Ð (U+00D0), several dashes
 * and non-breaking spaces. Everything that compares text goes through these functions.
 */

/** The five tone marks as combining characters (after NFD). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Vowel bases that carry a modifier (breve, circumflex, horn) — the tone prefers them. */
const MODIFIED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', ...MODIFIED_VOWELS]);

/** Every dash-like character a page may use between names. */
export const DASHES = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** Every space-like character, including NBSP and narrow spaces. */
export const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Ð (U+00D0, Icelandic eth) is often typed for Đ (U+0110); so is its small form. */
export function fixDStroke(text: string): string {
  return text.replace(/\u00D0/g, '\u0110').replace(/\u00F0/g, '\u0111');
}

interface Letter {
  base: string; // NFC letter without tone (keeps ă â ê ô ơ ư)
  tone: string; // '' or one combining tone mark
  upper: boolean;
}

function splitLetter(ch: string): Letter {
  const decomposed = ch.normalize('NFD');
  let tone = '';
  let rest = '';
  for (const c of decomposed) {
    if (TONE_MARKS.has(c)) tone = c;
    else rest += c;
  }
  const base = rest.normalize('NFC');
  return { base, tone, upper: base !== base.toLowerCase() };
}

/** Where the tone goes in a toneless syllable: a fixed rule, so both spellings meet. */
function tonePosition(letters: Letter[]): number {
  let first = -1;
  let modified = -1;
  for (let i = 0; i < letters.length; i++) {
    const lower = letters[i]!.base.toLowerCase();
    if (MODIFIED_VOWELS.has(lower)) modified = i; // the last one: "ươ" → ơ, "uyê" → ê
    if (first < 0 && VOWELS.has(lower)) {
      // "qu" and "gi" start a syllable with a consonant cluster: skip their u / i.
      const prev = i > 0 ? letters[i - 1]!.base.toLowerCase() : '';
      const next = letters[i + 1]?.base.toLowerCase() ?? '';
      const glide = (lower === 'u' && prev === 'q') || (lower === 'i' && prev === 'g' && i === 1 && VOWELS.has(next));
      if (!glide) first = i;
    }
  }
  return modified >= 0 ? modified : first;
}

/**
 * Words repeat (a 5,000-word article has ~1,000 distinct syllables): canonical forms are cached,
 * and the cache is dropped whole when it grows past CACHE_LIMIT so memory stays bounded.
 */
const CACHE_LIMIT = 20_000;
const syllableCache = new Map<string, string>();
const ASCII = /^[A-Za-z]*$/; // (the callers pass letters only)

function canonicalSyllable(word: string): string {
  if (ASCII.test(word)) return word; // no tone mark to move
  let out = syllableCache.get(word);
  if (out === undefined) {
    out = computeCanonicalSyllable(word);
    if (syllableCache.size >= CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(word, out);
  }
  return out;
}

function computeCanonicalSyllable(word: string): string {
  const letters = Array.from(word, splitLetter);
  const tones = letters.filter((l) => l.tone !== '');
  if (tones.length !== 1) return word; // no tone, or not Vietnamese: leave as is
  const tone = tones[0]!.tone;
  const at = tonePosition(letters);
  if (at < 0) return word;
  return letters.map((l, i) => (i === at ? (l.base + tone).normalize('NFC') : l.base)).join('');
}

/**
 * NFC with one tone-mark placement ("hoà" → "hòa", "thuỷ" → "thủy", "Hoá" → "Hóa") and Đ
 * instead of Ð. On NFC input, the output has exactly the same length, so offsets stay valid.
 */
export function canonicalVietnamese(text: string): string {
  return fixDStroke(nfc(text)).replace(/\p{L}+/gu, canonicalSyllable);
}

/** Lower case with every diacritic removed and đ → d: "Lào" → "lao", "Đảng" → "dang". */
export function foldDiacritics(text: string): string {
  return fixDStroke(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Lower case, canonical tones, diacritics kept: for "exact" comparisons ("Lào" ≠ "lão"). */
export function exactKey(text: string): string {
  return canonicalVietnamese(text).toLowerCase();
}

/** Collapse every kind of space to one ASCII space and trim. */
export function normalizeSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** Text for comparing two renderings of the same prose (tests, dedupe): NFC, tones, spaces, dashes. */
export function comparable(text: string): string {
  return normalizeSpaces(canonicalVietnamese(text).replace(DASHES, '-'));
}

/** Everything but ASCII consonants and digits (vowels carry the tones that comparable() moves). */
const NOT_SKELETON = /[^0-9B-DF-HJ-NP-TV-XZb-df-hj-np-tv-xz]+/g;

/**
 * The ASCII consonants and digits of a text, in order, in NFD: the same for two texts whenever
 * their comparable() forms are the same (NFC, tone placement, Đ, dashes and spaces change none of
 * them), and far cheaper to compute (no work per syllable). A filter before comparable() where
 * most candidates differ: skeletons that differ mean the comparable forms differ.
 */
export function skeleton(text: string): string {
  return text.normalize('NFD').replace(NOT_SKELETON, '');
}

/** How much of a text mayBeComparable reads: paragraphs of prose differ from a headline well before. */
const SKELETON_HEAD = 80;

/**
 * Whether comparable(text) may be the comparable form of one of the texts whose skeletons are
 * given. It reads the first SKELETON_HEAD characters only: the skeleton of a text's start is the
 * start of its skeleton (NFD never moves a consonant), so when no skeleton starts with it, no
 * comparable form can be equal. True means "compare them", not "equal".
 */
export function mayBeComparable(text: string, skeletons: readonly string[]): boolean {
  const head = skeleton(text.length > SKELETON_HEAD ? text.slice(0, SKELETON_HEAD) : text);
  return skeletons.some((s) => s.startsWith(head));
}

/** Words of a text, folded or exact, for search indexes. */
export function words(text: string, mode: 'folded' | 'exact' = 'folded'): string[] {
  const norm = mode === 'folded' ? foldDiacritics(text) : exactKey(text);
  return norm.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** One code point that is a letter or a number (what /[\p{L}\p{N}]+/u runs are made of). */
const WORD_CODE_POINT = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside ASCII: 0 not yet asked, 1 a letter or number, 2 not. */
const wordUnits = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  let known = wordUnits[c]!;
  if (known === 0) wordUnits[c] = known = WORD_CODE_POINT.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/**
 * Vietnamese is written one syllable per word: count syllables for word count and reading time.
 * The runs of /[\p{L}\p{N}]+/u, counted in one pass over the code units: matching them would
 * make a string per word of the article only to count them.
 */
export function countSyllables(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 0x80) word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      word = WORD_CODE_POINT.test(text.slice(i, i + 2)); // a letter beyond the BMP: rare
      i++;
    } else word = isWordUnit(c);
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}

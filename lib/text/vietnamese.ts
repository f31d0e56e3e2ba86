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

/** Words of a text, folded or exact, for search indexes. */
export function words(text: string, mode: 'folded' | 'exact' = 'folded'): string[] {
  const norm = mode === 'folded' ? foldDiacritics(text) : exactKey(text);
  return norm.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Vietnamese is written one syllable per word: count syllables for word count and reading time. */
export function countSyllables(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

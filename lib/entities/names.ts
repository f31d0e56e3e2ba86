/**
 * Names that are not in the gazetteer but that the text marks as names: a personal name after a
 * rank or office, a romanised Lao name, a hyphen-transliterated Lao name, a place after "tỉnh".
 * Each function looks at the tokens from index `i` and returns the index one past the name, or null.
 */
import type { Token } from './tokenize';
import { wordKey } from './tokenize';
import { foldDiacritics } from '../text/vietnamese';

/** Common Vietnamese family names: a titled Vietnamese name must start with one. */
const SURNAMES = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lương đinh trịnh đoàn đào ' +
    'cao mai tô hà lâm chu tạ trương lại triệu thái châu quách tôn vương phùng kiều đồng nông lò hứa ' +
    'giang mạc lưu la khổng tăng lục âu bạch thân diệp nghiêm khúc doãn quan kim tống từ viên ông hầu ' +
    'cù lã lữ ninh phí sầm thạch tiêu trang vi văn đàm đoàn bế hoàng mẫn trình cầm lường quàng'
  )
    .split(' ')
    .map(wordKey),
);

/** The family names without diacritics: "Le Minh Hung" is a Vietnamese name written plainly. */
const PLAIN_SURNAMES = new Set([...SURNAMES].map(foldDiacritics));

/** Tokens [i, end) are a Vietnamese name written without diacritics ("Le Minh Hung"). */
export function plainVietnameseName(tokens: readonly Token[], i: number, end: number): boolean {
  // Hyphens join the syllables of a transliterated name ("Lam-thong Khop-sy-la-vong"), never of a Vietnamese one.
  const words = tokens.slice(i, end);
  return end - i >= 2 && words.every((t) => t.ascii && !t.hyphenBefore) && PLAIN_SURNAMES.has(tokens[i]!.key);
}

/** Capitalised Latin words that are not Lao names ("Sun Group" is a company, not a person). */
const NOT_LAO = new Set(
  (
    'the and of for with video infographic infographics international plan news online facebook google ' +
    'youtube zalo tiktok covid photo copyright hotline email update live sport world asia pacific ' +
    'prince princess mr mrs ms dr general group corporation company holdings bank airlines airways hotel resort'
  ).split(' '),
);
/**
 * ADDRESS: Vietnamese words of address written before a child's or a friend's name ("Em Bounmy
 * Sisavath kể…"): plain Latin letters, but outside the name (conventions: like "ông", a title).
 */
const ADDRESS = new Set(['em', 'anh']);
/** Spelling features of romanised Lao names ("ph", "kh", "th", "ou", "x", "-sone", "-vong", "-anh"…). */
const LAO_LOOK = /ph|kh|th|ou|x|vong|sone|phone|anh$|ith$|ath$|ay$|y$/;

const MAX_NAME = 4;

function letters(t: Token | undefined): t is Token {
  return !!t && t.letter; // a word starting with a letter, decided once per spelling (./tokenize)
}

/** "Nguyễn Văn An": a family name then up to three more capitalised syllables, space-separated. */
export function vietnameseName(tokens: readonly Token[], i: number): number | null {
  const first = tokens[i];
  if (!letters(first) || !first.upper || !SURNAMES.has(first.key)) return null;
  let j = i + 1;
  while (j < tokens.length && j - i < MAX_NAME) {
    const t = tokens[j]!;
    if (!letters(t) || !t.upper || t.breakBefore || t.hyphenBefore) break;
    j++;
  }
  return j - i >= 2 ? j : null;
}

/** "Khamliang Outhakaysone": capitalised plain-Latin words; without a title they must look Lao. */
export function romanisedName(text: string, tokens: readonly Token[], i: number, titled: boolean): number | null {
  let j = i;
  let lao = false;
  while (j < tokens.length && j - i < MAX_NAME) {
    const t = tokens[j]!;
    if (!t.ascii || (j > i && (t.breakBefore || t.hyphenBefore))) break;
    const raw = text.slice(t.start, t.end);
    if (!/^[A-Z][a-z]+$/.test(raw) || NOT_LAO.has(t.key) || (j === i && ADDRESS.has(t.key))) break;
    if (LAO_LOOK.test(t.key)) lao = true;
    j++;
  }
  const words = j - i;
  // "Phun Xi-pa-xợt": the last word runs on in hyphenated syllables; not a romanised name.
  const next = tokens[j];
  if (words > 0 && next && letters(next) && next.hyphenBefore && !next.breakBefore && !next.upper) return null;
  // "Phan Minh Chiến", "Phum Chay Đuông Vi Lay": the name runs on in Vietnamese letters; not a romanised one.
  if (words > 0 && next && letters(next) && next.upper && !next.ascii && !next.breakBefore && !next.hyphenBefore)
    return null;
  if (titled) return words >= 1 && (words >= 2 || lao) ? j : null;
  return words >= 2 && lao ? j : null;
}

/**
 * LAO_SYLLABLES: a Lao name written syllable by syllable in Vietnamese letters ("Bun Khặm Mạ Ni
 * Vông", "Văn Xay Pheng Xum Ma") runs longer than any Vietnamese name (MAX_NAME), and its first
 * syllable need not be a Vietnamese family name. After a title, a run of this many capitalised,
 * space-separated syllables is one name.
 */
const LAO_SYLLABLES = 5;
/** The longest syllable-by-syllable Lao name taken after a title. */
const MAX_SYLLABLES = 8;

/** After a title: the end of a run of LAO_SYLLABLES or more capitalised syllables, or null. */
export function syllableName(tokens: readonly Token[], i: number, listedAt: (at: number) => boolean): number | null {
  let j = i;
  while (j < tokens.length && j - i < MAX_SYLLABLES) {
    const t = tokens[j]!;
    if (!letters(t) || !t.upper || (j > i && (t.breakBefore || t.hyphenBefore || listedAt(j)))) break;
    j++;
  }
  const next = tokens[j];
  // "Xay-nhạ-phon": a hyphenated word after the run belongs to another kind of name.
  if (next && letters(next) && next.hyphenBefore && !next.breakBefore) return null;
  return j - i >= LAO_SYLLABLES ? j : null;
}

/**
 * "Sải-chay Côm-mạ-sít", "Bu- mi - Sẻng - khăm - giong": words of a capitalised syllable followed
 * by hyphenated lower-case syllables. Without a title: two such words, or one of three syllables.
 */
export function transliteratedName(tokens: readonly Token[], i: number, titled: boolean): number | null {
  let j = i;
  let words = 0;
  let syllables = 0;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (!letters(t) || !t.upper || (j > i && t.breakBefore)) break;
    let k = j + 1;
    for (; k < tokens.length; k++) {
      const n = tokens[k]!;
      if (!letters(n) || n.upper || !n.hyphenBefore || n.breakBefore) break;
    }
    if (k === j + 1) break;
    words++;
    syllables += k - j;
    j = k;
  }
  if (words === 0) return null;
  return (titled ? syllables >= 2 : words >= 2 || syllables >= 3) ? j : null;
}

/** A place written after "tỉnh", "thành phố"…: capitalised syllables (hyphenated ones too). */
export function placeName(tokens: readonly Token[], i: number): number | null {
  let j = i;
  while (j < tokens.length && j - i < 5) {
    const t = tokens[j]!;
    if (!letters(t) || (j > i && t.breakBefore)) break;
    // Capitalised syllables separated by spaces, or lower-case ones hyphenated on ("Xiêng-khoảng").
    const continues = t.upper ? j === i || !t.hyphenBefore : j > i && t.hyphenBefore;
    if (!continues) break;
    j++;
  }
  return j > i ? j : null;
}

/** Words that announce a place name: the token keys of "tỉnh", "thành phố"… */
export const PLACE_PREFIXES: readonly (readonly string[])[] = [
  ['tỉnh'],
  ['thành', 'phố'],
  ['huyện'],
  ['thủ', 'đô'],
].map((p) => p.map(wordKey));

/** Heads of a facility's name, longest first: part of the name ("⟨cảng Vũng Áng⟩"). */
export const FACILITY_PREFIXES: readonly (readonly string[])[] = [
  ['cửa', 'khẩu', 'quốc', 'tế'],
  ['cửa', 'khẩu', 'chính'],
  ['cửa', 'khẩu', 'phụ'],
  ['cửa', 'khẩu'],
  ['sân', 'bay', 'quốc', 'tế'],
  ['sân', 'bay'],
  ['cảng', 'biển'],
  ['cảng'],
  ['nhà', 'máy', 'thủy', 'điện'],
  ['thủy', 'điện'],
  ['cao', 'nguyên'],
  ['đèo'],
].map((p) => p.map(wordKey));

function prefixAt(list: readonly (readonly string[])[], tokens: readonly Token[], i: number): number {
  for (const p of list) {
    if (p.every((k, n) => tokens[i + n]?.key === k && (n === 0 || !tokens[i + n]!.breakBefore))) return p.length;
  }
  return 0;
}

/** Length of the place prefix starting at token i (0 when none). */
export function placePrefix(tokens: readonly Token[], i: number): number {
  return prefixAt(PLACE_PREFIXES, tokens, i);
}

/** Length of the facility head starting at token i (0 when none). */
export function facilityPrefix(tokens: readonly Token[], i: number): number {
  return prefixAt(FACILITY_PREFIXES, tokens, i);
}

/**
 * "Hủa Phan", "Phun Xi-pa-xợt", "Bokeo": up to six capitalised syllables or numbers, and lower-case
 * syllables hyphenated on, no gazetteer phrase starting inside (`listedAt`). Only a candidate: it becomes a mention when its
 * phonetic key links it to a listed entity (lib/entities/match.ts).
 */
export function capitalisedRun(tokens: readonly Token[], i: number, listedAt: (at: number) => boolean): number | null {
  if (!letters(tokens[i]) || !tokens[i]!.upper) return null;
  let j = i + 1;
  while (j < tokens.length && j - i < 6) {
    const t = tokens[j]!;
    if (!t.word || t.breakBefore || listedAt(j)) break;
    // Capitalised syllables, lower-case ones hyphenated on ("Xi-pa-xợt"), a number ("Nậm Thơn 2").
    if (!(t.upper || (t.hyphenBefore && letters(t)))) break;
    j++;
  }
  return j;
}

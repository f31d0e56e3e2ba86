/**
 * Phonetic keys: one comparable form for the ways a (mostly Lao) name is written in Vietnamese
 * news — romanised Lao ("Saichay Kommasith", French-style "Phomvihane", "Houaphanh") and the
 * Vietnamese transliteration in hyphenated syllables ("Sải-chay Côm-mạ-sít", "Hủa Phăn"), with
 * or without tones, hyphens, spaces, Đ/Ð. The gazetteer build keys every PERSON and PLACE name
 * and alias (lib/entities/build/compile.ts); the matcher keys a name-shaped span it could not
 * find in the gazetteer and links it when exactly one entity has that key (lib/entities/match.ts).
 *
 * Two keys, from strict to loose:
 *   spellingKey  the letters alone: no tones or other diacritics, đ = d, no case, no separators.
 *                "Cay-xỏn Phôm-vi-hản" = "Cayxon Phomvihan" = "cayxonphomvihan".
 *   phoneticKey  the spelling key after the RULES below, which write one sound one way.
 *
 * Each rule says why it holds and gives a pair it joins. The rules run in order; the word rules
 * see one written word (a syllable, in the Vietnamese transliteration), the others the joined
 * letters of the whole name, so "Houaphanh" meets "Hủa Phăn" and "Bun Mi" meets "Bun-mi".
 */
import { fixDStroke } from '../text/vietnamese';

export interface PhoneticRule {
  name: string;
  /** Why the two spellings are one sound. */
  reason: string;
  /** Two spellings the rule makes equal (with the rules before it). */
  example: [string, string];
  from: RegExp;
  to: string;
}

const VOWEL = '[aeiou]';

/** Rules on each written word (end of word = end of a syllable there). */
export const WORD_RULES: readonly PhoneticRule[] = [
  {
    name: 'initial nh, ny = n',
    reason: 'The Lao palatal nasal starts a syllable as ny in romanisation and nh in Vietnamese; both also print n.',
    example: ['Nuang', 'Nhuông'],
    from: /^n[hy](?=[aeiou])/,
    to: 'n',
  },
  {
    name: 'mute final e',
    reason: 'French-style romanisation writes a silent e after a final n or m: -one, -ane, -ine, -ouane.',
    example: ['Phomvihane', 'Phôm-vi-hản'],
    from: new RegExp(`(${VOWEL}[nm])e$`),
    to: '$1',
  },
  {
    name: 'mute e inside a word',
    reason: 'The same silent e is written inside a joined romanised word (Lakhonepheng = Lakhonpheng).',
    example: ['Lakhonepheng', 'Lakhonpheng'],
    from: new RegExp(`(${VOWEL}[nm])e(?=[^aeiouy])`, 'g'),
    to: '$1',
  },
  {
    name: 'English-style ee',
    reason: 'English-style romanisation writes the i sound ee (Duangdee = Douangdy).',
    example: ['Duangdee', 'Douangdy'],
    from: /ee/g,
    to: 'i',
  },
  {
    name: 'English-style oo',
    reason:
      'English-style romanisation writes the u sound oo (Sanasomboon = Sanasomboun); a Vietnamese oo before ng is a long o (Thoong).',
    example: ['Sanasomboon', 'Sanasomboun'],
    from: /oo(?!ng)/g,
    to: 'u',
  },
  {
    name: 'English-style ar, ah before a consonant',
    reason:
      'English-style romanisation writes a long a as ar or ah before a consonant (Parklai = Paklay, Anoupharb = Anouphab).',
    example: ['Parklai', 'Paklay'],
    from: /a[rh](?=[^aeiouyh])/g,
    to: 'a',
  },
  {
    name: 'final nh after a, o, u',
    reason: 'Romanised Lao writes a final -n as -nh after a, o, u (Houaphanh, Viphavanh); Vietnamese writes -n.',
    example: ['Houaphanh', 'Hủa Phăn'],
    from: /([aou])nh$/,
    to: '$1n',
  },
  {
    name: 'final nh after i, e',
    reason: 'Vietnamese writes the final -ng sound as -nh after i and ê (xinh); romanised Lao writes -ng.',
    example: ['Thongsing', 'Thoong-xinh'],
    from: /([ie])nh$/,
    to: '$1ng',
  },
  {
    name: 'final th, d',
    reason: 'A final t is written -th or -d in romanised Lao (Sisoulith, Vorachith), -t in Vietnamese.',
    example: ['Sisoulith', 'Xi-xu-lít'],
    from: /(?:th|d)$/,
    to: 't',
  },
];

/** Rules on the joined letters of the whole name. */
export const NAME_RULES: readonly PhoneticRule[] = [
  {
    name: 'ou = u',
    reason: 'French-style romanisation writes the u sound ou; Vietnamese writes u.',
    example: ['Souphanouvong', 'Xu-pha-nu-vông'],
    from: /ou/g,
    to: 'u',
  },
  {
    name: 'eu, ơ = u',
    reason: 'The Lao vowel written eu in romanisation is ư or ơ in Vietnamese (Attapeu = Át-tạ-pư, Theun = Thơn).',
    example: ['Attapeu', 'Át-tạ-pư'],
    from: /eu/g,
    to: 'u',
  },
  {
    name: 'uô, oa = ua',
    reason: 'The diphthong romanised ua (Khammouane, Luang) is uô or oa in Vietnamese (Khăm Muộn, Khoảng).',
    example: ['Xiengkhouang', 'Xiêng Khoảng'],
    from: /uo|oa/g,
    to: 'ua',
  },
  {
    name: 'iê = ia',
    reason: 'The diphthong romanised ia or ie (Xiang, Khamliang) is iê in Vietnamese (Xiêng, Khăm-liềng).',
    example: ['Khamliang', 'Khăm-liềng'],
    from: /ie/g,
    to: 'ia',
  },
  {
    name: 'au = ao',
    reason: 'The final ao sound is written ao or au (Na Phao = Na Phàu).',
    example: ['Na Phao', 'Na Phàu'],
    from: /au/g,
    to: 'ao',
  },
  {
    name: 'y = i',
    reason: 'Both scripts write the i sound y or i at will (Saichay = Saychay, Pany = Pa-ni).',
    example: ['Oudomxai', 'U-đôm-xay'],
    from: /y/g,
    to: 'i',
  },
  {
    name: 'x = s',
    reason: 'The Lao s is written s in romanisation and x in Vietnamese (Vietnamese s is another sound).',
    example: ['Sisoulith', 'Xi-xu-lít'],
    from: /x/g,
    to: 's',
  },
  {
    name: 'c, ck, q = k',
    reason: 'Vietnamese writes the k sound c before a, o, u and k before i, e; romanisation writes k or ck.',
    example: ['Kaysone', 'Cay-xỏn'],
    from: /ck|q|c(?!h)/g,
    to: 'k',
  },
  {
    name: 'f = ph',
    reason: 'The f sound is ph in Vietnamese and ph or f in romanised Lao (Lakhamphong = Lakhamfong).',
    example: ['Lakhamfong', 'La-khăm-phông'],
    from: /f/g,
    to: 'ph',
  },
  {
    name: 'w = v',
    reason: 'English-style romanisation writes w where Vietnamese writes v (Wattay = Vát-tạy).',
    example: ['Wattay', 'Vát-tạy'],
    from: /w/g,
    to: 'v',
  },
  {
    name: 'r = l',
    reason:
      'Lao speech merges r into l; both spellings of one name are printed (Saravane = Salavan, Vo-ra-chít = Vo-la-chít).',
    example: ['Saravane', 'Sa-la-van'],
    from: /r/g,
    to: 'l',
  },
  {
    name: 'th before a consonant = t',
    reason: 'Inside a romanised word, th before a consonant ends a syllable: a final t (Chithmany = Chít-ma-ny).',
    example: ['Chithmany', 'Chít-ma-ny'],
    from: /th(?![aeiou])/g,
    to: 't',
  },
  {
    name: 'doubled letters',
    reason: 'A doubled letter is one sound (Kommasith = Côm-mạ-sít, Thoong = Thong, Attapeu = Át-tạ-pư).',
    example: ['Kommasith', 'Côm-mạ-sít'],
    from: /([a-z])\1+/g,
    to: '$1',
  },
];

/** Keys shorter than this say too little to link on (build and look-up). */
export const MIN_KEY = 4;

/** Generic heads and tails of a place name that the text often leaves out or adds. */
const GENERIC_HEAD =
  /^(?:thủ đô|tỉnh|thành phố|tp\.?|huyện|quận|thị xã|cửa khẩu(?: quốc tế| phụ)?|sân bay(?: quốc tế)?|thủy điện|cảng|đèo|dãy|cao nguyên|muang|mương|ban|bản)\s+/iu;
const GENERIC_TAIL = /\s+(?:district|province|prefecture|capital|city|international airport|airport)$/iu;

/** "Muang Xamtay", "Xamtay District", "Thủ đô Viêng Chăn" → the name without its generic word. */
export function bareName(name: string): string {
  return name.normalize('NFC').trim().replace(GENERIC_HEAD, '').replace(GENERIC_TAIL, '');
}

/** Written words of a name, lower case, without tones or other diacritics, đ = d. */
function foldedWords(name: string): string[] {
  const folded = fixDStroke(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  return folded.match(/[a-z0-9]+/g) ?? [];
}

/** "Sải-chay Côm-mạ-sít" → "saichaycommasit": the letters alone. */
export function spellingKey(name: string): string {
  return foldedWords(name).join('');
}

/** Rules on the letters as written, before tones and diacritics go (they tell sounds apart). */
export const LETTER_RULES: readonly PhoneticRule[] = [
  {
    name: 'ươ = uô',
    reason: 'The Vietnamese diphthong ươ is written uo without diacritics, like uô (Trường = Truong).',
    example: ['Trường Chinh', 'Truong Chinh'],
    from: /[ưƯ]([ơờớởỡợ])/g,
    to: 'u$1',
  },
  {
    name: 'ơ = eu',
    reason: 'The Lao vowel romanised eu is ơ in Vietnamese (Nam Theun = Nậm Thơn, Sipaseuth = Xi-pa-xợt).',
    example: ['Nam Theun', 'Nậm Thơn'],
    from: /([^uU])[ơờớởỡợ]/g,
    to: '$1eu',
  },
  {
    name: 'Vietnamese d = y',
    reason:
      'In a hyphenated Vietnamese transliteration d (not đ) writes the Lao y (Pa-ny Da-thọ-tu = Pany Yathotou); a Vietnamese name keeps its d (Duẩn).',
    example: ['Pany Yathotou', 'Pa-ny Da-thọ-tu'],
    from: /(^|[\s-])[dD](?=\p{L}+-|\p{L}*[\p{L}]-)/gu,
    to: '$1y',
  },
];

/** Vietnamese diacritics: a name written with them is a Vietnamese spelling (LETTER_RULES apply). */
const VIETNAMESE = /[^ -~\s]/;

/** "Sải-chay Côm-mạ-sít", "Saichay Kommasith" → "saichaikomasit". */
export function phoneticKey(name: string): string {
  let text = fixDStroke(name.normalize('NFC'));
  if (VIETNAMESE.test(text)) for (const r of LETTER_RULES) text = text.replace(r.from, r.to);
  const words = foldedWords(text);
  let joined = words.map((w) => WORD_RULES.reduce((s, r) => s.replace(r.from, r.to), w)).join('');
  for (const r of NAME_RULES) joined = joined.replace(r.from, r.to);
  return joined;
}

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max` (keys are short). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

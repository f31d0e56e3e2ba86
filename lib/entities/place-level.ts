/**
 * The level of a place (province, district, border gate…) and the generic words that say it in a
 * text: "huyện Phongsaly", "Muang Xamtay", "Xayabury District", "cửa khẩu quốc tế Bờ Y". A name
 * the gazetteer does not list is looked up without its generic word, among the places of that
 * level only (lib/entities/phonetic-index.ts): "huyện Phongsaly" is the district, not the province
 * "Phongsaly"; "Muang Chomphet" is the district "Chomphet"; "Sân bay Đà Nẵng" is not the city.
 *
 * An entity's level is the generic head of its canonical name ("Huyện Khoua", "Cửa khẩu Khẹo"),
 * or else the first words of its Vietnamese description ("Huyện (mường) Chomphet của tỉnh…",
 * "Thị xã tỉnh lỵ tỉnh Bò Kẹo"), which the gazetteer writes that way (assets/gazetteer/README.md).
 */

export const LEVELS = [
  'province',
  'district',
  'town',
  'capital',
  'gate',
  'airport',
  'port',
  'dam',
  'plateau',
  'pass',
] as const;
export type PlaceLevel = (typeof LEVELS)[number];

/** One character per level in the built table (PhoneticData.levels); '-' for none. */
export const LEVEL_CODE: Record<PlaceLevel, string> = {
  province: 'p',
  district: 'd',
  town: 't',
  capital: 'c',
  gate: 'g',
  airport: 'a',
  port: 'o',
  dam: 'h',
  plateau: 'l',
  pass: 's',
};

/**
 * Generic words before a name, with the levels they may name. A Lao "muang" and a Vietnamese
 * "huyện" are a district or the town that is its seat (Houayxay); a "thành phố" may be the capital.
 */
const HEADS: readonly [RegExp, readonly PlaceLevel[]][] = [
  [/^(?:huyện|quận|muang|mường)\s+/iu, ['district', 'town']],
  [/^(?:thị xã|thị trấn|thành phố|tp\.?)\s+/iu, ['town', 'capital']],
  [/^tỉnh\s+/iu, ['province']],
  [/^thủ đô\s+/iu, ['capital']],
  [/^cửa khẩu(?:\s+quốc tế|\s+chính|\s+phụ)?\s+/iu, ['gate']],
  [/^sân bay(?:\s+quốc tế)?\s+/iu, ['airport']],
  [/^cảng(?:\s+biển)?\s+/iu, ['port']],
  [/^(?:nhà máy\s+)?th(?:ủy|uỷ) điện\s+/iu, ['dam']],
  [/^cao nguyên\s+/iu, ['plateau']],
  [/^đèo\s+/iu, ['pass']],
];

/** Generic words after a name (English-style romanisation). */
const TAILS: readonly [RegExp, readonly PlaceLevel[]][] = [
  [/\s+district$/iu, ['district', 'town']],
  [/\s+province$/iu, ['province']],
  [/\s+(?:capital|prefecture)$/iu, ['capital']],
  [/\s+city$/iu, ['town', 'capital']],
  [/\s+(?:international\s+)?airport$/iu, ['airport']],
];

/** How the description names a place's level (its first words). */
const DESCRIBED: readonly [RegExp, PlaceLevel][] = [
  [/^(?:huyện|quận|mường)(?![\p{L}])/iu, 'district'],
  [/^(?:thị xã|thị trấn|thành phố|tỉnh lỵ|đô thị)(?![\p{L}])/iu, 'town'],
  [/^tỉnh(?![\p{L}])/iu, 'province'],
  [/^thủ đô(?![\p{L}])/iu, 'capital'],
  [/^cửa khẩu(?![\p{L}])/iu, 'gate'],
  [/^sân bay(?![\p{L}])/iu, 'airport'],
  [/^cảng(?![\p{L}])/iu, 'port'],
  [/^(?:nhà máy\s+)?th(?:ủy|uỷ) điện(?![\p{L}])/iu, 'dam'],
  [/^cao nguyên(?![\p{L}])/iu, 'plateau'],
  [/^đèo(?![\p{L}])/iu, 'pass'],
];

export interface Generic {
  /** The name without its generic words. */
  bare: string;
  /** The levels the generic words allow. */
  levels: readonly PlaceLevel[];
}

/** "huyện Phongsaly" → { bare: "Phongsaly", levels: district, town }; null without a generic word. */
export function genericOf(name: string): Generic | null {
  let bare = name.normalize('NFC').trim();
  let levels: readonly PlaceLevel[] | null = null;
  for (const [re, ls] of HEADS) {
    const m = re.exec(bare);
    if (m) {
      bare = bare.slice(m[0].length);
      levels = ls;
      break;
    }
  }
  for (const [re, ls] of TAILS) {
    const m = re.exec(bare);
    if (m) {
      bare = bare.slice(0, m.index);
      levels = levels ? levels.filter((l) => ls.includes(l)) : ls;
      break;
    }
  }
  return levels && levels.length > 0 && bare !== '' ? { bare, levels } : null;
}

/** The level of a gazetteer place: its name's generic head, else its description's first words. */
export function levelOf(name: string, descriptionVi: string): PlaceLevel | null {
  const head = HEADS.find(([re]) => re.test(name.normalize('NFC').trim()));
  if (head) return head[1][0]!;
  const d = descriptionVi.normalize('NFC').trim();
  return DESCRIBED.find(([re]) => re.test(d))?.[1] ?? null;
}

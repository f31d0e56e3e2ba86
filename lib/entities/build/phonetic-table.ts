/**
 * Build time: the phonetic key table (PhoneticData) of the gazetteer's PERSON and PLACE entities,
 * so the browser only decodes it. A key two entities share is kept as ambiguous (-1): a span with
 * that key links to nothing.
 *
 * Forms are keyed in three ranks; a key claimed at one rank is not claimed again at a lower one:
 *   1. the name and every alias as written (no {reference} aliases);
 *   2. place names without a generic head or tail ("Thủ đô Viêng Chăn", "Xamtay District"), and
 *      two-word Lao names the other way round ("Phommaseng Khamsene");
 *   3. each side of a place pair ("Cửa khẩu Cầu Treo - Nậm Phao" → "Cầu Treo", "Nậm Phao");
 *   4. (own table) the given name of a Lao person alone ("Phetsarath", "Cay-xỏn"): linked with
 *      the lowest confidence.
 * And (own tables) each place's names without their generic words, by the place's level
 * (lib/entities/place-level.ts): "Muang Chomphet" and "Chomphet District" find the district
 * "Chomphet", "huyện Phongsaly" the district and not the province.
 */
import type { KeyTable, PhoneticData } from '../data';
import { bareName, MIN_KEY, phoneticKey, spellingKey } from '../phonetic';
import { genericOf, LEVEL_CODE, levelOf } from '../place-level';
import { isPair, type EntityRow } from './tsv';

/** A given name alone must be at least this long to be keyed. */
const MIN_GIVEN_KEY = 5;
/** A name after a generic word that says its level may be this short ("cửa khẩu Bờ Y"). */
export const MIN_LEVEL_KEY = 3;

type Keyed = Pick<EntityRow, 'type' | 'country' | 'name' | 'aliases'> & Partial<Pick<EntityRow, 'vi'>>;

/** Rank 1: the name and aliases as written. */
export function writtenForms(e: Keyed): string[] {
  return [e.name, ...e.aliases.filter((a) => !a.includes('{'))];
}

/** Rank 2: places without their generic head or tail; Lao persons' two words the other way round. */
export function bareForms(e: Keyed): string[] {
  if (e.type === 'PERSON')
    return e.country === 'LA'
      ? writtenForms(e)
          .map((f) => f.trim().split(/\s+/))
          .filter((w) => w.length === 2)
          .map(([a, b]) => `${b} ${a}`)
      : [];
  return writtenForms(e)
    .map(bareName)
    .filter((f, i) => f !== writtenForms(e)[i]);
}

/** Rank 3: each side of an "X - Y" place pair (a border gate: "Cửa khẩu Cầu Treo - Nậm Phao"). */
export function pairSides(e: Keyed): string[] {
  if (e.type !== 'PLACE') return [];
  return writtenForms(e)
    .map((f) => bareName(f).split(/\s+[-–—]\s+/))
    .filter((sides) => sides.length === 2)
    .flat();
}

/** Rank 4 (own table): the given name (first word) of a Lao person written in two words or more. */
export function givenNames(e: Keyed): string[] {
  if (e.type !== 'PERSON' || e.country !== 'LA') return [];
  return writtenForms(e)
    .map((f) => f.trim().split(/\s+/))
    .filter((w) => w.length >= 2)
    .map((w) => w[0]!);
}

type Claims = Map<string, number>;

function claim(into: Claims, done: ReadonlySet<string>, key: string, row: number, min = MIN_KEY): void {
  if (key.length < min || done.has(key)) return;
  const had = into.get(key);
  into.set(key, had === undefined || had === row ? row : -1);
}

/** Keys grouped by row, ambiguous (-1) first: see KeyTable. */
function table(claims: Claims): KeyTable {
  const entries = [...claims].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const runs: number[] = [];
  let prev = -1;
  for (let i = 0; i < entries.length;) {
    const row = entries[i]![1];
    let j = i;
    while (j < entries.length && entries[j]![1] === row) j++;
    runs.push(row - prev, j - i);
    prev = row;
    i = j;
  }
  return { keys: entries.map(([k]) => k).join(' '), runs };
}

/** A place's written forms without their generic words ("Huyện Khoua" → "Khoua"). */
export function levelForms(e: Keyed): string[] {
  return writtenForms(e).map((f) => genericOf(f)?.bare ?? bareName(f));
}

/** `entities`: [row, entity] for every entity row of the automaton. */
export function phoneticTable(entities: Iterable<[number, Keyed]>): PhoneticData {
  const all = [...entities];
  const named = all.filter(([, e]) => (e.type === 'PERSON' || e.type === 'PLACE') && !isPair(e));
  const spelling: Claims = new Map();
  const sound: Claims = new Map();
  for (const forms of [writtenForms, bareForms, pairSides]) {
    const spelled = new Set(spelling.keys());
    const sounded = new Set(sound.keys());
    for (const [row, e] of named)
      for (const f of forms(e)) {
        const key = phoneticKey(f);
        // A shorter form that sounds like another entity's written name is not its spelling: the
        // spelling table is looked at first ("Ta Oi" is the district "Ta Oy", not "Cao nguyên Tạ Ôi").
        const other = sounded.has(key) && sound.get(key) !== row;
        if (!other) claim(spelling, spelled, spellingKey(f), row);
        claim(sound, sounded, key, row);
      }
  }
  const given: Claims = new Map();
  const taken = new Set(sound.keys());
  for (const [row, e] of named) for (const f of givenNames(e)) claim(given, taken, phoneticKey(f), row, MIN_GIVEN_KEY);
  const levels = Array.from({ length: all.reduce((n, [row]) => Math.max(n, row + 1), 0) }, () => '.');
  const levelSpelling: Claims = new Map();
  const levelSound: Claims = new Map();
  for (const [row, e] of named) {
    if (e.type !== 'PLACE') continue;
    const level = levelOf(e.name, e.vi ?? '');
    levels[row] = level ? LEVEL_CODE[level] : '-';
    if (!level) continue;
    for (const f of levelForms(e)) {
      claim(levelSpelling, new Set(), LEVEL_CODE[level] + spellingKey(f), row, MIN_LEVEL_KEY + 1);
      claim(levelSound, new Set(), LEVEL_CODE[level] + phoneticKey(f), row, MIN_LEVEL_KEY + 1);
    }
  }
  return {
    v: 1,
    spelling: table(spelling),
    sound: table(sound),
    given: table(given),
    levels: levels.join(''),
    levelSpelling: table(levelSpelling),
    levelSound: table(levelSound),
  };
}

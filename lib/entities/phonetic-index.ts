/**
 * The runtime side of the phonetic key table (PhoneticData, built by
 * lib/entities/build/phonetic-table.ts): decoded once, then a name-shaped span the gazetteer does
 * not list is looked up by its keys, strictest first. Exactly one entity must own the key.
 */
import type { LinkConfidence } from '../article';
import type { KeyTable, PhoneticData } from './data';
import { editDistance, phoneticKey, spellingKey } from './phonetic';
import { genericOf, LEVEL_CODE, type Generic } from './place-level';

/** Keys shorter than this are not matched one edit away: too many names are one edit apart. */
export const MIN_NEAR_KEY = 8;
/** Keys this long may be two edits away ("Hùng-bun-nhuông" = "Houngboungnuang"). */
export const MIN_NEAR2_KEY = 16;
/** After a generic word that says the level, a name may be this short ("cửa khẩu Bờ Y"). */
const MIN_LEVEL_KEY = 3;

export interface PhoneticLink {
  row: number;
  confidence: LinkConfidence;
}

export interface LinkOptions {
  /** The loosest confidence accepted. */
  loosest: LinkConfidence;
  /** Keys shorter than this link to nothing (a single word needs more letters). */
  minKey: number;
}

const LINK_CACHE_LIMIT = 5_000;

const RANK: Record<LinkConfidence, number> = { exact: 0, phonetic: 1, near: 2 };

function decode({ keys, runs }: KeyTable): Map<string, number> {
  const out = new Map<string, number>();
  const list = keys === '' ? [] : keys.split(' ');
  let at = 0;
  let row = -1;
  for (let i = 0; i < runs.length; i += 2) {
    row += runs[i]!;
    for (const end = at + runs[i + 1]!; at < end; at++) out.set(list[at]!, row);
  }
  return out;
}

export class PhoneticIndex {
  private readonly spelling: Map<string, number>;
  private readonly sound: Map<string, number>;
  private readonly given: Map<string, number>;
  private readonly levelSpelling: Map<string, number>;
  private readonly levelSound: Map<string, number>;
  private readonly levels: string;
  /** Look-ups already made (bounded), by options and name. */
  private readonly links = new Map<string, PhoneticLink | null>();
  /** Sound keys by length, built on the first "near" look-up. */
  private byLength: Map<number, [string, number][]> | null = null;

  constructor(data: PhoneticData) {
    this.spelling = decode(data.spelling);
    this.sound = decode(data.sound);
    this.given = decode(data.given);
    this.levelSpelling = decode(data.levelSpelling);
    this.levelSound = decode(data.levelSound);
    this.levels = data.levels;
  }

  /**
   * The entity row a name links to, or null (an ambiguous key stops the look-up: null). A generic
   * word in the text is kept ("Muang Phongsaly" is the district, not the province "Phongsaly").
   */
  link(name: string, options: LinkOptions): PhoneticLink | null {
    // An article names the same people and places again and again: the keys are computed once.
    const id = `${options.loosest} ${options.minKey} ${name}`;
    let found = this.links.get(id);
    if (found === undefined) {
      found = this.lookUp(name, options);
      if (this.links.size >= LINK_CACHE_LIMIT) this.links.clear();
      this.links.set(id, found);
    }
    return found && { ...found };
  }

  private lookUp(name: string, options: LinkOptions): PhoneticLink | null {
    const { loosest, minKey } = options;
    const spelled = spellingKey(name);
    const generic = genericOf(name);
    if (spelled.length < (generic ? MIN_LEVEL_KEY : minKey)) return null;
    const exact = this.spelling.get(spelled);
    if (exact !== undefined) return exact >= 0 ? { row: exact, confidence: 'exact' } : null;
    const key = RANK[loosest] < RANK.phonetic ? null : phoneticKey(name);
    const sounded = key === null ? undefined : this.sound.get(key);
    if (sounded !== undefined) return sounded >= 0 ? { row: sounded, confidence: 'phonetic' } : null;
    // "huyện Phongsaly", "Muang Chomphet", "Xamtay District": the name without its generic
    // word, among the places of that level; then any place of a level the word allows.
    if (generic) {
      const placed = this.byLevel(generic, loosest);
      return placed !== undefined ? placed : this.ofLevel(this.lookUp(generic.bare, options), generic);
    }
    if (key === null || RANK[loosest] < RANK.near) return null;
    const given = this.given.get(key);
    if (given !== undefined) return given >= 0 ? { row: given, confidence: 'near' } : null;
    const row = this.nearest(key);
    return row >= 0 ? { row, confidence: 'near' } : null;
  }

  /**
   * The place of one of `levels` whose name without generic words is `bare`; null when two are,
   * undefined when none is.
   */
  private byLevel({ bare, levels }: Generic, loosest: LinkConfidence): PhoneticLink | null | undefined {
    const spelled = spellingKey(bare);
    if (spelled.length < MIN_LEVEL_KEY) return undefined;
    const find = (table: Map<string, number>, key: string): number | null => {
      const rows = new Set(levels.map((l) => table.get(LEVEL_CODE[l] + key)).filter((r) => r !== undefined));
      return rows.size === 0 ? null : rows.size === 1 ? [...rows][0]! : -1;
    };
    const exact = find(this.levelSpelling, spelled);
    if (exact !== null) return exact >= 0 ? { row: exact, confidence: 'exact' } : null;
    if (RANK[loosest] < RANK.phonetic) return undefined;
    const sounded = find(this.levelSound, phoneticKey(bare));
    return sounded === null ? undefined : sounded >= 0 ? { row: sounded, confidence: 'phonetic' } : null;
  }

  /** `link` when it is a place its generic word allows (a place of unknown level is allowed). */
  private ofLevel(link: PhoneticLink | null, { levels }: Generic): PhoneticLink | null {
    const code = link ? this.levels[link.row] : undefined;
    if (!link || code === undefined || code === '.') return null;
    return code === '-' || levels.some((l) => LEVEL_CODE[l] === code) ? link : null;
  }

  /** The one entity whose sound key is within the allowed edits of `key`, or -1. */
  private nearest(key: string): number {
    const max = key.length >= MIN_NEAR2_KEY ? 2 : key.length >= MIN_NEAR_KEY ? 1 : 0;
    if (max === 0) return -1;
    let found = -1;
    let best = max + 1;
    let tied = false;
    for (let len = key.length - max; len <= key.length + max; len++) {
      for (const [k, row] of this.keysOfLength(len)) {
        const d = editDistance(key, k, max);
        if (d > max) continue;
        if (d < best) [best, found, tied] = [d, row, row < 0];
        else if (d === best && row !== found) tied = true;
      }
    }
    return tied ? -1 : found;
  }

  private keysOfLength(len: number): [string, number][] {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const [k, row] of this.sound) {
        let list = this.byLength.get(k.length);
        if (!list) this.byLength.set(k.length, (list = []));
        list.push([k, row]);
      }
    }
    return this.byLength.get(len) ?? [];
  }
}

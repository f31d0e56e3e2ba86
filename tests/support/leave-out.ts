/**
 * The leave-out measure of linking by pronunciation (issue 13): every entity keeps its canonical
 * name only (aliases made of {references} stay, and then expand to names only); every dropped
 * spelling is written into a sentence and matched through the whole path (findMentions). Counted:
 * linked to its entity (right), to another listed entity and not its own (wrong), or to none.
 *
 * Entities are split in two halves by a hash of their id: the phonetic rules were written looking
 * at the "tuned" half's spellings only; the "held-out" half was never looked at while tuning
 * (only its totals are printed).
 *
 * In scope of the measure: the dropped spellings of a PERSON or PLACE that write the same name
 * another way — what a phonetic key is for. Out of scope (counted, reported, never left out of
 * the all-spellings figure): ORG and EVENT names (acronyms, translations, short forms), places
 * named by a description ("Tượng đài Liên minh chiến đấu …": word order, not sound), acronyms
 * ("VN"), short forms that drop a word of the name ("Huế" for "Thừa Thiên Huế"; a Lao person's
 * given name alone stays in scope: the key has a table for it), and other names — spellings that
 * share almost no letter pair with the canonical name (a birth name, a nickname, a former name, a
 * translation: "Phan Đình Đống", "Bầu Đức", "Khanthabouly", "Phu Luông"). The categories are
 * decided by the rules of `scopeOf`, the same for both halves, never by hand.
 */
import { compileGazetteer } from '@/lib/entities/build/compile';
import { isPair, type EntityRow, type GazetteerRows } from '@/lib/entities/build/tsv';
import { createMatcher } from '@/lib/entities/matcher';
import { spellingKey } from '@/lib/entities/phonetic';
import { genericOf } from '@/lib/entities/place-level';
import { foldDiacritics } from '@/lib/text/vietnamese';
import type { EntityType } from '@/lib/article';

export type Half = 'tuned' | 'held-out';

/** FNV-1a of the id: a split that does not depend on file order and never changes. */
export function halfOf(id: string): Half {
  let h = 0x811c9dc5;
  for (const c of id) {
    h ^= c.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h & 1) === 0 ? 'tuned' : 'held-out';
}

/** The sentence a dropped spelling is written into, by the entity's type. */
export const SENTENCE: Record<EntityType, (s: string) => string> = {
  PERSON: (s) => `Đồng chí ${s} phát biểu.`,
  PLACE: (s) => `Đoàn công tác đã tới ${s} hôm qua.`,
  ORG: (s) => `Đại diện ${s} phát biểu.`,
  EVENT: (s) => `Hai bên nhắc lại ${s} hôm qua.`,
};

/**
 * right: a mention links to the entity. wrong: a mention covering most of the spelling (half its
 * letters or more) links to another entity. part: only a small part of a compound spelling links
 * to another entity, the one that part names ("Lào" in "Tượng đài … Lào - Việt Nam",
 * "Xu-pha-nu-vông" in "Đại học Xu-pha-nu-vông"). none: nothing links.
 */
export type Outcome = 'right' | 'wrong' | 'part' | 'none';

/** Why a dropped spelling is outside the measure (see the header), or how it differs when inside. */
export type Scope =
  | 'org or event'
  | 'descriptive name'
  | 'acronym'
  | 'short form'
  | 'other name'
  | 'generic word'
  | 'given name alone'
  | 'same letters'
  | 'Lao ↔ Vietnamese'
  | 'romanisation variant'
  | 'Vietnamese variant';

export const OUT_OF_SCOPE: ReadonlySet<Scope> = new Set([
  'org or event',
  'descriptive name',
  'acronym',
  'short form',
  'other name',
]);

/** Below this share of skeleton letter pairs (Dice) two spellings are two names, not one written twice. */
export const OTHER_NAME_DICE = 0.3;

/**
 * A crude consonant skeleton, fixed here and independent of the product's phonetic key (so that
 * the key cannot move spellings in or out of scope): no diacritics, vowel runs as one "a",
 * ph = f, x = s, c = q = k, w = v, r = l, y = i, doubled letters once. "Houayxay" = "Huổi Xai".
 */
export function skeleton(name: string): string {
  return foldDiacritics(name.normalize('NFC').toLowerCase())
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/x/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/w/g, 'v')
    .replace(/r/g, 'l')
    .replace(/y/g, 'i')
    .replace(/[aeiou]+/g, 'a')
    .replace(/([a-z])\1+/g, '$1');
}

const bare = (name: string): string => genericOf(name)?.bare ?? name.normalize('NFC').trim();
const foldedWords = (name: string): string[] =>
  foldDiacritics(name.normalize('NFC').toLowerCase())
    .split(/[\s\-–—]+/)
    .filter(Boolean);
const pairs = (key: string): string[] =>
  Array.from({ length: Math.max(0, key.length - 1) }, (_, i) => key.slice(i, i + 2));

/** Dice coefficient of the letter pairs of two spelling keys. */
export function dice(a: string, b: string): number {
  const [pa, pb] = [pairs(a), pairs(b)];
  const left = new Map<string, number>();
  for (const p of pb) left.set(p, (left.get(p) ?? 0) + 1);
  let shared = 0;
  for (const p of pa) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      shared++;
      left.set(p, n - 1);
    }
  }
  return pa.length + pb.length === 0 ? 0 : (2 * shared) / (pa.length + pb.length);
}

const VIETNAMESE = /[^ -~\s]|\p{L}-\p{L}/u;

/** The category of a dropped spelling of entity `e` (see the header): rules, not judgement. */
export function scopeOf(e: Pick<EntityRow, 'type' | 'country' | 'name'>, spelling: string): Scope {
  if (e.type === 'ORG' || e.type === 'EVENT') return 'org or event';
  const name = bare(e.name);
  const said = bare(spelling);
  if (/(?:^|\s)\p{Ll}/u.test(said)) return 'descriptive name';
  if (/(?:^|\s)\p{Lu}{2,}(?:\s|$)/u.test(said)) return 'acronym';
  const nameWords = foldedWords(name).map((w) => w.replace(/y/g, 'i'));
  const saidWords = foldedWords(said).map((w) => w.replace(/y/g, 'i'));
  const given = e.type === 'PERSON' && e.country === 'LA' && saidWords.length === 1 && saidWords[0] === nameWords[0];
  if (given) return 'given name alone';
  if (saidWords.length < nameWords.length && saidWords.every((w) => nameWords.includes(w))) return 'short form';
  if (dice(skeleton(name), skeleton(said)) < OTHER_NAME_DICE) return 'other name';
  // A Vietnamese name is its words: another word is another name (a pen name, a birth name).
  const vietnamese = e.type === 'PERSON' && e.country === 'VN' && /[^ -~\s]/.test(said);
  if (vietnamese && saidWords.some((w) => !nameWords.includes(w))) return 'other name';
  if (genericOf(spelling) || genericOf(e.name)) return 'generic word';
  if (spellingKey(name) === spellingKey(said)) return 'same letters';
  const [vn, vs] = [VIETNAMESE.test(name), VIETNAMESE.test(said)];
  return vn !== vs ? 'Lao ↔ Vietnamese' : vn ? 'Vietnamese variant' : 'romanisation variant';
}

export interface Trial {
  id: string;
  type: EntityType;
  half: Half;
  spelling: string;
  scope: Scope;
  outcome: Outcome;
  /** The ids it linked to. */
  got: string[];
  /**
   * How the decisive link was made: 'sound' when the right link (or, for a wrong outcome, any
   * wrong link) came by pronunciation, 'listed' when only listed spellings were matched.
   */
  via: 'sound' | 'listed' | null;
}

export interface Tally {
  n: number;
  right: number;
  wrong: number;
  none: number;
  part: number;
  /** Of the wrong ones, those linked wrong by pronunciation (not by another entity's listed spelling). */
  wrongBySound: number;
}

/** Only the canonical names (and {reference} aliases) of `rows`. */
export function leaveOut(rows: GazetteerRows): GazetteerRows {
  const keep = (e: EntityRow): EntityRow => ({ ...e, aliases: e.aliases.filter((a) => a.includes('{')) });
  return { ...rows, entities: rows.entities.map(keep) };
}

export function leaveOutTrials(rows: GazetteerRows): Trial[] {
  const { data, details, phonetic } = compileGazetteer(leaveOut(rows));
  const matcher = createMatcher(data, details, phonetic);
  const trials: Trial[] = [];
  for (const e of rows.entities.filter((e) => !isPair(e))) {
    // a pair is never matched (two mentions, one per side): nothing of it to link
    const dropped = new Set(e.aliases.filter((a) => !a.includes('{') && a !== e.name));
    for (const spelling of dropped) {
      const linked = matcher
        .findMentions(SENTENCE[e.type](spelling))
        .filter((m) => !m.entityId.startsWith('unlisted:'));
      const got = linked.map((m) => m.entityId);
      const letters = spellingKey(spelling).length;
      const most = linked.some((m) => 2 * spellingKey(m.surface).length >= letters);
      const outcome: Outcome = got.includes(e.id) ? 'right' : got.length === 0 ? 'none' : most ? 'wrong' : 'part';
      const decisive = linked.filter((m) => (outcome === 'right') === (m.entityId === e.id));
      const via = outcome === 'none' ? null : decisive.some((m) => m.confidence) ? 'sound' : 'listed';
      trials.push({
        id: e.id,
        type: e.type,
        half: halfOf(e.id),
        spelling,
        scope: scopeOf(e, spelling),
        outcome,
        got,
        via,
      });
    }
  }
  return trials;
}

export function tally(trials: readonly Trial[]): Tally {
  const t: Tally = { n: trials.length, right: 0, wrong: 0, part: 0, none: 0, wrongBySound: 0 };
  for (const x of trials) {
    t[x.outcome]++;
    if (x.outcome === 'wrong' && x.via === 'sound') t.wrongBySound++;
  }
  return t;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

export const isName = (x: Trial): boolean => x.type === 'PERSON' || x.type === 'PLACE';
export const inScope = (x: Trial): boolean => isName(x) && !OUT_OF_SCOPE.has(x.scope);

export function tallyLine(label: string, t: Tally): string {
  return (
    `  ${label.padEnd(30)} ${String(t.n).padStart(4)}: right ${percent(t.right, t.n)}, wrong ${percent(t.wrong, t.n)} ` +
    `(${t.wrongBySound} by sound), part of a compound elsewhere ${percent(t.part, t.n)}, none ${percent(t.none, t.n)}`
  );
}

/**
 * The measure's figures: in scope and all spellings, per half; how many spellings each
 * out-of-scope rule took (totals only); the tuned half's spellings by category.
 */
export function leaveOutReport(trials: readonly Trial[]): string[] {
  const of = (f: (x: Trial) => boolean) => tally(trials.filter(f));
  const tuned = (x: Trial) => x.half === 'tuned';
  const held = (x: Trial) => x.half === 'held-out';
  const out = [...OUT_OF_SCOPE].map((s) => `${s} ${trials.filter((x) => x.scope === s).length}`);
  const categories = [...new Set(trials.filter(tuned).map((x) => x.scope))].sort();
  return [
    tallyLine(
      'in scope, tuned half',
      of((x) => inScope(x) && tuned(x)),
    ),
    tallyLine(
      'in scope, held-out half',
      of((x) => inScope(x) && held(x)),
    ),
    tallyLine('in scope, both', of(inScope)),
    tallyLine(
      'PERSON+PLACE, tuned half',
      of((x) => isName(x) && tuned(x)),
    ),
    tallyLine(
      'PERSON+PLACE, held-out half',
      of((x) => isName(x) && held(x)),
    ),
    tallyLine('PERSON+PLACE, both', of(isName)),
    tallyLine(
      'all spellings (ORG, EVENT too)',
      of(() => true),
    ),
    `  out of scope (both halves): ${out.join(', ')}`,
    '  tuned half by category:',
    ...categories.map((c) =>
      tallyLine(
        `  ${OUT_OF_SCOPE.has(c) ? '(out) ' : ''}${c}`,
        of((x) => tuned(x) && x.scope === c),
      ),
    ),
  ];
}

/**
 * The leave-out measure of linking by pronunciation (issue 13): every entity keeps its canonical
 * name only (aliases made of {references} stay, and then expand to names only); every dropped
 * spelling is written into a sentence and matched through the whole path (findMentions). Counted:
 * linked to its entity (right), to another listed entity and not its own (wrong), or to none.
 *
 * Entities are split in two halves by a hash of their id: the phonetic rules were written looking
 * at the "tuned" half's spellings only; the "held-out" half was never looked at while tuning.
 */
import { compileGazetteer } from '@/lib/entities/build/compile';
import { isPair, type EntityRow, type GazetteerRows } from '@/lib/entities/build/tsv';
import { createMatcher } from '@/lib/entities/matcher';
import { spellingKey } from '@/lib/entities/phonetic';
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

export interface Trial {
  id: string;
  type: EntityType;
  half: Half;
  spelling: string;
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
      trials.push({ id: e.id, type: e.type, half: halfOf(e.id), spelling, outcome, got, via });
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

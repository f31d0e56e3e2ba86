/** A matcher bound to one serialised gazetteer (the virtual modules, or one compiled in Node). */
import type { ArticleEntity, Mention } from '../article';
import { Automaton } from './automaton';
import type { GazetteerData, GazetteerDetails, PhoneticData } from './data';
import { groupWith } from './group';
import { findMentionsWith } from './match';
import { PhoneticIndex } from './phonetic-index';
import { GazetteerTable, type GazetteerEntity } from './table';

export interface EntityMatcher {
  findMentions(text: string): Mention[];
  groupEntities(mentions: readonly Mention[]): ArticleEntity[];
  /** The gazetteer record; descriptions and aliases are empty without `details`. */
  getEntity(id: string): GazetteerEntity | undefined;
  /** Every listed entity id, in gazetteer order. */
  ids(): string[];
}

const NO_DETAILS: GazetteerDetails = { vi: [], en: [], aliases: [] };

/** `phonetic`: the key table that links unlisted spellings by sound (without it, none are linked). */
export function createMatcher(
  data: GazetteerData,
  details: GazetteerDetails = NO_DETAILS,
  phonetic?: PhoneticData,
): EntityMatcher {
  const automaton = new Automaton(data);
  const table = new GazetteerTable(data);
  const sounds = phonetic ? new PhoneticIndex(phonetic) : undefined;
  return {
    findMentions: (text) => findMentionsWith(automaton, table, text, sounds),
    groupEntities: (mentions) => groupWith(table, mentions),
    getEntity: (id) => table.entity(id, details),
    ids: () => table.ids(),
  };
}

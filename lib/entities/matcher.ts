/** A matcher bound to one serialised gazetteer (the virtual modules, or one compiled in Node). */
import type { ArticleEntity, Mention } from '../article';
import { Automaton } from './automaton';
import { dropCredits, isOutletName } from './credits';
import { findEvents } from './events';
import { trimHeads } from './heads';
import type { GazetteerData, GazetteerDetails, PhoneticData } from './data';
import { groupWith } from './group';
import { findMentionsWith } from './match';
import { findOrganisations } from './organisations';
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
  const outlets = new Set(table.ids().filter((id) => isOutletName(table.summary(id)!.name)));
  const sounds = phonetic ? new PhoneticIndex(phonetic) : undefined;
  return {
    findMentions: (text) => {
      const alone = (part: string) => findMentionsWith(automaton, table, part, sounds);
      const found = dropCredits(text, alone(text), (id) => outlets.has(id));
      return findEvents(text, findOrganisations(text, trimHeads(found, alone)), alone);
    },
    groupEntities: (mentions) => groupWith(table, mentions),
    getEntity: (id) => table.entity(id, details),
    ids: () => table.ids(),
  };
}

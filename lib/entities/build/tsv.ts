/**
 * Reading the gazetteer TSVs (assets/gazetteer/*.tsv). Three kinds of file, told apart by their
 * header row:
 *   entities:  id  type  country  name  description_vi  description_en  aliases  source
 *   titles:    title  note          (ranks and offices written before a name)
 *   stoplist:  phrase  note         (generic phrases that must NOT become an entity)
 */
import type { Country, EntityType } from '../../article';

export interface EntityRow {
  id: string;
  type: EntityType;
  country: Country;
  name: string;
  vi: string;
  en: string;
  aliases: string[];
  /** The public page its facts and spellings come from (a URL), or `unverified`. */
  source: string;
  /** Where the row is written (`file:line`), for build messages. */
  at: string;
}

export interface PhraseRow {
  phrase: string;
  /** Where the row is written (`file:line`), for build messages. */
  at: string;
}

export interface GazetteerRows {
  entities: EntityRow[];
  titles: PhraseRow[];
  stops: PhraseRow[];
}

const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];
const COUNTRIES: readonly Country[] = ['VN', 'LA', 'both', 'other'];
/** The `source` of an entry whose facts no public page confirms yet (the README counts them). */
export const UNVERIFIED = 'unverified';
/** An alias of digits and date separators only ("5/9/1962"): in text it is a date, not the anniversary. */
const BARE_DATE = /^[\d\s./\-–]+$/;
const ID = /^(person|org|place|event)\.[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

function lines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

/** Parse one TSV file into `into`; returns the problems found (empty when the file is fine). */
export function parseTsv(text: string, source: string, into: GazetteerRows): string[] {
  const rows = lines(text);
  const header = rows.shift();
  if (!header) return [];
  const errors: string[] = [];
  const col = (name: string): number => header.indexOf(name);
  if (header[0] === 'id') {
    const need = ['id', 'type', 'country', 'name', 'description_vi', 'description_en', 'aliases', 'source'];
    const missing = need.filter((n) => col(n) < 0);
    if (missing.length) return [`${source}: missing columns ${missing.join(', ')}`];
    rows.forEach((r, i) => {
      const at = `${source}:${i + 2}`;
      const get = (n: string): string => r[col(n)] ?? '';
      const id = get('id');
      const type = get('type') as EntityType;
      const country = get('country') as Country;
      if (!ID.test(id)) errors.push(`${at}: bad id "${id}"`);
      if (!TYPES.includes(type)) errors.push(`${at}: bad type "${type}"`);
      if (!COUNTRIES.includes(country)) errors.push(`${at}: bad country "${country}"`);
      if (!get('name')) errors.push(`${at}: empty name`);
      const sourced = get('source');
      if (sourced !== UNVERIFIED && !/^https:\/\/[^\s|]+$/.test(sourced))
        errors.push(`${at}: source "${sourced}" is neither an https:// address nor ${UNVERIFIED}`);
      const aliases = get('aliases')
        .split('|')
        .map((a) => a.trim())
        .filter((a) => a !== '');
      for (const a of aliases.filter((a) => BARE_DATE.test(a)))
        errors.push(
          `${at}: "${a}" is a bare date, which news text uses as a date: write the phrase that names the day ("ngày ${a}")`,
        );
      into.entities.push({
        id,
        type,
        country,
        name: get('name'),
        vi: get('description_vi'),
        en: get('description_en'),
        aliases,
        source: sourced,
        at,
      });
    });
  } else if (header[0] === 'title' || header[0] === 'phrase') {
    const list = header[0] === 'title' ? into.titles : into.stops;
    rows.forEach((r, i) => {
      if (r[0]) list.push({ phrase: r[0], at: `${source}:${i + 2}` });
    });
  } else {
    errors.push(`${source}: unknown header "${header.join(' ')}"`);
  }
  return errors;
}

export function emptyRows(): GazetteerRows {
  return { entities: [], titles: [], stops: [] };
}

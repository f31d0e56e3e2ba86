/** The entity table of the serialised gazetteer: rows by index, records by id. */
import type { Country, EntityType } from '../article';
import type { GazetteerData, GazetteerDetails } from './data';

export interface GazetteerEntity {
  id: string;
  name: string;
  type: EntityType;
  country: Country;
  descriptionVi: string;
  descriptionEn: string;
  aliases: string[];
}

export type Row = { kind: 'entity'; id: string; type: EntityType } | { kind: 'title' } | { kind: 'stop' };

const TYPE: Record<string, EntityType> = { P: 'PERSON', O: 'ORG', L: 'PLACE', E: 'EVENT' };
const COUNTRY: Record<string, Country> = { V: 'VN', L: 'LA', B: 'both', O: 'other' };
const TITLE: Row = { kind: 'title' };
const STOP: Row = { kind: 'stop' };

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  country: Country;
}

export class GazetteerTable {
  private readonly byId = new Map<string, number>();

  constructor(private readonly data: GazetteerData) {
    data.ids.forEach((id, i) => {
      if (id) this.byId.set(id, i);
    });
  }

  row(i: number): Row {
    const k = this.data.kinds.charAt(i);
    if (k === 'T') return TITLE;
    if (k === 'S') return STOP;
    return { kind: 'entity', id: this.data.ids[i]!, type: TYPE[k] ?? 'ORG' };
  }

  /** Row index of a listed entity id. */
  index(id: string): number | undefined {
    return this.byId.get(id);
  }

  summary(id: string): EntitySummary | undefined {
    const i = this.byId.get(id);
    if (i === undefined) return undefined;
    return {
      id,
      name: this.data.names[i]!,
      type: TYPE[this.data.kinds.charAt(i)] ?? 'ORG',
      country: COUNTRY[this.data.countries.charAt(i)] ?? 'other',
    };
  }

  /** The full record; descriptions and aliases come from the details table. */
  entity(id: string, details: GazetteerDetails): GazetteerEntity | undefined {
    const s = this.summary(id);
    const i = this.byId.get(id);
    if (!s || i === undefined) return undefined;
    const aliases = details.aliases[i] ?? '';
    return {
      ...s,
      descriptionVi: details.vi[i] ?? '',
      descriptionEn: details.en[i] ?? '',
      aliases: aliases ? aliases.split(' | ') : [],
    };
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}

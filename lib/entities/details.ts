/**
 * getEntity: the full gazetteer record (descriptions, aliases). Its data lives in
 * `virtual:vietlao-gazetteer/details`, which a bundle only carries when it calls getEntity.
 */
import gazetteer from 'virtual:vietlao-gazetteer';
import details from 'virtual:vietlao-gazetteer/details';
import { GazetteerTable, type GazetteerEntity } from './table';

let table: GazetteerTable | undefined;

/** The gazetteer record of a listed entity id (undefined for unknown and `unlisted:` ids). */
export function getEntity(id: string): GazetteerEntity | undefined {
  table ??= new GazetteerTable(gazetteer);
  return table.entity(id, details);
}

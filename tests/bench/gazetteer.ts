/**
 * Node side: the gazetteer's entities and every name they are known by, read from the same TSVs
 * the Vite plugin compiles (assets/gazetteer/*.tsv), "{ref}" aliases expanded like the compiler
 * does. These are the names mark.js gets (case 2) and the entities the archive articles mention.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gazetteerFiles } from '@/lib/entities/build/load';
import { emptyRows, parseTsv, type EntityRow } from '@/lib/entities/build/tsv';

export const GAZETTEER_DIR = join(import.meta.dirname, '../../assets/gazetteer');
const REF = /\{([a-z0-9.-]+)\}/g;
const MAX_EXPANSIONS = 64;

export interface BenchEntity {
  id: string;
  name: string;
  type: EntityRow['type'];
  country: EntityRow['country'];
}

export function readEntities(): EntityRow[] {
  const rows = emptyRows();
  for (const file of gazetteerFiles(GAZETTEER_DIR)) parseTsv(readFileSync(file, 'utf8'), file, rows);
  return rows.entities;
}

/** Every listed entity's name and aliases as written, longest first. */
export function gazetteerNames(entities: readonly EntityRow[] = readEntities()): string[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const out = new Set<string>();
  for (const e of entities) {
    for (const alias of [e.name, ...e.aliases]) {
      let forms = [alias];
      for (const m of alias.matchAll(REF)) {
        const ref = byId.get(m[1]!);
        if (!ref) {
          forms = [];
          break;
        }
        const names = [ref.name, ...ref.aliases.filter((a) => !a.includes('{'))];
        forms = forms.flatMap((f) => names.map((n) => f.replace(m[0], n)));
      }
      for (const f of forms.slice(0, MAX_EXPANSIONS)) if (f.trim()) out.add(f.trim().normalize('NFC'));
    }
  }
  return [...out].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

export function benchEntities(entities: readonly EntityRow[] = readEntities()): BenchEntity[] {
  return entities.map(({ id, name, type, country }) => ({ id, name, type, country }));
}

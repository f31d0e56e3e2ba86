/**
 * `virtual:vietlao-gazetteer`: the gazetteer TSVs compiled into the serialised automaton at build
 * time, so pages only deserialise it. Register with `plugins: [gazetteerPlugin()]`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { GazetteerData, GazetteerDetails, PhoneticData } from '../data';
import { gazetteerFiles, loadGazetteer } from './load';

export const VIRTUAL_ID = 'virtual:vietlao-gazetteer';
export const DETAILS_ID = 'virtual:vietlao-gazetteer/details';
export const PHONETIC_ID = 'virtual:vietlao-gazetteer/phonetic';
const RESOLVED: Record<string, string> = {
  [VIRTUAL_ID]: '\0' + VIRTUAL_ID,
  [DETAILS_ID]: '\0' + DETAILS_ID,
  [PHONETIC_ID]: '\0' + PHONETIC_ID,
};

export interface GazetteerPluginOptions {
  /** Folder holding the *.tsv files; default `<root>/assets/gazetteer`. */
  dir?: string;
}

export function gazetteerPlugin(options: GazetteerPluginOptions = {}): Plugin {
  let root = process.cwd();
  const dir = (): string => {
    const candidates = [options.dir, join(root, 'assets/gazetteer'), join(process.cwd(), 'assets/gazetteer')];
    const found = candidates.find((c): c is string => !!c && existsSync(c));
    if (!found)
      throw new Error(`gazetteerPlugin: no gazetteer folder (tried ${candidates.filter(Boolean).join(', ')})`);
    return resolve(found);
  };
  return {
    name: 'vietlao-gazetteer',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return RESOLVED[id] ?? null;
    },
    load(id) {
      if (!Object.values(RESOLVED).includes(id)) return null;
      const folder = dir();
      for (const f of gazetteerFiles(folder)) this.addWatchFile(f);
      const { data, details, phonetic, warnings } = loadGazetteer(folder);
      // Side-effect free: a bundle that never calls getEntity drops the details module.
      if (id === RESOLVED[DETAILS_ID]) return { code: detailsModule(details), moduleSideEffects: false };
      if (id === RESOLVED[PHONETIC_ID]) return { code: phoneticModule(phonetic), moduleSideEffects: false };
      for (const w of warnings) this.warn(w);
      return { code: automatonModule(data, phonetic), moduleSideEffects: false };
    },
  };
}

/**
 * JSON.parse of one string literal parses faster than the same object as JS source. `revision`:
 * a digest of the compiled gazetteer and its phonetic key table (both change what is found), part
 * of the recogniser's version (lib/background/recogniser-version.ts).
 */
export function automatonModule(data: GazetteerData, phonetic: PhoneticData): string {
  const json = JSON.stringify(data);
  const revision = createHash('sha256').update(json).update(JSON.stringify(phonetic)).digest('hex').slice(0, 12);
  return `export const revision = ${JSON.stringify(revision)};\nexport default JSON.parse(${JSON.stringify(json)});\n`;
}

/** The phonetic key table, parsed like the automaton. */
export function phoneticModule(phonetic: PhoneticData): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(phonetic))});\n`;
}

/** A plain literal (side-effect free), so bundles that never call getEntity drop it. */
export function detailsModule(details: GazetteerDetails): string {
  return `export default ${JSON.stringify(details)};\n`;
}

/** Node only: read every assets/gazetteer/*.tsv and compile it (Vite plugin, CLI, tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGazetteer, type CompileResult } from './compile';
import { emptyRows, parseTsv, type GazetteerRows } from './tsv';

export function gazetteerFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((f) => join(dir, f));
}

/** Parse a gazetteer directory. Errors (bad ids, types, columns, sources) throw. */
export function readGazetteer(dir: string): GazetteerRows {
  const rows = emptyRows();
  const errors: string[] = [];
  for (const file of gazetteerFiles(dir)) {
    errors.push(...parseTsv(readFileSync(file, 'utf8'), file.slice(dir.length + 1), rows));
  }
  if (errors.length) throw new Error(`Gazetteer errors:\n${errors.join('\n')}`);
  return rows;
}

/** Parse and compile a gazetteer directory. */
export function loadGazetteer(dir: string): CompileResult {
  return compileGazetteer(readGazetteer(dir));
}

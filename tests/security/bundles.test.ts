/**
 * The gazetteer (the matcher's automaton and the entity records) is bundled into the background
 * only: the BUILT reader page (reader.html and every chunk it loads) and the content scripts,
 * which run on every news page, carry none of it — they ask the background (findMentions,
 * entityDetails). Checked on both builds with entity ids and descriptions from assets/gazetteer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../support/build';

/** Every entity id and English description in the gazetteer's TSV files. */
function gazetteerStrings(): { ids: string[]; descriptions: string[] } {
  const dir = join(ROOT, 'assets/gazetteer');
  const ids: string[] = [];
  const descriptions: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
    const [header, ...rows] = readFileSync(join(dir, file), 'utf8').split('\n');
    const columns = header!.split('\t');
    const id = columns.indexOf('id');
    const en = columns.indexOf('description_en');
    if (id < 0) continue; // titles, stop list
    for (const row of rows.filter((r) => r.trim())) {
      const cells = row.split('\t');
      ids.push(cells[id]!);
      if (cells[en] && cells[en].length > 30) descriptions.push(cells[en]);
    }
  }
  return { ids, descriptions };
}

/** The JS files a page loads: its <script src> and modulepreload links, and what those import, transitively. */
function pageScripts(out: string, page: string): string[] {
  const html = readFileSync(join(out, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(out, file), 'utf8');
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) queue.push(folder + m[1]!);
  }
  return [...seen];
}

describe.each(['chrome', 'firefox'] as const)('the built %s extension', (target) => {
  const { ids, descriptions } = gazetteerStrings();
  let out = '';
  const read = (file: string) => readFileSync(join(out, file), 'utf8');
  const carried = (file: string) => {
    const code = read(file);
    return [...ids, ...descriptions].filter((s) => code.includes(s));
  };

  beforeAll(() => {
    out = ensureBuilt(target);
  }, 240_000);

  it('the gazetteer is checked with enough of its strings', () => {
    expect(ids.length).toBeGreaterThan(100);
    expect(ids).toContain('person.kaysone-phomvihane');
    expect(descriptions.length).toBeGreaterThan(50);
  });

  it('the background carries the gazetteer: every entity id and description', () => {
    const code = read('background.js');
    expect(ids.filter((id) => !code.includes(id))).toEqual([]);
    expect(descriptions.filter((d) => !code.includes(d))).toEqual([]);
  });

  it("the reader page's scripts carry none of it", () => {
    const scripts = pageScripts(out, 'reader.html');
    expect(scripts.some((f) => /reader/.test(f))).toBe(true);
    expect(scripts.length).toBeGreaterThan(1);
    for (const file of scripts) expect(carried(file), file).toEqual([]);
  });

  it('the content scripts carry none of it', () => {
    const scripts = readdirSync(join(out, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(scripts.sort()).toEqual(['clean-view.js']);
    for (const file of scripts) expect(carried(`content-scripts/${file}`), file).toEqual([]);
  });
});

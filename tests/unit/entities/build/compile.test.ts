/** The gazetteer compiles at build time into a small serialised automaton the runtime only decodes. */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import gazetteer from 'virtual:vietlao-gazetteer';
import { compileGazetteer } from '@/lib/entities/build/compile';
import { loadGazetteer } from '@/lib/entities/build/load';
import { emptyRows, parseTsv } from '@/lib/entities/build/tsv';
import { automatonModule } from '@/lib/entities/build/vite-plugin';
import { createMatcher } from '@/lib/entities';

const DIR = join(import.meta.dirname, '../../../../assets/gazetteer');

describe('gazetteer build', () => {
  const built = loadGazetteer(DIR);

  test('the virtual module is the compiled TSVs', () => {
    expect(gazetteer).toEqual(built.data);
  });

  test('at least 400 entities of every type, valid and without conflicts', () => {
    const kinds = [...built.data.kinds];
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect(count('P') + count('O') + count('L') + count('E')).toBeGreaterThanOrEqual(400);
    for (const k of 'POLE') expect(count(k)).toBeGreaterThan(30);
    expect(built.warnings).toEqual([]);
  });

  test('the serialised automaton stays small (≤ 25 KB gzip)', () => {
    expect(gzipSync(automatonModule(built.data)).length).toBeLessThanOrEqual(25 * 1024);
  });

  test('bad rows are reported', () => {
    const rows = emptyRows();
    const errors = parseTsv(
      'id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases\nPerson X\tPEOPLE\tVN\tX\t\t\t\n',
      't.tsv',
      rows,
    );
    expect(errors.join('\n')).toMatch(/bad id[\s\S]*bad type/);
  });

  test('{ref} aliases expand, and the first claim on a form wins with a warning', () => {
    const rows = emptyRows();
    parseTsv(
      [
        'id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases',
        'place.a\tPLACE\tVN\tAn Khê\t\t\tAn Khe',
        'place.b\tPLACE\tLA\tBò Kẹo\t\t\tBokeo',
        'place.pair.a-b\tPLACE\tboth\tAn Khê - Bò Kẹo\t\t\t{place.a} - {place.b}',
        'place.c\tPLACE\tLA\tBokeo\t\t\t',
      ].join('\n'),
      't.tsv',
      rows,
    );
    const { data, warnings } = compileGazetteer(rows);
    expect(warnings).toHaveLength(1);
    const m = createMatcher(data);
    expect(m.findMentions('An Khe – Bokeo').map((x) => x.entityId)).toEqual(['place.pair.a-b']);
    expect(m.findMentions('Bokeo').map((x) => x.entityId)).toEqual(['place.b']);
  });
});

/** The gazetteer compiles at build time into a small serialised automaton the runtime only decodes. */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import gazetteer from 'virtual:vietlao-gazetteer';
import { compileGazetteer } from '@/lib/entities/build/compile';
import { readFileSync } from 'node:fs';
import { loadGazetteer, readGazetteer } from '@/lib/entities/build/load';
import { emptyRows, parseTsv, UNVERIFIED } from '@/lib/entities/build/tsv';
import { automatonModule, phoneticModule } from '@/lib/entities/build/vite-plugin';
import phonetic from 'virtual:vietlao-gazetteer/phonetic';
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

  test("the README's gazetteer figures are the gazetteer's: entities, and how many are unverified", () => {
    const { entities } = readGazetteer(DIR);
    const unverified = entities.filter((e) => e.source === UNVERIFIED).length;
    const readme = readFileSync(join(DIR, '../../README.md'), 'utf8').replace(/\s+/g, ' ');
    const stated =
      /([\d,]+) entities in a gazetteer anyone can extend \(`assets\/gazetteer\/`[^)]*\), ([\d,]+) of them `unverified`/.exec(
        readme,
      );
    expect(
      stated,
      'README: "N entities in a gazetteer anyone can extend (`assets/gazetteer/` …), M of them `unverified`"',
    ).not.toBeNull();
    expect([Number(stated![1]!.replace(/,/g, '')), Number(stated![2]!.replace(/,/g, ''))]).toEqual([
      entities.length,
      unverified,
    ]);
  });

  test('the serialised automaton stays small (≤ 25 KB gzip)', () => {
    expect(gzipSync(automatonModule(built.data)).length).toBeLessThanOrEqual(25 * 1024);
  });

  test('the phonetic key table is its own module, the compiled TSVs, and small (≤ 8 KB gzip)', () => {
    expect(phonetic).toEqual(built.phonetic);
    expect(gzipSync(phoneticModule(built.phonetic)).length).toBeLessThanOrEqual(8 * 1024);
  });

  test('bad rows are reported', () => {
    const rows = emptyRows();
    const errors = parseTsv(
      [
        'id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases\tsource',
        'Person X\tPEOPLE\tVN\tX\t\t\t\tunverified',
        'person.y\tPERSON\tVN\tY\t\t\t\thttp://example.org/y',
        'person.z\tPERSON\tVN\tZ\t\t\t\t',
      ].join('\n'),
      't.tsv',
      rows,
    );
    expect(errors).toEqual([
      't.tsv:2: bad id "Person X"',
      't.tsv:2: bad type "PEOPLE"',
      't.tsv:3: source "http://example.org/y" is neither an https:// address nor unverified',
      't.tsv:4: source "" is neither an https:// address nor unverified',
    ]);
  });

  test('a file without the source column is refused', () => {
    const errors = parseTsv('id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases\n', 't.tsv', emptyRows());
    expect(errors).toEqual(['t.tsv: missing columns source']);
  });

  test('{ref} aliases expand, and the first claim on a form wins with a warning', () => {
    const rows = emptyRows();
    parseTsv(
      [
        'id\ttype\tcountry\tname\tdescription_vi\tdescription_en\taliases\tsource',
        'place.a\tPLACE\tVN\tAn Khê\t\t\tAn Khe\tunverified',
        'place.b\tPLACE\tLA\tBò Kẹo\t\t\tBokeo\tunverified',
        'place.pair.a-b\tPLACE\tboth\tAn Khê - Bò Kẹo\t\t\t{place.a} - {place.b}\tunverified',
        'place.c\tPLACE\tLA\tBokeo\t\t\t\tunverified',
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

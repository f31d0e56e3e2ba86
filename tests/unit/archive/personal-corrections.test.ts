/**
 * Schema version 4: the user's corrections to the highlights travel with the archive as
 * `personal.corrections`; version 5 adds `personal.removedCorrections` (the ones the user removed);
 * files of versions 1–4 still import; hostile corrections and removals are refused with a message
 * that says which one and why.
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '@/lib/archive/archive.schema.json';
import { exportArchive } from '@/lib/archive/export';
import { EXPORT_SCHEMA_VERSION } from '@/lib/archive/file-format';
import { importArchive } from '@/lib/archive/import';
import { ImportError } from '@/lib/archive/import-error';
import { readArchiveFile } from '@/lib/archive/import-validation';
import { saveArticle } from '@/lib/archive/save';
import type { Correction } from '@/lib/entities/corrections';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const validateFile = new Ajv({ allErrors: true, strict: true }).compile(schema);
const identity = (bodies: readonly string[]) => Promise.resolve([...bodies]);
const at = '2026-12-03T10:00:00.000Z';
const corrections: Correction[] = [
  { kind: 'not-entity', id: 'c1', surface: 'TTXVN', scope: { kind: 'site', site: 'antv.gov.vn' }, at },
  {
    kind: 'not-entity',
    id: 'c2',
    surface: 'Theo VOV',
    scope: { kind: 'article', url: 'https://antv.gov.vn/a-1.html' },
    at,
  },
  {
    kind: 'wrong-entity',
    id: 'c3',
    surface: 'Xỏn-xay',
    scope: { kind: 'everywhere' },
    at,
    entityId: 'place.hoa-binh',
    type: 'PLACE',
    name: 'Hòa Bình',
  },
  { kind: 'mark', id: 'c4', surface: 'Tổng cục Hậu cần', scope: { kind: 'everywhere' }, at, type: 'ORG' },
];
const fileWith = (personal: unknown, schemaVersion = 4) => ({
  format: 'vietlao-reader-archive',
  schemaVersion,
  exportedAt: '2026-12-03T12:00:00.000Z',
  generator: 'VietLao Reader 1.0.0',
  articles: [],
  personal,
});

describe('personal.corrections in the archive', () => {
  it('exports a schema-valid version-5 file carrying the corrections; importing it gives them back', async () => {
    const db = await freshDb();
    await saveArticle(db, makeArticle({ title: 'Một' }), new Date('2026-06-01T00:00:00Z'));
    const text = await (await exportArchive(db, { personal: { siteFixes: {}, corrections } })).text();
    const file = JSON.parse(text) as { schemaVersion: number };
    expect(EXPORT_SCHEMA_VERSION).toBe(5);
    expect(file.schemaVersion).toBe(5);
    expect(validateFile(file), JSON.stringify(validateFile.errors)).toBe(true);
    const result = await importArchive(await freshDb(), text, identity);
    expect(result.added).toBe(1);
    expect(result.personal).toEqual({ siteFixes: {}, corrections });
  });

  it('a version-5 file carries the removed corrections (schema-valid); version 4 files without them still import', async () => {
    const removedCorrections = [{ surface: 'Theo TTXVN', scope: { kind: 'everywhere' as const }, at }];
    const text = await (
      await exportArchive(await freshDb(), { personal: { corrections: [corrections[0]!], removedCorrections } })
    ).text();
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(validateFile(file), JSON.stringify(validateFile.errors)).toBe(true);
    expect((await importArchive(await freshDb(), text, identity)).personal).toEqual({
      corrections: [corrections[0]],
      removedCorrections,
    });
    const v4 = fileWith({ corrections: [corrections[0]] });
    expect(validateFile(v4)).toBe(true);
    expect(readArchiveFile(v4).personal).toEqual({ corrections: [corrections[0]] });
  });

  it.each([
    ['markup in a spelling', { surface: '<img src=x onerror=alert(1)>', scope: { kind: 'everywhere' }, at }, 'surface'],
    ['a javascript: scope', { surface: 'TTXVN', scope: { kind: 'article', url: 'javascript:alert(1)' }, at }, 'url'],
    ['a field a removal has not', { surface: 'TTXVN', scope: { kind: 'everywhere' }, at, kind: 'mark' }, 'kind'],
    ['no time', { surface: 'TTXVN', scope: { kind: 'everywhere' } }, 'at'],
  ])('refuses a removed correction with %s, naming it', async (_name, bad, field) => {
    const file = fileWith({ removedCorrections: [bad] }, 5);
    expect(validateFile(file)).toBe(false);
    const e = await importArchive(await freshDb(), JSON.stringify(file), identity).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as Error).message).toContain('personal.removedCorrections[0].');
    expect((e as Error).message).toContain(field);
  });

  it.each([1, 2, 3])('a version-%i file (no corrections) still imports', async (version) => {
    const db = await freshDb();
    await saveArticle(db, makeArticle({ title: 'Hai' }), new Date('2026-06-01T00:00:00Z'));
    const file = JSON.parse(await (await exportArchive(db)).text()) as Record<string, unknown>;
    const old = JSON.stringify({ ...file, schemaVersion: version });
    expect(validateFile(JSON.parse(old))).toBe(true);
    const result = await importArchive(await freshDb(), old, identity);
    expect(result).toMatchObject({ added: 1 });
    expect(result.personal?.corrections).toBeUndefined();
  });

  it.each([
    ['markup in a spelling', { ...corrections[0]!, surface: '<script>alert(1)</script>' }, 'surface', 'markup'],
    [
      'a javascript: article',
      { ...corrections[1]!, scope: { kind: 'article', url: 'javascript:alert(1)' } },
      'url',
      'not a web address',
    ],
    ['an unknown kind', { ...corrections[0]!, kind: 'run-script' }, 'kind', 'must be not-entity'],
    ['a field no correction has', { ...corrections[3]!, onclick: 'x' }, 'onclick', 'not a known field'],
    ['a wrong entity without its entity', { ...corrections[2]!, entityId: undefined }, 'entityId', 'must be a string'],
  ])('refuses %s, naming the correction and the field, in both languages', async (_name, bad, field, said) => {
    const file = JSON.parse(
      JSON.stringify(fileWith({ corrections: [corrections[0], bad].map((c, i) => ({ ...c, id: `x${i}` })) })),
    );
    let thrown: unknown;
    try {
      readArchiveFile(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(validateFile(file)).toBe(false); // the schema says the same
    const e = await importArchive(await freshDb(), JSON.stringify(file), identity).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(ImportError);
    if (!(e instanceof ImportError)) return;
    expect(e.message).toContain(`personal.corrections[1].`);
    expect(e.message).toContain(field);
    expect(e.message).toContain(said);
    expect(e.message).toContain('Nothing was imported');
    expect(e.messageVi).toContain('Chưa nhập gì');
  });

  it('refuses more corrections than the limit', () => {
    const many = Array.from({ length: 2001 }, (_, i) => ({ ...corrections[0]!, id: `c${i}` }));
    expect(() => readArchiveFile(fileWith({ corrections: many }))).toThrow(/more than 2000/);
  });
});

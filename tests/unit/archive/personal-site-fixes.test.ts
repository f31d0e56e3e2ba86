/** Schema version 3: the user's site fixes travel with the archive as `personal.siteFixes`; older files still import. */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '@/lib/archive/archive.schema.json';
import { exportArchive } from '@/lib/archive/export';
import { EXPORT_SCHEMA_VERSION } from '@/lib/archive/file-format';
import { importArchive } from '@/lib/archive/import';
import { readArchiveFile } from '@/lib/archive/import-validation';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const validateFile = new Ajv({ allErrors: true, strict: true }).compile(schema);
const fixes = {
  'antv.gov.vn': { remove: ['div.detail-content > figure.image:first-child'] },
  'bocongan.gov.vn': { remove: [], container: 'div.post-body' },
  'vov.vn': { remove: ['.box-related'], prefer: 'generic' as const }, // Not the whole article?
};
const identity = (bodies: readonly string[]) => Promise.resolve([...bodies]);

describe('personal.siteFixes in the archive', () => {
  it('exports a schema-valid file carrying the fixes, and importing it gives them back', async () => {
    const db = await freshDb();
    await saveArticle(db, makeArticle({ title: 'Một' }), new Date('2024-06-01T00:00:00Z'));
    const text = await (await exportArchive(db, { personal: { siteFixes: fixes } })).text();
    const file = JSON.parse(text) as { schemaVersion: number };
    expect(file.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(validateFile(file), JSON.stringify(validateFile.errors)).toBe(true);
    const result = await importArchive(await freshDb(), text, identity);
    expect(result.added).toBe(1);
    expect(result.personal).toEqual({ siteFixes: fixes });
  });

  it.each([1, 2, 3])('a version-%i file without personal still imports', async (version) => {
    const db = await freshDb();
    await saveArticle(db, makeArticle({ title: 'Hai' }), new Date('2024-06-01T00:00:00Z'));
    const file = JSON.parse(await (await exportArchive(db)).text()) as Record<string, unknown>;
    expect(file.personal).toBeUndefined();
    const old = JSON.stringify({ ...file, schemaVersion: version });
    expect(validateFile(JSON.parse(old))).toBe(true);
    const result = await importArchive(await freshDb(), old, identity);
    expect(result).toMatchObject({ added: 1 });
    expect(result.personal).toBeUndefined();
  });

  it.each([
    ['a selector that is not a string', { 'antv.gov.vn': { remove: [1] } }],
    ['an unknown field of a fix', { 'antv.gov.vn': { remove: [], script: 'x' } }],
    ['a site name with markup', { '<b>x</b>': { remove: [] } }],
  ])('refuses %s', (_name, siteFixes) => {
    const file = {
      format: 'vietlao-reader-archive',
      schemaVersion: 3,
      exportedAt: '2024-07-01T12:00:00.000Z',
      generator: 'VietLao Reader 1.0.0',
      articles: [],
      personal: { siteFixes },
    };
    expect(() => readArchiveFile(file)).toThrow();
  });

  it('refuses an unknown key of personal', () => {
    expect(() =>
      readArchiveFile({
        format: 'vietlao-reader-archive',
        schemaVersion: 3,
        exportedAt: '2024-07-01T12:00:00.000Z',
        generator: 'VietLao Reader 1.0.0',
        articles: [],
        personal: { passwords: {} },
      }),
    ).toThrow();
  });
});

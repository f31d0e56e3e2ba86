import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '@/lib/archive/archive.schema.json';
import { exportArchive, exportFileName, exportWallabag, EXPORT_PAGE_SIZE } from '@/lib/archive/export';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, GENERATOR, type ArchiveFile } from '@/lib/archive/file-format';
import { saveArticle } from '@/lib/archive/save';
import { freshDb, makeArticle } from '../../support/archive-fixtures';

const NOW = new Date('2024-07-01T12:00:00Z');
const validateFile = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('exportArchive', () => {
  it('writes a schema-valid file, newest first, with bodies and entities', async () => {
    const db = await freshDb();
    const first = makeArticle({
      title: 'Một',
      entities: [
        ['LA', 'Lào'],
        ['unlisted:PERSON:a', 'Việt Nam', 'PERSON'],
      ],
    });
    first.entities[0]!.country = 'LA';
    first.entities[0]!.mentions[0]!.title = 'Nước';
    await saveArticle(db, first, new Date('2024-06-01T00:00:00Z'));
    await saveArticle(
      db,
      makeArticle({ title: 'Hai', lead: null, publishedAt: null }),
      new Date('2024-06-02T00:00:00Z'),
    );
    const blob = await exportArchive(db, { now: NOW });
    expect(blob.type).toBe('application/json');
    const text = await blob.text();
    const file: unknown = JSON.parse(text);
    expect(validateFile(file), JSON.stringify(validateFile.errors)).toBe(true);
    expect(file).toMatchObject({
      format: EXPORT_FORMAT,
      schemaVersion: EXPORT_SCHEMA_VERSION,
      exportedAt: NOW.toISOString(),
      generator: GENERATOR,
    });
    expect(GENERATOR).toMatch(/^VietLao Reader \d+\.\d+\.\d+/);
    const { articles }: ArchiveFile = JSON.parse(text);
    expect(articles.map((a) => a.title)).toEqual(['Hai', 'Một']);
    const one = articles[1]!;
    expect(one.text).toBe(first.text);
    expect(one.entities[0]!.country).toBe('LA');
    expect(one.entities[0]!.mentions[0]).toEqual({
      ...first.entities[0]!.mentions[0]!,
      entityId: undefined,
      listed: undefined,
    });
    for (const e of one.entities) for (const m of e.mentions) expect(one.text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('an empty archive exports a valid file with no articles', async () => {
    const db = await freshDb();
    const file: unknown = JSON.parse(await (await exportArchive(db, { now: NOW })).text());
    expect(validateFile(file)).toBe(true);
    expect(file).toMatchObject({ articles: [] });
  });

  it('reads in pages and reports progress', async () => {
    const db = await freshDb();
    const n = EXPORT_PAGE_SIZE * 2 + 5;
    for (let i = 0; i < n; i++) await saveArticle(db, makeArticle(), new Date(Date.UTC(2024, 0, 1, 0, 0, i)));
    let bulkGets = 0;
    const original = db.bodies.bulkGet.bind(db.bodies);
    db.bodies.bulkGet = (keys) => {
      bulkGets += 1;
      expect(keys.length).toBeLessThanOrEqual(EXPORT_PAGE_SIZE);
      return original(keys);
    };
    const progress: number[] = [];
    const blob = await exportArchive(db, { now: NOW, onProgress: (p) => progress.push(p.done) });
    expect(bulkGets).toBe(3);
    expect(progress).toEqual([0, 100, 200, 205]);
    const file: unknown = JSON.parse(await blob.text());
    expect(validateFile(file)).toBe(true);
    expect(file).toMatchObject({ articles: expect.any(Array) });
    expect(JSON.parse(await blob.text()).articles).toHaveLength(n);
  });
});

describe('exportWallabag', () => {
  it('writes a JSON array with Wallabag v2 field names', async () => {
    const db = await freshDb();
    const article = makeArticle({ title: 'Tin Lào' });
    await saveArticle(db, article, new Date('2024-06-01T00:00:00Z'));
    const entries: unknown = JSON.parse(await (await exportWallabag(db)).text());
    expect(entries).toEqual([
      {
        url: article.url,
        title: 'Tin Lào',
        content: article.contentHtml,
        is_archived: 0,
        is_starred: 0,
        tags: [],
        published_at: article.publishedAt,
        published_by: ['Phóng viên'],
        reading_time: article.readingMinutes,
        domain_name: article.site,
        preview_picture: null,
        language: 'vi',
        created_at: '2024-06-01T00:00:00.000Z',
        updated_at: '2024-06-01T00:00:00.000Z',
      },
    ]);
    expect(JSON.parse(await (await exportWallabag(await freshDb())).text())).toEqual([]);
  });
});

describe('exportFileName', () => {
  it('names the file after the local day', () => {
    expect(exportFileName(new Date(2024, 0, 5, 23, 59))).toBe('vietlao-archive-2024-01-05.json');
    expect(exportFileName(new Date(2025, 11, 31), 'wallabag')).toBe('vietlao-wallabag-2025-12-31.json');
  });
});

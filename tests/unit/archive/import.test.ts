import Ajv from 'ajv';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import schema from '@/lib/archive/archive.schema.json';
import { getArticle } from '@/lib/archive/articles';
import type { ArchiveDb } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import type { ArchiveFile, ExportedArticle } from '@/lib/archive/file-format';
import { importArchive } from '@/lib/archive/import';
import { ImportError, type ImportErrorCode } from '@/lib/archive/import-error';
import { listArticles } from '@/lib/archive/query';
import { saveArticle } from '@/lib/archive/save';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { dump, freshDb, makeArticle } from '../../support/archive-fixtures';

const isWindow = (w: unknown): w is Window => typeof w === 'object' && w !== null && 'DOMParser' in w;
const jsdomWindow: unknown = new JSDOM('').window;
if (!isWindow(jsdomWindow)) throw new Error('jsdom window expected');
const sanitizeOne = (html: string): string => sanitizeHtml(html, jsdomWindow);
const sanitize = async (htmls: readonly string[]) => htmls.map(sanitizeOne);
const validateFile = new Ajv({ allErrors: true, strict: true }).compile(schema);
const NOW = new Date('2024-07-01T12:00:00Z');

async function seeded(): Promise<ArchiveDb> {
  const db = await freshDb();
  const a = makeArticle({
    title: 'Quan hệ Việt – Lào',
    entities: [
      ['LA', 'Lào'],
      ['VN', 'Việt Nam'],
    ],
  });
  a.contentHtml = sanitizeOne(
    '<p>Đoàn <a href="https://antv.gov.vn/x">đại biểu</a> thăm Lào.</p><img src="https://antv.gov.vn/a.jpg" alt="ảnh">',
  );
  a.entities[0]!.country = 'LA';
  a.entities[0]!.mentions[0]!.title = 'Nước';
  await saveArticle(db, a, new Date('2024-06-01T00:00:00Z'));
  await saveArticle(
    db,
    makeArticle({ lead: null, publishedAt: null, site: 'cand.com.vn' }),
    new Date('2024-06-02T00:00:00Z'),
  );
  await saveArticle(db, makeArticle({ title: 'Ông lão', entities: [] }), new Date('2024-06-03T00:00:00Z'));
  return db;
}

async function exportText(db: ArchiveDb): Promise<string> {
  return (await exportArchive(db, { now: NOW })).text();
}

async function exportFile(db: ArchiveDb): Promise<ArchiveFile> {
  return JSON.parse(await exportText(db));
}

describe('importArchive: round trip', () => {
  it('export → empty archive → import → export gives the same file', async () => {
    const source = await seeded();
    const text = await exportText(source);
    const target = await freshDb();
    expect(await importArchive(target, new Blob([text]), sanitize)).toMatchObject({ added: 3, updated: 0, skipped: 0 });
    expect(await exportText(target)).toBe(text);
    expect(await dump(target)).toBe(await dump(source));
    expect((await listArticles(target, { search: 'lao' })).total).toBe(3);
    expect((await listArticles(target, { entityId: 'LA' })).total).toBe(2);
  });

  it('importing the same file again skips everything', async () => {
    const db = await seeded();
    const before = await dump(db);
    expect(await importArchive(db, await exportText(db), sanitize)).toMatchObject({ added: 0, updated: 0, skipped: 3 });
    expect(await dump(db)).toBe(before);
  });

  it('re-sanitises contentHtml and recomputes the search keys and hash', async () => {
    const file = await exportFile(await seeded());
    const a = file.articles[0]!;
    a.contentHtml =
      '<p>ok</p><script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a>';
    a.title = 'Tiêu đề đã sửa Viêng Chăn';
    a.contentHash = '0'.repeat(64);
    const db = await freshDb();
    await importArchive(db, JSON.stringify(file), sanitize);
    const stored = await getArticle(db, a.id);
    expect(stored?.contentHtml).not.toMatch(/script|onerror|javascript/);
    expect(stored?.contentHtml).toContain('<p>ok</p>');
    expect(stored?.contentHash).not.toBe('0'.repeat(64));
    expect((await listArticles(db, { search: 'vieng chan' })).items.map((x) => x.id)).toEqual([a.id]);
  });
});

describe('importArchive: merge by canonical URL', () => {
  it('newer updatedAt wins, equal or older is skipped, new URLs are added', async () => {
    const db = await seeded();
    const file = await exportFile(db);
    const [newest, middle, oldest] = file.articles as [ExportedArticle, ExportedArticle, ExportedArticle];
    const newer = {
      ...newest,
      title: 'Bản mới hơn',
      updatedAt: '2024-08-01T00:00:00.000Z',
      url: `${newest.url}?utm_source=x`,
      canonicalUrl: `${newest.canonicalUrl}?utm_source=x`,
      id: 'foreign-id',
    };
    const older = { ...middle, title: 'Bản cũ hơn', updatedAt: '2024-01-01T00:00:00.000Z' };
    const equal = { ...oldest, title: 'Cùng thời điểm' };
    const fresh = {
      ...oldest,
      id: 'new-one',
      url: 'https://baoquocte.vn/moi.html',
      canonicalUrl: 'https://baoquocte.vn/moi.html',
      title: 'Bài mới',
    };
    const result = await importArchive(
      db,
      JSON.stringify({ ...file, articles: [newer, older, equal, fresh] }),
      sanitize,
    );
    expect(result).toMatchObject({ added: 1, updated: 1, skipped: 2 });
    expect((await getArticle(db, newest.id))?.title).toBe('Bản mới hơn');
    expect((await getArticle(db, newest.id))?.updatedAt).toBe('2024-08-01T00:00:00.000Z');
    expect(await getArticle(db, 'foreign-id')).toBeNull();
    expect((await getArticle(db, middle.id))?.title).toBe(middle.title);
    expect((await getArticle(db, oldest.id))?.title).toBe(oldest.title);
    expect((await getArticle(db, 'new-one'))?.title).toBe('Bài mới');
    expect(await db.articles.count()).toBe(4);
  });

  it('an imported id already used by another URL gets a fresh id', async () => {
    const db = await seeded();
    const file = await exportFile(db);
    const clash = {
      ...file.articles[0]!,
      url: 'https://cand.com.vn/khac.html',
      canonicalUrl: 'https://cand.com.vn/khac.html',
    };
    expect(await importArchive(db, JSON.stringify({ ...file, articles: [clash] }), sanitize)).toMatchObject({
      added: 1,
      updated: 0,
      skipped: 0,
    });
    expect(await db.articles.count()).toBe(4);
    expect((await db.articles.where('canonicalUrl').equals('https://cand.com.vn/khac.html').first())?.id).not.toBe(
      clash.id,
    );
  });
});

type Mutate = (file: ArchiveFile, text: string) => string;
const withArticle =
  (change: (a: Record<string, unknown>) => void, index = 1): Mutate =>
  (file) => {
    const copy: ArchiveFile = structuredClone(file);
    const articles: Record<string, unknown>[] = copy.articles.map((a) => ({ ...a }));
    change(articles[index]!);
    return JSON.stringify({ ...copy, articles });
  };

const BAD: [
  name: string,
  mutate: Mutate,
  code: ImportErrorCode,
  where?: { articleIndex?: number; field?: string },
  schemaRejects?: boolean,
][] = [
  ['not JSON', () => 'Đây không phải JSON', 'not-json'],
  ['empty file', () => '   ', 'not-json'],
  ['truncated file', (_f, text) => text.slice(0, Math.floor(text.length / 2)), 'truncated'],
  ['truncated after an object', (_f, text) => text.slice(0, text.indexOf('},') + 1), 'truncated'],
  ['a Wallabag array', () => '[{"url":"https://antv.gov.vn/a","title":"x"}]', 'not-archive', {}, true],
  ['wrong format', (f) => JSON.stringify({ ...f, format: 'pocket-export' }), 'not-archive', {}, true],
  ['future schemaVersion', (f) => JSON.stringify({ ...f, schemaVersion: 99 }), 'future-version'],
  [
    '__proto__ key in an article',
    (_f, text) => text.replace('{"id":', '{"__proto__":{"polluted":true},"id":'),
    'forbidden-key',
    { articleIndex: 0, field: '__proto__' },
    true,
  ],
  [
    'constructor key at the top',
    (_f, text) => text.replace('{"format"', '{"constructor":{"prototype":{}},"format"'),
    'forbidden-key',
    { field: 'constructor' },
    true,
  ],
  [
    'a rule that is not one',
    withArticle((a) => {
      a.rule = { id: '<script>', fallback: 'maybe' };
    }),
    'invalid',
    { articleIndex: 1, field: 'rule' },
    true,
  ],
  [
    'invalid publishedAt',
    withArticle((a) => {
      a.publishedAt = 'hôm qua';
    }),
    'invalid',
    { articleIndex: 1, field: 'publishedAt' },
    true,
  ],
  [
    'impossible savedAt',
    withArticle((a) => {
      a.savedAt = '2024-13-45T10:00:00Z';
    }),
    'invalid',
    { articleIndex: 1, field: 'savedAt' },
  ],
  [
    'javascript: URL',
    withArticle((a) => {
      a.url = 'javascript:alert(1)';
    }),
    'invalid',
    { articleIndex: 1, field: 'url' },
    true,
  ],
  [
    'wordCount as a string',
    withArticle((a) => {
      a.wordCount = '12';
    }),
    'invalid',
    { articleIndex: 1, field: 'wordCount' },
    true,
  ],
  [
    'missing title',
    withArticle((a) => {
      delete a.title;
    }),
    'invalid',
    { articleIndex: 1, field: 'title' },
    true,
  ],
  [
    'unknown field',
    withArticle((a) => {
      a.script = '<script>';
    }),
    'invalid',
    { articleIndex: 1, field: 'script' },
    true,
  ],
  [
    'text longer than 5 MB',
    withArticle((a) => {
      a.text = 'a'.repeat(5_000_001);
    }),
    'too-large',
    { articleIndex: 1, field: 'text' },
    true,
  ],
  [
    'mention outside the text',
    withArticle((a) => {
      a.entities = [
        {
          id: 'LA',
          name: 'Lào',
          type: 'PLACE',
          listed: true,
          mentions: [{ start: 0, end: 1e6, surface: 'Lào', type: 'PLACE' }],
        },
      ];
    }, 0),
    'invalid',
    { articleIndex: 0, field: 'entities[0].mentions[0].end' },
  ],
  [
    'bad entity type',
    withArticle((a) => {
      a.entities = [{ id: 'LA', name: 'Lào', type: 'COUNTRY', listed: true, mentions: [] }];
    }, 0),
    'invalid',
    { articleIndex: 0, field: 'entities[0].type' },
    true,
  ],
  [
    'bad contentHash',
    withArticle((a) => {
      a.contentHash = 'abc';
    }, 2),
    'invalid',
    { articleIndex: 2, field: 'contentHash' },
    true,
  ],
  [
    'tags not an array',
    withArticle((a) => {
      a.tags = 'lao';
    }, 2),
    'invalid',
    { articleIndex: 2, field: 'tags' },
    true,
  ],
  [
    'more than 50,000 articles',
    (f) => JSON.stringify({ ...f, articles: Array.from({ length: 50_001 }, () => f.articles[0]) }),
    'too-many-articles',
    {},
    true,
  ],
];

describe('importArchive: bad files change nothing', () => {
  it.each(BAD)('%s', async (_name, mutate, code, where = {}, schemaRejects = false) => {
    const db = await seeded();
    const text = await exportText(db);
    const newFile = structuredClone(await exportFile(db));
    newFile.articles = newFile.articles.map((a) => ({
      ...a,
      canonicalUrl: `${a.canonicalUrl}-new`,
      url: `${a.url}-new`,
      updatedAt: '2030-01-01T00:00:00.000Z',
    }));
    const bad = mutate(newFile, JSON.stringify(newFile));
    const before = await dump(db);
    const error = await importArchive(db, bad, sanitize).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code, ...where });
    expect(error instanceof ImportError && error.message.length > 20 && error.messageVi.length > 10).toBe(true);
    expect(await dump(db)).toBe(before);
    expect(await exportText(db)).toBe(text);
    if (schemaRejects) expect(validateFile(JSON.parse(bad))).toBe(false);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('the messages name the article index and field', async () => {
    const db = await freshDb();
    const file = await exportFile(await seeded());
    const error = await importArchive(
      db,
      withArticle((a) => {
        a.publishedAt = 'hôm qua';
      })(file, ''),
      sanitize,
    ).catch((e: unknown) => e);
    expect(error instanceof ImportError && error.message).toMatch(
      /^Article at index 1: field "publishedAt" is not a valid ISO 8601 date-time/,
    );
    expect(error instanceof ImportError && error.messageVi).toMatch(
      /^Bài ở vị trí 1: trường "publishedAt" không hợp lệ/,
    );
  });

  it('a storage failure during the merge rolls back every article', async () => {
    const db = await seeded();
    const file = await exportFile(db);
    const target = await freshDb();
    await saveArticle(target, makeArticle(), NOW);
    const before = await dump(target);
    let puts = 0;
    target.bodies.hook('creating', () => {
      puts += 1;
      if (puts === 3) throw new DOMException('full', 'QuotaExceededError');
    });
    const error = await importArchive(target, JSON.stringify(file), sanitize).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'quota' });
    expect(await dump(target)).toBe(before);
  });
});

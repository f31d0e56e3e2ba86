/**
 * Hostile import files beyond tests/unit/archive/import.test.ts's 21: 50 MB strings in every kind
 * of field, 100,000 articles, deep nesting, huge entity lists. Each is refused with an ImportError
 * and leaves the archive byte-for-byte unchanged (every row of both tables, and the export).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ArchiveDb } from '@/lib/archive/db';
import { exportArchive } from '@/lib/archive/export';
import type { ArchiveFile } from '@/lib/archive/file-format';
import { importArchive } from '@/lib/archive/import';
import { ImportError } from '@/lib/archive/import-error';
import { saveArticle } from '@/lib/archive/save';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { dump, freshDb, makeArticle } from '../support/archive-fixtures';

const win = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((html) => sanitizeHtml(html, win));
const NOW = new Date('2024-07-01T12:00:00Z');
const MB50 = 50 * 1024 * 1024;

async function seeded(): Promise<ArchiveDb> {
  const db = await freshDb();
  await saveArticle(
    db,
    makeArticle({ title: 'Quan hệ Việt – Lào', entities: [['LA', 'Lào']] }),
    new Date('2024-06-01T00:00:00Z'),
  );
  await saveArticle(db, makeArticle({ site: 'cand.com.vn' }), new Date('2024-06-02T00:00:00Z'));
  return db;
}
const exportText = async (db: ArchiveDb) => (await exportArchive(db, { now: NOW })).text();

/** A valid file of new articles (different URLs, newer) that `mutate` then breaks. */
async function newFile(db: ArchiveDb): Promise<ArchiveFile> {
  const file = JSON.parse(await exportText(db)) as ArchiveFile;
  file.articles = file.articles.map((a) => ({
    ...a,
    url: `${a.url}-moi`,
    canonicalUrl: `${a.canonicalUrl}-moi`,
    updatedAt: '2030-01-01T00:00:00.000Z',
  }));
  return file;
}

const big = (ch = 'a') => ch.repeat(MB50);
const withFirst = (change: (a: Record<string, unknown>) => void) => (f: ArchiveFile) => {
  const articles = f.articles.map((a) => ({ ...a })) as unknown as Record<string, unknown>[];
  change(articles[0]!);
  return JSON.stringify({ ...f, articles });
};

const HOSTILE: [name: string, build: (f: ArchiveFile) => string][] = [
  [
    '50 MB title',
    withFirst((a) => {
      a.title = big();
    }),
  ],
  [
    '50 MB contentHtml full of script',
    withFirst((a) => {
      a.contentHtml = '<script>alert(1)</script>'.repeat(MB50 / 25);
    }),
  ],
  [
    '50 MB text',
    withFirst((a) => {
      a.text = big('ạ');
    }),
  ],
  [
    '50 MB url',
    withFirst((a) => {
      a.url = `https://antv.gov.vn/${big()}`;
    }),
  ],
  [
    '50 MB field name',
    withFirst((a) => {
      a[big('k')] = 1;
    }),
  ],
  ['50 MB string as the whole file', () => JSON.stringify(big())],
  ['50 MB of whitespace then a valid file', (f) => `${' '.repeat(MB50)}${JSON.stringify(f)}`.slice(0, MB50 + 100)],
  [
    '100,000 articles',
    (f) =>
      JSON.stringify({
        ...f,
        articles: Array.from({ length: 100_000 }, (_, i) => ({
          ...f.articles[0]!,
          url: `https://antv.gov.vn/tin-${i}.html`,
          canonicalUrl: `https://antv.gov.vn/tin-${i}.html`,
        })),
      }),
  ],
  [
    '100,000 nested arrays',
    () =>
      `{"format":"vietlao-reader-archive","schemaVersion":1,"articles":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  ],
  [
    'a valid article followed by 99,999 nulls',
    (f) => JSON.stringify({ ...f, articles: [f.articles[0], ...Array.from({ length: 99_999 }, () => null)] }),
  ],
];

describe('importArchive: huge and hostile files change nothing', () => {
  it.each(HOSTILE)(
    '%s',
    async (_name, build) => {
      const db = await seeded();
      const text = await exportText(db);
      const before = await dump(db);
      const bad = build(await newFile(db));
      const started = Date.now();
      const error = await importArchive(db, bad, sanitize).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error instanceof ImportError && error.message.length > 20 && error.messageVi.length > 10).toBe(true);
      expect(
        error instanceof ImportError ? error.message.length : 0,
        'the message does not echo the 50 MB',
      ).toBeLessThan(2000);
      expect(await dump(db)).toBe(before);
      expect(await exportText(db)).toBe(text);
      expect(Date.now() - started, 'refused in reasonable time').toBeLessThan(15_000);
    },
    60_000,
  );
});

/**
 * Every field of an imported file validated on the way in, and every export writing only
 * validated values (issue 17.5, 17.6) — as tables:
 *  - IMPORT_CASES `{title, file, expected}`: a file (built from a real export) with one hostile
 *    field is refused naming the article and field, in English and Vietnamese, and changes
 *    nothing; or it is accepted and what is stored is safe;
 *  - EXPORT_CASES `{title, stored, expected}`: an article stored with a hostile value (as an older
 *    version or a bug could have stored it, written straight into the database) is exported —
 *    JSON and Wallabag — with a validated value only, and the JSON file imports again.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { getArticle } from '@/lib/archive/articles';
import type { ArchiveDb } from '@/lib/archive/db';
import { exportArchive, exportWallabag } from '@/lib/archive/export';
import type { ArchiveFile, ExportedArticle, WallabagEntry } from '@/lib/archive/file-format';
import { importArchive } from '@/lib/archive/import';
import { ImportError } from '@/lib/archive/import-error';
import { buildRows } from '@/lib/archive/rows';
import { saveArticle } from '@/lib/archive/save';
import type { ArticleRecord, StoredArticle } from '@/lib/archive/types';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { MAX_ENTITIES, MAX_INLINE_HANDLERS, MAX_MENTIONS } from '@/lib/limits';
import { dump, freshDb, makeArticle } from '../support/archive-fixtures';
import { checkHtml } from './check-html';

const win = new JSDOM('').window as unknown as Window;
const sanitize = async (htmls: readonly string[]) => htmls.map((html) => sanitizeHtml(html, win));
const NOW = new Date('2024-07-01T12:00:00Z');
const NEW_URL = 'https://antv.gov.vn/tin-tuc/chinh-tri/bai-nhap-900600.html';

type Fields = Record<string, unknown>;

interface ImportCase {
  title: string;
  /** What the file's one (new, newer) article carries, over a real exported article. */
  file: (article: Fields) => Fields;
  expected:
    | { refused: { field: string; en: RegExp; vi: RegExp } }
    | { stored: (a: StoredArticle) => void; exported?: (a: ExportedArticle) => void };
}

const mentions = (n: number) => Array.from({ length: n }, () => ({ start: 0, end: 1, surface: 'H', type: 'PLACE' }));
const entities = (n: number, each = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    name: 'Lào',
    type: 'PLACE',
    listed: true,
    mentions: mentions(each),
  }));
const refused = (field: string, en: RegExp, vi: RegExp) => ({ refused: { field, en, vi } });
const NOT_WEB = [/is not a valid http\(s\) URL/, /không phải địa chỉ web http\(s\)/] as const;
const USERINFO = [/hides its real host: .* opens evil\.example/, /che giấu máy chủ thật: .* mở evil\.example/] as const;
const HTML = [/looks like HTML/, /trông như mã HTML/] as const;
const CONTROL = [/control or invisible direction characters/, /ký tự điều khiển/] as const;

const IMPORT_CASES: ImportCase[] = [
  {
    title: 'url javascript:',
    file: (a) => ({ ...a, url: 'javascript:alert(1)' }),
    expected: refused('url', ...NOT_WEB),
  },
  {
    title: 'url with a user name that names another outlet',
    file: (a) => ({ ...a, url: 'https://nhandan.vn@evil.example/tin-tuc/bai.html' }),
    expected: refused('url', ...USERINFO),
  },
  {
    title: 'url with user name and password',
    file: (a) => ({ ...a, url: 'https://nhandan.vn:baomat@evil.example/' }),
    expected: refused('url', ...USERINFO),
  },
  {
    title: 'url with an empty user name ("https://@evil.example")',
    file: (a) => ({ ...a, url: 'https://@evil.example/' }),
    expected: refused('url', ...USERINFO),
  },
  {
    title: 'url with a newline before the @ (the URL parser drops it)',
    file: (a) => ({ ...a, url: 'https://nhandan.vn\n@evil.example/' }),
    expected: refused('url', ...CONTROL),
  },
  {
    title: 'canonicalUrl with a user name',
    file: (a) => ({ ...a, canonicalUrl: 'https://nhandan.vn@evil.example/bai.html' }),
    expected: refused('canonicalUrl', ...USERINFO),
  },
  {
    title: 'canonicalUrl data:',
    file: (a) => ({ ...a, canonicalUrl: 'data:text/html,<script>alert(1)</script>' }),
    expected: refused('canonicalUrl', ...NOT_WEB),
  },
  {
    title: 'leadImage javascript:',
    file: (a) => ({ ...a, leadImage: 'javascript:alert(document.cookie)' }),
    expected: refused('leadImage', ...NOT_WEB),
  },
  {
    title: 'leadImage data: image',
    file: (a) => ({ ...a, leadImage: 'data:image/svg+xml,<svg onload=alert(1)>' }),
    expected: refused('leadImage', ...NOT_WEB),
  },
  {
    title: 'leadImage mailto:',
    file: (a) => ({ ...a, leadImage: 'mailto:a@b.vn' }),
    expected: refused('leadImage', ...NOT_WEB),
  },
  {
    title: 'leadImage with a user name',
    file: (a) => ({ ...a, leadImage: 'https://antv.gov.vn@evil.example/pixel.gif' }),
    expected: refused('leadImage', ...USERINFO),
  },
  {
    title: 'site holding an HTML element',
    file: (a) => ({ ...a, site: '<img src=x onerror=alert(1)>' }),
    expected: refused('site', ...HTML),
  },
  {
    title: 'site breaking out of an attribute',
    file: (a) => ({ ...a, site: 'antv.gov.vn" onmouseover="alert(1)' }),
    expected: refused('site', ...HTML),
  },
  {
    title: 'site with a NUL character',
    file: (a) => ({ ...a, site: 'antv.gov.vn\u0000evil' }),
    expected: refused('site', ...CONTROL),
  },
  {
    title: 'site with a right-to-left override',
    file: (a) => ({ ...a, site: '\u202Env.vog.vtna' }),
    expected: refused('site', ...CONTROL),
  },
  {
    title: 'site that is not a host name',
    file: (a) => ({ ...a, site: 'Báo An ninh Thủ đô' }),
    expected: refused('site', /is not a host name/, /không phải tên máy chủ/),
  },
  { title: 'lang holding a script tag', file: (a) => ({ ...a, lang: '<script>' }), expected: refused('lang', ...HTML) },
  {
    title: 'lang with a bell character',
    file: (a) => ({ ...a, lang: 'vi\u0007' }),
    expected: refused('lang', ...CONTROL),
  },
  {
    title: 'lang that is not a language tag',
    file: (a) => ({ ...a, lang: 'tiếng Việt' }),
    expected: refused('lang', /is not a language tag/, /không phải mã ngôn ngữ/),
  },
  {
    title: `more than MAX_ENTITIES (${MAX_ENTITIES}) entities`,
    file: (a) => ({ ...a, entities: entities(MAX_ENTITIES + 1) }),
    expected: refused('entities', /has more than 5000 items/, /có hơn 5\.000 mục/),
  },
  {
    title: `more than MAX_MENTIONS (${MAX_MENTIONS}) mentions in all`,
    file: (a) => ({ ...a, entities: entities(3, Math.ceil(MAX_MENTIONS / 3) + 1) }),
    expected: refused(
      'entities',
      /mentions in all; an article holds at most 20000/,
      /lần nhắc tên; mỗi bài tối đa 20\.000/,
    ),
  },
  {
    title: `more than MAX_INLINE_HANDLERS (${MAX_INLINE_HANDLERS}) inline event handlers, refused before parsing`,
    file: (a) => ({
      ...a,
      contentHtml: '<img src=x onerror=alert(1) ONLOAD = "x">'.repeat(MAX_INLINE_HANDLERS / 2 + 1),
    }),
    expected: refused('contentHtml', /inline event handlers .* over 10000/, /vượt quá 10\.000/),
  },
  {
    title: 'contentHtml with scripts, event handlers and javascript: URLs is stored sanitised',
    file: (a) => ({
      ...a,
      contentHtml:
        '<p onclick="alert(1)">Đoàn đại biểu</p><script>alert(2)</script><img src=x onerror=alert(3)><a href="javascript:alert(4)">Lào</a><a href="https://antv.gov.vn/x">ok</a>',
    }),
    expected: {
      stored: (a) => {
        expect(checkHtml(fragment(a.contentHtml))).toEqual([]);
        expect(a.contentHtml).not.toMatch(/script|onclick|onerror|javascript:/i);
        expect(a.contentHtml).toContain('<p>Đoàn đại biểu</p>');
        expect(a.contentHtml).toContain('href="https://antv.gov.vn/x"');
      },
    },
  },
  {
    title: 'a title with a right-to-left override imports; the export writes it without bidi controls',
    file: (a) => ({ ...a, title: 'Quan hệ \u202Eoàl – tệiV\u202C đặc biệt', siteName: '\u2067ANTV\u2069' }),
    expected: {
      stored: (a) => expect(a.title).toBe('Quan hệ \u202Eoàl – tệiV\u202C đặc biệt'),
      exported: (a) => {
        expect(a.title).toBe('Quan hệ oàl – tệiV đặc biệt');
        expect(a.siteName).toBe('ANTV');
      },
    },
  },
  {
    title: 'valid values that look unusual are kept: @ in the query, a region in lang, a port',
    file: (a) => ({
      ...a,
      url: `${NEW_URL}?ref=a@b.vn`,
      lang: 'vi-VN',
      leadImage: 'https://antv.gov.vn:8443/anh/dau.jpg',
    }),
    expected: {
      stored: (a) => {
        expect(a.url).toBe(`${NEW_URL}?ref=a@b.vn`);
        expect(a.lang).toBe('vi-VN');
        expect(a.leadImage).toBe('https://antv.gov.vn:8443/anh/dau.jpg');
      },
    },
  },
];

function fragment(html: string): DocumentFragment {
  const template = win.document.createElement('template');
  template.innerHTML = html; // test-only, inert parse of stored (sanitised) HTML
  return template.content;
}

async function seeded(): Promise<{ db: ArchiveDb; file: ArchiveFile }> {
  const db = await freshDb();
  await saveArticle(db, makeArticle({ title: 'Quan hệ Việt – Lào' }), new Date('2024-06-01T00:00:00Z'));
  const file = JSON.parse(await (await exportArchive(db, { now: NOW })).text()) as ArchiveFile;
  return { db, file };
}

describe('import: every field validated on the way in', () => {
  it.each(IMPORT_CASES)('$title', async ({ file, expected }) => {
    const { db, file: exported } = await seeded();
    const base = {
      ...exported.articles[0]!,
      url: NEW_URL,
      canonicalUrl: NEW_URL,
      updatedAt: '2030-01-01T00:00:00.000Z',
    };
    const text = JSON.stringify({ ...exported, articles: [file(base as unknown as Fields)] });
    const before = await dump(db);
    if ('refused' in expected) {
      const error = await importArchive(db, text, sanitize).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ code: 'invalid', articleIndex: 0, field: expected.refused.field });
      const { message, messageVi } = error as ImportError;
      expect(message).toMatch(new RegExp(`^Article at index 0: field "${expected.refused.field}" `));
      expect(message).toMatch(expected.refused.en);
      expect(message).toMatch(/Nothing was imported\.$/);
      expect(messageVi).toMatch(new RegExp(`^Bài ở vị trí 0: trường "${expected.refused.field}" `));
      expect(messageVi).toMatch(expected.refused.vi);
      expect(messageVi).toMatch(/Chưa nhập gì\.$/);
      expect(message.length).toBeLessThan(400);
      expect(await dump(db)).toBe(before);
      return;
    }
    expect(await importArchive(db, text, sanitize)).toMatchObject({ added: 1, updated: 0, skipped: 0 });
    const id = (await db.articles.where('canonicalUrl').equals(NEW_URL).first())!.id;
    expected.stored((await getArticle(db, id))!);
    const again = JSON.parse(await (await exportArchive(db, { now: NOW })).text()) as ArchiveFile;
    expected.exported?.(again.articles.find((a) => a.id === id)!);
  });
});

interface ExportCase {
  title: string;
  /** What the stored copy carries (written straight into the database, as an older version could have). */
  stored: Partial<ArticleRecord>;
  expected: { json: Partial<ExportedArticle>; wallabag: Partial<WallabagEntry> };
}

const CANONICAL = 'https://antv.gov.vn/tin-tuc/bai-cu-900700.html';
const EXPORT_CASES: ExportCase[] = [
  {
    title: 'a url with a user name is written as the canonical URL',
    stored: { url: 'https://antv.gov.vn@evil.example/bai.html' },
    expected: { json: { url: CANONICAL }, wallabag: { url: CANONICAL } },
  },
  {
    title: 'a javascript: url is written as the canonical URL',
    stored: { url: 'javascript:alert(1)' },
    expected: { json: { url: CANONICAL }, wallabag: { url: CANONICAL } },
  },
  {
    title: 'a javascript: leadImage is written as none',
    stored: { leadImage: 'javascript:alert(1)' },
    expected: { json: { leadImage: null }, wallabag: { preview_picture: null } },
  },
  {
    title: 'a leadImage with a user name is written as none',
    stored: { leadImage: 'https://antv.gov.vn@evil.example/p.gif' },
    expected: { json: { leadImage: null }, wallabag: { preview_picture: null } },
  },
  {
    title: "HTML in site is written as the canonical URL's host",
    stored: { site: '<img src=x onerror=alert(1)>' },
    expected: { json: { site: 'antv.gov.vn' }, wallabag: { domain_name: 'antv.gov.vn' } },
  },
  {
    title: 'HTML in lang is written as the default language',
    stored: { lang: '"><script>alert(1)</script>' },
    expected: { json: { lang: 'vi' }, wallabag: { language: 'vi' } },
  },
  {
    title: 'bidi controls in the title, site name, byline and tags are removed',
    stored: {
      title: 'Tin \u202Eoàl\u202C mới',
      siteName: '\u2066ANTV\u2069',
      byline: '\u202BPV\u202C',
      tags: ['\u202Elao'],
    },
    expected: {
      json: { title: 'Tin oàl mới', siteName: 'ANTV', byline: 'PV', tags: ['lao'] },
      wallabag: { title: 'Tin oàl mới', published_by: ['PV'], tags: ['lao'] },
    },
  },
];

async function storedRaw(change: Partial<ArticleRecord>): Promise<ArchiveDb> {
  const db = await freshDb();
  const a = makeArticle({ url: CANONICAL });
  const record: ArticleRecord = {
    ...a,
    id: 'a-bai-cu',
    canonicalUrl: CANONICAL,
    savedAt: '2024-06-01T00:00:00.000Z',
    updatedAt: '2024-06-01T00:00:00.000Z',
    contentHash: '0'.repeat(64),
    tags: [],
    ...change,
  };
  const { row, body } = buildRows(record);
  await db.articles.put(row);
  await db.bodies.put(body);
  return db;
}

describe('exports write only validated values', () => {
  it.each(EXPORT_CASES)('$title', async ({ stored, expected }) => {
    const db = await storedRaw(stored);
    const json = JSON.parse(await (await exportArchive(db, { now: NOW })).text()) as ArchiveFile;
    expect(json.articles[0]).toMatchObject(expected.json);
    const [wallabag] = JSON.parse(await (await exportWallabag(db, { now: NOW })).text()) as WallabagEntry[];
    expect(wallabag).toMatchObject(expected.wallabag);
    // the written file imports again, into an empty archive
    expect(await importArchive(await freshDb(), JSON.stringify(json), sanitize)).toMatchObject({ added: 1 });
  });

  it('entities and mentions over the import caps are trimmed on export, so the file imports again', async () => {
    const a = makeArticle({ url: CANONICAL, body: 'Hà Nội và Viêng Chăn.' });
    const many = Array.from({ length: MAX_ENTITIES + 10 }, (_, i) => ({
      id: `e${i}`,
      name: `Tên ${i}`,
      type: 'PLACE' as const,
      listed: false,
      mentions: Array.from({ length: 5 }, () => ({
        start: 0,
        end: 1,
        surface: a.text[0]!,
        entityId: `e${i}`,
        type: 'PLACE' as const,
        listed: false,
      })),
    }));
    const db = await storedRaw({ entities: many });
    const json = JSON.parse(await (await exportArchive(db, { now: NOW })).text()) as ArchiveFile;
    const written = json.articles[0]!.entities;
    expect(written.length).toBeLessThanOrEqual(MAX_ENTITIES);
    expect(written.reduce((n, e) => n + e.mentions.length, 0)).toBeLessThanOrEqual(MAX_MENTIONS);
    expect(await importArchive(await freshDb(), JSON.stringify(json), sanitize)).toMatchObject({ added: 1 });
  });

  it('an exported title freed of bidi controls carries the hash of what is written', async () => {
    const db = await storedRaw({ title: 'Tin \u202Emới' });
    const text = await (await exportArchive(db, { now: NOW })).text();
    const [article] = (JSON.parse(text) as ArchiveFile).articles;
    const target = await freshDb();
    await importArchive(target, text, sanitize); // the importer hashes what it reads
    expect((await getArticle(target, 'a-bai-cu'))!.title).toBe('Tin mới');
    expect(article!.contentHash).toBe((await getArticle(target, 'a-bai-cu'))!.contentHash);
    expect(article!.contentHash).not.toBe('0'.repeat(64));
  });
});

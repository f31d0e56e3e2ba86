/** The Markdown zip unpacked with fflate, each note's front matter read with js-yaml and compared with the JSON export. */
import { strFromU8, unzipSync } from 'fflate';
import { load as loadYaml } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDatabaseAs, formatById } from '@/lib/export-formats';
import { escapeMarkdown, tagSlug, yamlValue } from '@/lib/export-formats/markdown';
import { fileStem, uniqueNames } from '@/lib/export-formats/file-names';
import { knownArchive, type KnownArchive } from './known-archive';

let known: KnownArchive;
let files: Record<string, string>;

beforeAll(async () => {
  known = await knownArchive();
  const blob = await exportDatabaseAs(known.db, formatById('md')!);
  expect(blob.type).toBe('application/zip');
  const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  files = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
});

function split(note: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(note);
  expect(m, 'front matter between --- lines').not.toBeNull();
  return { meta: loadYaml(m![1]!) as Record<string, unknown>, body: m![2]! };
}

describe('Markdown zip', () => {
  it('holds one .md per article, with safe unique names at the root of the zip', () => {
    const names = Object.keys(files);
    expect(names).toHaveLength(known.file.articles.length);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/\.md$/);
      expect(name).not.toMatch(/[/\\:*?"<>|\n]/);
      expect(name.startsWith('.')).toBe(false);
    }
    expect(names).toContain('Thủ tướng Hợp tác Việt Nam – Lào, mãi mãi xanh tươi.md');
    expect(names).toContain('Thủ tướng Hợp tác Việt Nam – Lào, mãi mãi xanh tươi (2).md');
    expect(names).toContain('etc passwd.md');
  });

  it('front matter gives title, url, site, dates, author and the entities as tags', () => {
    const notes = Object.values(files).map(split);
    for (const a of known.file.articles) {
      const note = notes.find((n) => n.meta.url === a.url);
      expect(note, a.url).toBeDefined();
      const meta = note!.meta;
      expect(meta.title).toBe(a.title);
      expect(meta.site).toBe(a.siteName);
      expect(meta.domain).toBe(a.site);
      expect(meta.saved).toBe(a.savedAt);
      expect(meta.published).toBe(a.publishedAt ?? undefined);
      expect(meta.author).toBe(a.byline ?? undefined);
      expect(meta.id).toBe(a.id);
      expect(meta.tags).toEqual(a.entities.map((e) => `vietlao/${e.type.toLowerCase()}/${tagSlug(e.name)}`));
      expect((meta.entities as { id: string }[]).map((e) => e.id)).toEqual(a.entities.map((e) => e.id));
    }
    const first = notes.find((n) => n.meta.url === 'https://nhandan.vn/hop-tac-viet-lao.html')!;
    expect(first.meta.tags).toEqual([
      'vietlao/person/thongloun-sisoulith',
      'vietlao/place/thanh-hoa',
      'vietlao/org/bo-quoc-phong-lao',
    ]);
  });

  it('the body is the title, lead and text, with markup characters escaped', () => {
    const { body } = split(Object.values(files).find((f) => f.includes('hop-tac-viet-lao.html'))!);
    expect(body).toContain('# Thủ tướng: "Hợp tác Việt Nam – Lào, mãi mãi xanh tươi"');
    expect(body).toContain('**Đồng chí Thongloun Sisoulith thăm Thanh Hóa, Hủa Phăn.**');
    expect(body).toContain('Đoàn Bộ Quốc phòng Lào làm việc tại Thanh Hóa.  \nHai bên ký kết biên bản.');
    expect(body).toContain('Dòng có \\*dấu sao\\*, \\<b\\>thẻ\\</b\\> và # dấu thăng.');
    expect(body).not.toContain('<b>');
    expect(body).toContain('[NHANDAN.VN](<https://nhandan.vn/hop-tac-viet-lao.html>)');
  });

  it('a title with a line break stays one YAML string', () => {
    const note = Object.values(files).find((f) => f.includes('thoidai.com.vn/dong-moi.html'))!;
    expect(split(note).meta.title).toBe('Dòng thứ nhất\nDòng thứ hai, có dấu phẩy');
    expect(split(note).meta.published).toBeUndefined();
  });
});

describe('file names and escaping', () => {
  it('keep Vietnamese letters (NFC) and drop what could leave the folder', () => {
    expect(fileStem('Hợp tác'.normalize('NFD'), 'x')).toBe('Hợp tác');
    expect(fileStem('../../..', 'abc/def')).toBe('article-abc-def');
    expect(fileStem('CON', 'id1')).toBe('article-id1');
    expect(fileStem('a\u0000b\u202ec', 'id')).toBe('a b c');
    expect([...fileStem('Việt '.repeat(40), 'id')].length).toBeLessThanOrEqual(80);
    const name = uniqueNames('.md');
    expect([name('Tin', '1'), name('tin', '2'), name('Tin', '3')]).toEqual(['Tin.md', 'tin (2).md', 'Tin (3).md']);
  });

  it('YAML values survive control characters and Unicode line separators', () => {
    const title = 'Tin\u0085 nóng\u2028dòng\u2029hai\u007f\ufeff "trích" \\ # : - [x]';
    expect(loadYaml(`title: ${yamlValue(title)}`)).toEqual({ title });
    expect(yamlValue(title)).not.toMatch(/[\u0085\u2028\u2029\u007f\ufeff]/);
  });

  it('escape leading block markers but leave ordinary Vietnamese text readable', () => {
    expect(escapeMarkdown('# Tiêu đề')).toBe('\\# Tiêu đề');
    expect(escapeMarkdown('- mục')).toBe('\\- mục');
    expect(escapeMarkdown('1. Một')).toBe('\\1. Một');
    expect(escapeMarkdown('Hà Nội, ngày 3/5')).toBe('Hà Nội, ngày 3/5');
  });
});

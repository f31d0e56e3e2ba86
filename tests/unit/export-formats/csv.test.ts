/** The two CSV exports read back with papaparse and compared with the JSON export of the same archive. */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDatabaseAs, formatById } from '@/lib/export-formats';
import { ARTICLE_COLUMNS } from '@/lib/export-formats/articles-csv';
import { MENTION_COLUMNS } from '@/lib/export-formats/mentions-csv';
import { knownArchive, MANY, type KnownArchive } from './known-archive';

let known: KnownArchive;
beforeAll(async () => {
  known = await knownArchive();
});

async function exported(id: string, only?: Set<string>): Promise<{ bytes: Uint8Array; text: string }> {
  const blob = await exportDatabaseAs(known.db, formatById(id)!, { only: only ?? null });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

function parse(text: string): Papa.ParseResult<Record<string, string>> {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
}

describe('CSV of articles', () => {
  it('starts with a UTF-8 byte order mark, ends lines with CRLF and parses without errors', async () => {
    const { bytes, text } = await exported('csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parse(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.linebreak).toBe('\r\n');
    expect(parsed.meta.fields).toEqual([...ARTICLE_COLUMNS]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('holds every article with the values of the JSON export, Vietnamese, quotes and line breaks intact', async () => {
    const rows = parse((await exported('csv')).text).data;
    expect(rows).toHaveLength(known.file.articles.length);
    for (const row of rows) {
      const a = known.byUrl.get(row.url!)!;
      expect(row.id).toBe(a.id);
      expect(row.canonical_url).toBe(a.canonicalUrl);
      expect(row.site).toBe(a.site);
      expect(row.site_name).toBe(a.siteName);
      expect(row.title!.replace(/^'(?==)/, '')).toBe(a.title);
      expect(row.lead).toBe(a.lead ?? '');
      expect(row.byline).toBe(a.byline ?? '');
      expect(row.published_at).toBe(a.publishedAt ?? '');
      expect(row.saved_at).toBe(a.savedAt);
      expect(row.updated_at).toBe(a.updatedAt);
      expect(Number(row.word_count)).toBe(a.wordCount);
      expect(row.entity_ids).toBe(a.entities.map((e) => e.id).join(';'));
      expect(row.entity_names).toBe(a.entities.map((e) => e.name).join(';'));
      expect(row.text).toBe(a.text);
    }
    const quoted = rows.find((r) => r.url === 'https://nhandan.vn/hop-tac-viet-lao.html')!;
    expect(quoted.title).toBe('Thủ tướng: "Hợp tác Việt Nam – Lào, mãi mãi xanh tươi"');
    expect(rows.find((r) => r.url === 'https://thoidai.com.vn/dong-moi.html')!.title).toBe(
      'Dòng thứ nhất\nDòng thứ hai, có dấu phẩy',
    );
  });

  it('dates are ISO 8601; a missing date or byline is an empty cell', async () => {
    const rows = parse((await exported('csv')).text).data;
    for (const row of rows) {
      expect(row.saved_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      if (row.published_at) expect(Number.isNaN(Date.parse(row.published_at))).toBe(false);
    }
    const bare = rows.find((r) => r.url === 'https://thoidai.com.vn/dong-moi.html')!;
    expect([bare.published_at, bare.byline, bare.lead]).toEqual(['', '', '']);
  });

  it('a title a spreadsheet would run as a formula is kept as text', async () => {
    const rows = parse((await exported('csv')).text).data;
    expect(rows.find((r) => r.url === 'https://antv.gov.vn/cong-thuc.html')!.title).toBe(
      `'=HYPERLINK("https://example.com","bấm")`,
    );
  });

  it('exports only the filter’s articles when given them', async () => {
    const ids = new Set([known.byUrl.get('https://antv.gov.vn/leo-thu-muc.html')!.id]);
    const rows = parse((await exported('csv', ids)).text).data;
    expect(rows.map((r) => r.url)).toEqual(['https://antv.gov.vn/leo-thu-muc.html']);
  });

  it('an empty archive or filter still gets the header row', async () => {
    const parsed = parse((await exported('csv', new Set())).text);
    expect(parsed.meta.fields).toEqual([...ARTICLE_COLUMNS]);
    expect(parsed.data).toEqual([]);
  });
});

describe('CSV of mentions', () => {
  it('has one row per mention, each pointing at its surface in the article text', async () => {
    const { text, bytes } = await exported('mentions-csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parse(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...MENTION_COLUMNS]);
    const expected = known.file.articles.flatMap((a) =>
      a.entities.flatMap((e) => e.mentions.map((m) => `${a.id}|${e.id}|${m.start}|${m.end}|${m.surface}`)),
    );
    const rows = parsed.data;
    expect(rows.map((r) => `${r.article_id}|${r.entity_id}|${r.start}|${r.end}|${r.surface}`).sort()).toEqual(
      expected.sort(),
    );
    for (const r of rows) {
      const a = known.byUrl.get(r.url!)!;
      expect(a.id).toBe(r.article_id);
      expect(a.text.slice(Number(r.start), Number(r.end))).toBe(r.surface);
      const e = a.entities.find((x) => x.id === r.entity_id)!;
      expect([r.canonical_name, r.type, r.listed, r.published_at]).toEqual([
        e.name,
        e.type,
        String(e.listed),
        a.publishedAt ?? '',
      ]);
    }
  });

  it('keeps every one of many mentions of one entity', async () => {
    const rows = parse((await exported('mentions-csv')).text).data;
    const a = known.byUrl.get('https://antv.gov.vn/cong-thuc.html')!;
    const inFile = a.entities.find((e) => e.id === 'place.la')!.mentions.length;
    expect(inFile).toBeGreaterThan(MANY); // the body's MANY and the lead's one
    expect(rows.filter((r) => r.article_id === a.id && r.entity_id === 'place.la')).toHaveLength(inFile);
  });
});

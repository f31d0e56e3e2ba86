/** CSL-JSON validated with ajv against the official schema's subset (tests/fixtures/csl) and compared with the JSON export. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDatabaseAs, formatById } from '@/lib/export-formats';
import { parseByline } from '@/lib/export-formats/byline';
import type { CslItem } from '@/lib/export-formats/csl';
import { knownArchive, type KnownArchive } from './known-archive';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/csl/csl-data.schema.json'), 'utf8'),
) as object;

let known: KnownArchive;
let items: CslItem[];
beforeAll(async () => {
  known = await knownArchive();
  items = JSON.parse(await (await exportDatabaseAs(known.db, formatById('csl')!)).text()) as CslItem[];
});
const item = (url: string) => items.find((i) => i.URL === url)!;

describe('CSL-JSON', () => {
  it('validates against the CSL-JSON schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    // the schema does refuse what is not CSL
    expect(validate([{ id: 'x', type: 'article-newspaper', headline: 'không phải CSL' }])).toBe(false);
  });

  it('has one article-newspaper item per article with title, container, URL, language and abstract', () => {
    expect(items).toHaveLength(known.file.articles.length);
    for (const a of known.file.articles) {
      const i = item(a.url);
      expect(i.id).toBe(a.id);
      expect(i.type).toBe('article-newspaper');
      expect(i.title).toBe(a.title);
      expect(i['container-title']).toBe(a.siteName);
      expect(i.language).toBe('vi');
      expect(i.abstract).toBe(a.lead ?? undefined);
    }
  });

  it('issued is the publication day in Vietnam time, accessed the day it was saved', () => {
    expect(item('https://nhandan.vn/hop-tac-viet-lao.html').issued).toEqual({ 'date-parts': [[2024, 5, 3]] });
    // 2023-12-31T20:00Z is already 1 January 2024 in Hanoi
    expect(item('https://antv.gov.vn/cong-thuc.html').issued).toEqual({ 'date-parts': [[2024, 1, 1]] });
    expect(item('https://thoidai.com.vn/dong-moi.html').issued).toBeUndefined();
    for (const a of known.file.articles) {
      const saved = new Date(Date.parse(a.savedAt) + 7 * 3600_000);
      expect(item(a.url).accessed).toEqual({
        'date-parts': [[saved.getUTCFullYear(), saved.getUTCMonth() + 1, saved.getUTCDate()]],
      });
    }
  });

  it('authors: Vietnamese names split family first, agencies and missing bylines handled', () => {
    expect(item('https://nhandan.vn/hop-tac-viet-lao.html').author).toEqual([
      { family: 'Nguyễn', given: 'Văn An' },
      { family: 'Trần', given: 'Thị Bình' },
    ]);
    expect(item('https://cand.com.vn/hop-tac-viet-lao-2.html').author).toEqual([{ family: 'Hải', given: 'Yến' }]);
    expect(item('https://antv.gov.vn/cong-thuc.html').author).toEqual([{ literal: 'Theo TTXVN' }]);
    expect(item('https://antv.gov.vn/leo-thu-muc.html').author).toEqual([{ literal: 'PV' }]);
    expect(item('https://thoidai.com.vn/dong-moi.html').author).toBeUndefined();
  });
});

describe('bylines', () => {
  it('are read as people only when every part looks like a personal name', () => {
    expect(parseByline('Lê Hoàng và Phạm Thu Hà')).toEqual([
      { family: 'Lê', given: 'Hoàng' },
      { family: 'Phạm', given: 'Thu Hà' },
    ]);
    expect(parseByline('Hải Yến/Báo Nhân Dân')).toEqual([{ literal: 'Hải Yến/Báo Nhân Dân' }]);
    expect(parseByline('Nhóm PV Quốc tế')).toEqual([{ literal: 'Nhóm PV Quốc tế' }]);
    expect(parseByline('TTXVN')).toEqual([{ literal: 'TTXVN' }]);
    expect(parseByline('  ')).toEqual([]);
    expect(parseByline(null)).toEqual([]);
  });
});

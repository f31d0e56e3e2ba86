/**
 * RIS read back two ways: with Citation.js's RIS parser (a real, widely used one: every record
 * must come out as a newspaper article with its title, container, URL and access date) and with
 * a strict line parser here, because Citation.js keeps only the year of DA and reads NEWS authors
 * as `reporter` — the very losses that made the writer hand-written (lib/export-formats/ris.ts).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDatabaseAs, formatById } from '@/lib/export-formats';
import { knownArchive, type KnownArchive } from './known-archive';

type Record_ = [tag: string, value: string][];

/** Strict RIS: every line "XX  - value" ended by CRLF, records from TY to ER, blank lines between. */
function parseRis(text: string): Record_[] {
  expect(text.includes('\n') && !/[^\r]\n/.test(text), 'every line ends with CRLF').toBe(true);
  const records: Record_[] = [];
  let current: Record_ | null = null;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const m = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
    expect(m, `a RIS line: ${JSON.stringify(line)}`).not.toBeNull();
    const [, tag, value] = m!;
    if (tag === 'TY') {
      expect(current, 'TY inside a record').toBeNull();
      current = [];
    } else if (tag === 'ER') {
      expect(current, 'ER outside a record').not.toBeNull();
      records.push(current!);
      current = null;
      continue;
    }
    expect(current, `${tag} outside a record`).not.toBeNull();
    current!.push([tag!, value!]);
  }
  expect(current, 'the last record is closed').toBeNull();
  return records;
}

const values = (r: Record_, tag: string) => r.filter(([t]) => t === tag).map(([, v]) => v);
const value = (r: Record_, tag: string) => values(r, tag)[0];

let known: KnownArchive;
let text: string;
beforeAll(async () => {
  known = await knownArchive();
  text = await (await exportDatabaseAs(known.db, formatById('ris')!)).text();
});

describe('RIS', () => {
  it('one NEWS record per article, every field as in the archive', () => {
    const records = parseRis(text);
    expect(records).toHaveLength(known.file.articles.length);
    for (const r of records) {
      const a = known.byUrl.get(value(r, 'UR')!)!;
      expect(value(r, 'TY')).toBe('NEWS');
      expect(value(r, 'ID')).toBe(a.id);
      expect(value(r, 'TI')).toBe(a.title.replace(/\s*\n\s*/g, ' '));
      expect(value(r, 'T2')).toBe(a.siteName);
      expect(value(r, 'JF')).toBe(a.siteName);
      expect(value(r, 'LA')).toBe('vi');
      expect(value(r, 'AB')).toBe(a.lead ?? undefined);
      expect(values(r, 'KW')).toEqual(a.entities.map((e) => e.name));
      expect(value(r, 'Y2')).toMatch(/^\d{4}\/\d{2}\/\d{2}\/$/);
    }
    const first = records.find((r) => value(r, 'UR') === 'https://nhandan.vn/hop-tac-viet-lao.html')!;
    expect(values(first, 'AU')).toEqual(['Nguyễn, Văn An', 'Trần, Thị Bình']);
    expect([value(first, 'PY'), value(first, 'DA')]).toEqual(['2024', '2024/05/03/']);
    const bare = records.find((r) => value(r, 'UR') === 'https://thoidai.com.vn/dong-moi.html')!;
    expect([values(bare, 'AU'), value(bare, 'PY'), value(bare, 'DA'), value(bare, 'AB')]).toEqual([
      [],
      undefined,
      undefined,
      undefined,
    ]);
    const agency = records.find((r) => value(r, 'UR') === 'https://antv.gov.vn/cong-thuc.html')!;
    expect([values(agency, 'AU'), value(agency, 'DA')]).toEqual([['Theo TTXVN'], '2024/01/01/']);
  });

  it('Citation.js reads every record as a newspaper article', async () => {
    const items = (await Cite.async(text, { forceType: '@ris/file' })).data as Record<string, unknown>[];
    expect(items).toHaveLength(known.file.articles.length);
    for (const i of items) {
      const a = known.byUrl.get(i.URL as string)!;
      expect(i.type).toBe('article-newspaper');
      expect(i.title).toBe(a.title.replace(/\s*\n\s*/g, ' '));
      expect(i['container-title']).toBe(a.siteName);
      expect(i.language).toBe('vi');
      expect((i.accessed as { 'date-parts': number[][] })['date-parts'][0]).toHaveLength(3);
    }
  });
});

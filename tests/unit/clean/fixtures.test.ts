/**
 * Every fixture page in tests/fixtures/pages/<site>--<case>/ is cleaned by the real pipeline and
 * checked, separately, against the expected.json beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CleanResult } from '@/lib/article';
import { cleanHtml } from '@/lib/cli/clean-html';
import { comparable } from '@/lib/text/vietnamese';
import type { ExpectedPage } from '../../support/fixture-server';

const root = join(import.meta.dirname, '../../fixtures/pages');
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

it('every fixture page has its own address (the fixture server answers one page per address)', () => {
  const urls = folders.map(
    (f) => (JSON.parse(readFileSync(join(root, f, 'expected.json'), 'utf8')) as ExpectedPage).url,
  );
  const twice = urls.filter((u, i) => urls.indexOf(u) !== i);
  expect(twice).toEqual([]);
});

describe.each(folders)('fixture %s', (folder) => {
  const expected = JSON.parse(readFileSync(join(root, folder, 'expected.json'), 'utf8')) as ExpectedPage;
  const html = readFileSync(join(root, folder, 'source.html'), 'utf8');
  const dom = new JSDOM('<!doctype html><body></body>', { url: 'https://vietlao-reader.invalid/' });
  const result: CleanResult = cleanHtml(html, expected.url, dom.window as unknown as Window);
  const text = result.isArticle ? comparable(result.text) : '';
  const html2 = result.isArticle ? result.contentHtml : '';

  it('isArticle', () => {
    expect(result.isArticle, result.isArticle ? '' : result.reason).toBe(expected.isArticle);
  });
  if (!expected.isArticle || !result.isArticle) return;

  it('the rule that cleaned it', () => {
    if (expected.rule) expect(result.rule).toEqual(expected.rule);
    else expect(result.rule.fallback).toBeNull();
  });
  it('title', () => expect(comparable(result.title)).toBe(comparable(expected.title ?? '')));
  const field = (key: 'lead' | 'byline' | 'publishedAt', check: () => void) => {
    const gap = expected.gaps?.[key];
    if (!gap) it(key, check);
    else it(`${key}: known gap, still missing (${gap})`, () => expect(check).toThrow());
  };
  field('lead', () =>
    expect(result.lead === null ? null : comparable(result.lead)).toBe(
      expected.lead === null ? null : comparable(expected.lead),
    ),
  );
  field('publishedAt', () => expect(result.publishedAt).toBe(expected.publishedAt));
  field('byline', () => expect(result.byline).toBe(expected.byline));
  it('siteName', () => expect(result.siteName).toBe(expected.siteName));

  it('every article paragraph is present, in order', () => {
    let from = 0;
    for (const p of expected.paragraphs) {
      const at = text.indexOf(comparable(p), from);
      expect(at, `missing or out of order: «${p.slice(0, 80)}…»`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  const survivors = expected.absent.filter(
    (a) => text.includes(comparable(a)) && !expected.paragraphs.some((p) => comparable(p).includes(comparable(a))),
  );
  if (expected.gaps?.absent)
    it(`boilerplate: known gap, some still survives (${expected.gaps.absent})`, () =>
      expect(survivors.length).toBeGreaterThan(0));
  else it('no boilerplate heading or teaser survives', () => expect(survivors).toEqual([]));

  it("the article's own figures are kept", () => {
    for (const f of expected.figures) {
      expect(html2, f.src).toContain(f.src.replace(/&/g, '&amp;'));
      if (f.caption) expect(text).toContain(comparable(f.caption));
    }
  });

  it('each caption appears once', () => {
    for (const f of expected.figures) {
      if (!f.caption) continue;
      const c = comparable(f.caption);
      const count = text.split(c).length - 1;
      const inParagraphs = expected.paragraphs.filter((p) => comparable(p) === c).length;
      expect(count, f.caption).toBeLessThanOrEqual(Math.max(1, inParagraphs));
    }
  });

  it('no script, style or event handler is left', () => {
    expect(html2).not.toMatch(/<script|<style|\son\w+=|javascript:/i);
  });
});

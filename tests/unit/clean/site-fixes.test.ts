/** A block picked on one article of a template is removed on the next article of that template, and nothing else. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CleanResult } from '@/lib/article';
import { findContainer } from '@/lib/clean/first-look';
import { cleanDocument } from '@/lib/clean/pipeline';
import {
  fixFor,
  isSiteFixes,
  mergeFixes,
  originalOf,
  selectorFor,
  withRemoved,
  withoutRemoved,
} from '@/lib/clean/site-fixes';
import { antv } from '@/lib/clean/sites/antv';

const root = join(import.meta.dirname, '../../fixtures/pages');

function load(folder: string): { dom: JSDOM; url: string } {
  const { url } = JSON.parse(readFileSync(join(root, folder, 'expected.json'), 'utf8')) as { url: string };
  return { dom: new JSDOM(readFileSync(join(root, folder, 'source.html'), 'utf8'), { url }), url };
}

function clean(folder: string, remove: string[] = []): CleanResult & { isArticle: true } {
  const { dom, url } = load(folder);
  const result = cleanDocument(dom.window.document, url, {
    window: dom.window as unknown as Window,
    siteFix: { remove },
  });
  if (!result.isArticle) throw new Error(`${folder}: ${result.reason}`);
  return result;
}

const FIRST = 'antv--cong-an-lao-hoc-vien';
const SECOND = 'antv--hop-tac-cong-an';

/** The block of the clean view the user picks, and the selector learned from the original page. */
function learn(pick: (view: DocumentFragment) => Element): { selector: string | null; picked: string } {
  const cleaned = clean(FIRST);
  const { dom } = load(FIRST);
  const view = JSDOM.fragment(cleaned.contentHtml);
  const block = pick(view);
  const container = findContainer(dom.window.document, antv)!;
  const original = originalOf(block, container);
  expect(original).not.toBeNull();
  return { selector: selectorFor(original!, container), picked: block.textContent ?? '' };
}

const paragraphs = (html: string): string[] =>
  Array.from(JSDOM.fragment(html).querySelectorAll('p, figcaption, h2, h3, li')).map((el) =>
    (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

describe('site fixes: a picked block, remembered as a template selector', () => {
  it('the lead photo picked on one antv article is gone from another antv article, and nothing else is', () => {
    const { selector } = learn((view) => view.querySelector('figure')!);
    expect(selector).toBe('div.detail-content > figure.image:first-child');

    const before = clean(SECOND);
    const after = clean(SECOND, [selector!]);
    const beforeBlocks = paragraphs(before.contentHtml);
    const afterBlocks = paragraphs(after.contentHtml);
    const lead =
      'Thứ trưởng Lê Quốc Hùng tiếp Đoàn đại biểu cựu học viên Công an Lào do Trung tướng Bun-mi Sẻng-khăm-giong dẫn đầu';
    expect(beforeBlocks).toContain(lead);
    expect(afterBlocks).not.toContain(lead);
    expect(afterBlocks).toEqual(beforeBlocks.filter((b) => b !== lead));
    // the article's other photos stay
    expect(JSDOM.fragment(after.contentHtml).querySelectorAll('figure').length).toBe(
      JSDOM.fragment(before.contentHtml).querySelectorAll('figure').length - 1,
    );
  });

  it('the same selector on the article it was learned on removes the picked photo only', () => {
    const { selector, picked } = learn((view) => view.querySelector('figure')!);
    const before = clean(FIRST);
    const after = clean(FIRST, [selector!]);
    const caption = picked.replace(/\s+/g, ' ').trim();
    expect(paragraphs(after.contentHtml)).toEqual(paragraphs(before.contentHtml).filter((b) => b !== caption));
  });

  it('a plain paragraph in the middle of the text is not remembered: only an index would single it out', () => {
    const { selector } = learn((view) => view.querySelectorAll('p')[2]!);
    expect(selector).toBeNull();
  });

  it('add, undo, per-host lookup and import validation', () => {
    const fix = withRemoved(undefined, 'div.a > p.b');
    expect(withRemoved(fix, 'div.a > p.b').remove).toEqual(['div.a > p.b']);
    expect(withoutRemoved(fix, 'div.a > p.b').remove).toEqual([]);
    expect(fixFor({ 'antv.gov.vn': fix }, 'www.antv.gov.vn')).toBe(fix);
    expect(fixFor({ 'antv.gov.vn': fix }, 'm.antv.gov.vn')).toBe(fix);
    expect(fixFor({ 'antv.gov.vn': fix }, 'gov.vn')).toBeUndefined();
    expect(isSiteFixes({ 'antv.gov.vn': fix })).toBe(true);
    expect(isSiteFixes({ 'antv.gov.vn': { remove: [1] } })).toBe(false);
    expect(isSiteFixes([])).toBe(false);
  });

  it("an import merges with the fixes made here: both sides' removals kept, the file's container where it has one", () => {
    const local = {
      'antv.gov.vn': { remove: ['div.detail-content > figure.image:first-child'] },
      'nhandan.vn': { remove: ['div.box-related'], container: 'article.detail' },
    };
    const imported = {
      'antv.gov.vn': { remove: ['div.detail-content > figure.image:first-child', 'div.tin-lien-quan'] },
      'nhandan.vn': { remove: [] },
      'qdnd.vn': { remove: ['div.ads'], container: 'div.post-content' },
    };
    expect(mergeFixes(local, imported)).toEqual({
      'antv.gov.vn': { remove: ['div.detail-content > figure.image:first-child', 'div.tin-lien-quan'] },
      'nhandan.vn': { remove: ['div.box-related'], container: 'article.detail' },
      'qdnd.vn': { remove: ['div.ads'], container: 'div.post-content' },
    });
  });

  it('an invalid remembered selector is ignored, not a crash', () => {
    expect(clean(SECOND, ['div[[[']).isArticle).toBe(true);
  });
});

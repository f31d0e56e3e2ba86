/** The page budget: a real article page is cleaned; the same page past either budget is left alone, quickly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { OVER_BUDGET } from '@/lib/article';
import { measurePage, withinBudget } from '@/lib/clean/budget';
import { cleanDocument } from '@/lib/clean/pipeline';
import { MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_CHARS } from '@/lib/limits';

const folder = join(import.meta.dirname, '../../fixtures/pages/antv--hop-tac-cong-an');
const { url } = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { url: string };
const source = readFileSync(join(folder, 'source.html'), 'utf8');

function page(extra?: (doc: Document) => void): JSDOM {
  const dom = new JSDOM(source, { url });
  extra?.(dom.window.document);
  return dom;
}
const clean = (dom: JSDOM) => cleanDocument(dom.window.document, url, { window: dom.window as unknown as Window });

describe('the page budget', () => {
  it('a real article page is well within it, and is cleaned', () => {
    const dom = page();
    const size = measurePage(dom.window.document);
    expect(size.elements).toBeLessThan(MAX_PAGE_ELEMENTS / 10);
    expect(size.textChars).toBeLessThan(MAX_PAGE_TEXT_CHARS / 10);
    expect(clean(dom).isArticle).toBe(true);
  });

  it('the same page with a text node over the text budget, hidden by its own CSS, is left alone', () => {
    const dom = page((doc) => {
      const hidden = doc.createElement('div');
      hidden.style.display = 'none';
      hidden.textContent = 'Lào Việt Nam '.repeat(Math.ceil((MAX_PAGE_TEXT_CHARS + 10) / 13));
      doc.querySelector('.detail-content, article, main, body')!.append(hidden);
    });
    expect(clean(dom)).toMatchObject({ isArticle: false, reason: OVER_BUDGET });
  });

  it('the same page with more elements than the budget is left alone', () => {
    const dom = page((doc) => {
      const filler = doc.createElement('div');
      for (let i = 0; i < MAX_PAGE_ELEMENTS; i++) filler.append(doc.createElement('span'));
      doc.body.append(filler);
    });
    expect(withinBudget(measurePage(dom.window.document))).toBe(false);
    expect(clean(dom)).toMatchObject({ isArticle: false, reason: OVER_BUDGET });
  });

  it('stops counting text once the budget is passed', () => {
    const dom = page((doc) => {
      for (let i = 0; i < 5; i++) doc.body.append(doc.createTextNode('x'.repeat(MAX_PAGE_TEXT_CHARS)));
    });
    expect(measurePage(dom.window.document).textChars).toBeLessThan(2 * MAX_PAGE_TEXT_CHARS + 1);
  });
});

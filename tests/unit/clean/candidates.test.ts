/**
 * *Not the whole article?* (lib/clean/candidates.ts): on an antv article whose body the CMS split
 * out of the rule's container, the next candidate is the generic path with every paragraph; the
 * one after it is the usual choice again (the switch back); the choice remembered for the site
 * opens the next split article whole; the whole container keeps what Readability drops; a page
 * whose candidates all read the same has no other.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '@/lib/article';
import { candidateOrder, nextCandidate } from '@/lib/clean/candidates';
import { cleanDocument, type PipelineOptions } from '@/lib/clean/pipeline';
import { loadFixtures } from '../../support/fixture-server';
import { splitArticle } from '../../support/split-article';

const fixtures = loadFixtures();
const fixture = (folder: string) => fixtures.find((f) => f.folder === folder)!;
const FIRST = fixture('antv--cong-an-lao-hoc-vien');
const SECOND = fixture('antv--hop-tac-cong-an');

function page(p: { url: string; html: string }) {
  const dom = new JSDOM(p.html, { url: p.url });
  return { doc: dom.window.document, url: p.url, window: dom.window as unknown as Window };
}

function clean(p: { url: string; html: string }, options: PipelineOptions = {}): CleanArticle {
  const { doc, url, window } = page(p);
  const result = cleanDocument(doc, url, { window, ...options });
  if (!result.isArticle) throw new Error(`${url}: ${result.reason}`);
  return result;
}

describe('Not the whole article?: the page’s next candidate', () => {
  it('a body split out of the container: the usual choice shows half, the next candidate (generic) all of it', () => {
    const split = splitArticle(FIRST);
    const whole = clean(FIRST); // the same article before the split
    const { doc, url, window } = page(split);
    const usual = clean(split);
    expect(usual.rule).toEqual({ id: 'antv', fallback: null });
    expect(usual.text).not.toContain(split.firstMoved);

    const next = nextCandidate(doc, url, 'usual', usual, { window })!;
    expect(next.shown).toBe('generic');
    expect(next.article.rule).toEqual({ id: 'generic', fallback: 'generic' });
    expect(next.article.text).toContain(split.firstMoved);
    expect(next.article.text).toBe(whole.text); // every paragraph, nothing more
    expect(next.article.title).toBe(usual.title);

    const back = nextCandidate(doc, url, next.shown, next.article, { window })!;
    expect(back.shown).toBe('usual');
    expect(back.article.text).toBe(usual.text);
  });

  it('the choice remembered for the site opens the next split article of the site whole', () => {
    const split = splitArticle(SECOND);
    const remembered = clean(split, { siteFix: { remove: [], prefer: 'generic' } });
    expect(remembered.text).toContain(split.firstMoved);
    expect(remembered.text).toBe(clean(SECOND).text);
    // and the user's removed blocks still apply with it
    const lead = 'div.detail-content > figure.image:first-child';
    const both = clean(split, { siteFix: { remove: [lead], prefer: 'generic' } });
    expect(both.text).toContain(split.firstMoved);
    expect(JSDOM.fragment(both.contentHtml).querySelectorAll('figure').length).toBe(
      JSDOM.fragment(remembered.contentHtml).querySelectorAll('figure').length - 1,
    );
  });

  it('the whole container keeps a block of the container Readability drops', () => {
    const fact =
      'Từ năm 2011 đến nay, Học viện Chính trị Công an nhân dân đã đào tạo hơn 1.200 lượt cán bộ Công an Lào ở các bậc học khác nhau.';
    const html = FIRST.html.replace(
      '<div class="detail-content">',
      `<div class="detail-content"><div class="extra-info"><p>${fact}</p></div>`,
    );
    const withBox = { url: FIRST.url, html };
    const usual = clean(withBox);
    expect(usual.text).not.toContain(fact);
    const { doc, url, window } = page(withBox);
    const next = nextCandidate(doc, url, 'usual', usual, { window })!;
    expect(next.shown).toBe('container');
    expect(next.article.text).toContain(fact);
    expect(next.article.rule).toEqual({ id: 'antv', fallback: null });
    // every paragraph the usual choice showed is still there
    for (const block of usual.text.split('\n\n')) expect(next.article.text).toContain(block);
  });

  it('a page whose candidates all read the same has no other: the usual choice stays', () => {
    const { doc, url, window } = page(SECOND);
    const usual = clean(SECOND);
    const next = nextCandidate(doc, url, 'usual', usual, { window })!;
    expect(next.shown).toBe('usual');
    expect(next.article.text).toBe(usual.text);
  });

  it('the order follows the usual choice: after the host rule all three, after a family two, after generic one', () => {
    expect(candidateOrder(page(FIRST).doc, FIRST.url)).toEqual(['family', 'generic', 'container']);
    const family = fixture('antv--mau-post-template');
    expect(clean(family).rule).toEqual({ id: 'post-template', fallback: 'family' });
    expect(candidateOrder(page(family).doc, family.url)).toEqual(['generic', 'container']);
    const generic = fixture('generic--tin-lao-example');
    expect(candidateOrder(page(generic).doc, generic.url)).toEqual(['container']);
  });

  it('a family wanted where none matches the page falls back to the host rule, not to nothing', () => {
    const result = clean(FIRST, { candidate: 'family' });
    expect(result.rule).toEqual({ id: 'antv', fallback: null });
    expect(result.text).toBe(clean(FIRST).text);
  });
});

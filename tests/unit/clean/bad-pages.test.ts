/**
 * Bad pages (issue 12.7), as a table of `{title, page, expected}` over a real template
 * (antv--hop-tac-cong-an): `<base href>` tricks, the article in frames or inside a shadow root.
 * Each page is either cleaned with its identity from the tab's address, or refused with a reason;
 * never an exception, and the live page is left exactly as it was. (The size budgets — a 10 MB page,
 * 200,000 nodes — are in budget.test.ts, and their time in `npm run bench` case 1.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { CleanResult } from '@/lib/article';
import { cleanDocument } from '@/lib/clean/pipeline';

const folder = join(import.meta.dirname, '../../fixtures/pages/antv--hop-tac-cong-an');
const { url } = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { url: string };
const source = readFileSync(join(folder, 'source.html'), 'utf8');
const host = new URL(url).host;

interface BadPage {
  title: string;
  /** What the page does to the real template before the pipeline runs. */
  page: (doc: Document) => void;
  expected: { article: true; check?: (r: Extract<CleanResult, { isArticle: true }>) => void } | { article: false };
}

const article = (doc: Document): Element => doc.querySelector('.detail-content, article, .content-detail')!;

const BAD_PAGES: BadPage[] = [
  {
    title: '<base href> on another host, canonical written relative: identity still from the tab',
    page: (doc) => {
      const base = doc.createElement('base');
      base.href = 'https://evil.example/';
      doc.head.prepend(base);
      doc.querySelector('link[rel="canonical"]')!.setAttribute('href', '/tin-tuc/chinh-tri/bai-khac-1.html');
    },
    expected: {
      article: true,
      check: (r) => {
        expect(r.url).toBe(url);
        expect(new URL(r.canonicalUrl).host).toBe(host);
      },
    },
  },
  {
    title: '<base href="javascript:…">: no link or image of the result runs script',
    page: (doc) => {
      const base = doc.createElement('base');
      base.setAttribute('href', 'javascript:alert(1)//');
      doc.head.prepend(base);
      const p = doc.createElement('p');
      const a = doc.createElement('a');
      a.setAttribute('href', 'tin-khac.html');
      a.textContent = 'Tin liên quan tương đối';
      p.append('Xem thêm: ', a);
      article(doc).append(p);
    },
    expected: {
      article: true,
      check: (r) => {
        expect(r.contentHtml).not.toMatch(/javascript:/i);
        expect(r.url).toBe(url);
      },
    },
  },
  {
    title: 'the article in an iframe (srcdoc), the page itself empty: refused, frames are not read',
    page: (doc) => {
      const frame = doc.createElement('iframe');
      frame.setAttribute('srcdoc', doc.body.innerHTML);
      doc.body.replaceChildren(frame);
    },
    expected: { article: false },
  },
  {
    title: 'a frameset page: refused',
    page: (doc) => {
      const frameset = doc.createElement('frameset');
      frameset.innerHTML = '<frame src="/tin-tuc/chinh-tri/khung-1.html"><frame src="/tin-tuc/chinh-tri/khung-2.html">';
      doc.body.replaceWith(frameset);
    },
    expected: { article: false },
  },
  {
    title: "the article moved into an open shadow root: refused (the page's light DOM has no article)",
    page: (doc) => {
      const holder = doc.createElement('div');
      const shadow = holder.attachShadow({ mode: 'open' });
      for (const n of Array.from(doc.body.childNodes)) shadow.append(n);
      doc.body.append(holder);
    },
    expected: { article: false },
  },
  {
    title: 'a shadow root beside the article with its own "Tin mới nhất": cleaned, none of the shadow text',
    page: (doc) => {
      const holder = doc.createElement('div');
      const shadow = holder.attachShadow({ mode: 'open' });
      const list = doc.createElement('ul');
      list.innerHTML = '<li>Tin mới nhất: bóng tối chen vào bài</li>';
      shadow.append(list);
      article(doc).append(holder);
    },
    expected: { article: true, check: (r) => expect(r.text).not.toContain('bóng tối chen vào bài') },
  },
];

describe('bad pages: cleaned with the tab as identity, or refused with a reason; the live page untouched', () => {
  it.each(BAD_PAGES)('$title', ({ page, expected }) => {
    const dom = new JSDOM(source, { url });
    const doc = dom.window.document;
    page(doc);
    const before = doc.documentElement.outerHTML;
    const result = cleanDocument(doc, url, { window: dom.window as unknown as Window });
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(result.url).toBe(url);
    if (expected.article) {
      expect(result.isArticle).toBe(true);
      if (result.isArticle) {
        expect(result.wordCount).toBeGreaterThan(100);
        expected.check?.(result);
      }
    } else {
      expect(result.isArticle).toBe(false);
      if (!result.isArticle) expect(result.reason).toMatch(/\w{4,}/);
    }
  });
});

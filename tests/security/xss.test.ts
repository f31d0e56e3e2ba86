/**
 * The XSS table (tests/security/xss-payloads.ts) through the cleaning pipeline in jsdom: every
 * payload alone in a realistic antv article, and every batch page the e2e tests serve. Nothing
 * executable survives in contentHtml; the payload's harmless text does (where promised); the
 * reader's second sanitisation (renderArticle) is a fixed point; the live document is untouched.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '@/lib/clean/pipeline';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { renderArticle } from '@/lib/ui/article-view';
import { checkHtml, DANGEROUS_TAGS } from './check-html';
import { payloadPages, singlePayloadPage } from './payload-pages';
import { keptTexts, payloadId, XSS_PAYLOADS } from './xss-payloads';

/** jsdom with scripts off (the default) and a console that records what would have run. */
function load(html: string, url: string) {
  const logs: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('log', (m: unknown) => logs.push(String(m)));
  virtualConsole.on('jsdomError', () => undefined);
  const dom = new JSDOM(html, { url, virtualConsole });
  return { dom, win: dom.window as unknown as Window, logs };
}

/** A clean window for the checks (the hostile page's own document may be clobbered). */
const checkWin = new JSDOM('').window as unknown as Window;

function fragmentOf(html: string, win: Window = checkWin): DocumentFragment {
  const template = win.document.createElement('template');
  template.innerHTML = html; // test-only parse of already-sanitised output, inert (template)
  return template.content;
}

const norm = (s: string) => s.replace(/\s+/g, ' ');

describe('XSS table', () => {
  it('has at least 60 payloads, each with an expectation', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
    for (const p of XSS_PAYLOADS) expect(p.expected.length, p.title).toBeGreaterThan(0);
    expect(new Set(XSS_PAYLOADS.map((p) => p.title)).size).toBe(XSS_PAYLOADS.length);
  });
});

describe('cleanDocument on each payload alone in an antv article', () => {
  it.each(XSS_PAYLOADS.map((p, i) => [`${payloadId(i)} ${p.title}`, i] as const))('%s', (_name, i) => {
    const p = XSS_PAYLOADS[i]!;
    const page = singlePayloadPage(p, i);
    const { dom, win, logs } = load(page.html, page.url);
    const before = dom.window.document.documentElement.outerHTML;
    const result = cleanDocument(dom.window.document, page.url, { window: win });
    expect(dom.window.document.documentElement.outerHTML, 'live DOM untouched').toBe(before);
    expect(result.isArticle, 'still an article').toBe(true);
    if (!result.isArticle) return;
    expect(result.contentHtml).not.toMatch(DANGEROUS_TAGS);
    expect(checkHtml(fragmentOf(result.contentHtml))).toEqual([]);
    // the article itself is intact around the payload
    expect(norm(result.text)).toContain(norm(page.base.expected.paragraphs[0]!).slice(0, 60));
    for (const text of keptTexts(p)) expect(result.text, `text kept: ${text}`).toContain(text);
    // the reader sanitises again: the stored HTML is a fixed point, and the rendered DOM is clean
    expect(sanitizeHtml(result.contentHtml, checkWin)).toBe(result.contentHtml);
    const rendered = renderArticle(checkWin.document, result, {
      lang: 'vi',
      minutes: (n) => `${n} phút đọc`,
      original: 'Mở trang gốc',
      cleanedBy: (r) => `Quy tắc ${r.id}`,
    });
    expect(checkHtml(rendered.querySelector('.vl-body')!)).toEqual([]);
    expect((dom.window as unknown as { __xss?: unknown }).__xss).not.toBe(1); // (x58's <a id="__xss"> is the page's own named property)
    expect(logs.filter((l) => l.includes('__xss'))).toEqual([]);
  });
});

describe('cleanDocument on the e2e batch pages (10 payloads each)', () => {
  const pages = payloadPages({ csp: true });
  it.each(pages.map((p) => [p.url, p] as const))('%s', (_url, page) => {
    const { dom, win } = load(page.html, page.url);
    const result = cleanDocument(dom.window.document, page.url, { window: win });
    expect(result.isArticle).toBe(true);
    if (!result.isArticle) return;
    expect(result.title).toBe(page.title);
    expect(result.canonicalUrl).toBe(page.url);
    expect(result.contentHtml).not.toMatch(DANGEROUS_TAGS);
    expect(checkHtml(fragmentOf(result.contentHtml))).toEqual([]);
    for (const i of page.payloads)
      for (const text of keptTexts(XSS_PAYLOADS[i]!))
        expect(result.text, `${payloadId(i)} keeps ${text}`).toContain(text);
  });
});

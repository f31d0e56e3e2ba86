/**
 * The rule choice (lib/clean/sites/choice.ts): the host's rule, else a CMS family by its markers,
 * else the generic path — and "no article" only for what makes a page not an article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { articleCandidate } from '@/lib/clean/first-look';
import { cleanDocument, MOSTLY_LINKS, NO_HEADLINE, TOO_LITTLE_TEXT } from '@/lib/clean/pipeline';
import { pickRule } from '@/lib/clean/sites';
import { FAMILY_RULES } from '@/lib/clean/sites/choice';
import { SUPPORTED_HOSTS } from '@/lib/clean/sites/hosts';

const root = join(import.meta.dirname, '../../../fixtures/pages');
const folders = readdirSync(root).filter((f) => !f.includes('.'));
const read = (folder: string) => ({
  html: readFileSync(join(root, folder, 'source.html'), 'utf8'),
  expected: JSON.parse(readFileSync(join(root, folder, 'expected.json'), 'utf8')) as {
    url: string;
    isArticle: boolean;
    rule?: { id: string; fallback: string | null };
  },
});

const paragraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Đoạn ${i + 1}: hai bên trao đổi về hợp tác giữa lực lượng công an hai nước Việt Nam và Lào trong thời gian tới, thiết thực và hiệu quả.</p>`,
).join('');

function page(body: string, url: string, title = '') {
  const dom = new JSDOM(
    `<!doctype html><html lang="vi"><head><title>${title}</title></head><body>${body}</body></html>`,
    {
      url,
    },
  );
  return { doc: dom.window.document, win: dom.window as unknown as Window };
}

function choice(body: string, url: string) {
  const c = articleCandidate(page(body, url).doc, url);
  return 'reason' in c ? c.reason : { id: c.id, fallback: c.fallback };
}

const ANTV = 'https://antv.gov.vn/tin-tuc/chinh-tri/hop-tac-500001.html';
const antvArticle = `<div class="detail-article"><h1 class="detail-title">Hợp tác công an</h1><div class="detail-content">${paragraphs}</div></div>`;
const cmsArticle = `<article><h1 class="article__title cms-title">Hợp tác công an</h1><div class="article__body zce-content-body cms-body">${paragraphs}</div></article>`;

describe('rule choice: host → family by markers → generic', () => {
  it("the host's rule when its container is on the page, even if a family's markers match too", () => {
    expect(choice(antvArticle + cmsArticle, ANTV)).toEqual({ id: 'antv', fallback: null });
  });

  it("a family whose markers match, when the host's container is missing", () => {
    expect(choice(cmsArticle, ANTV)).toEqual({ id: 'cms-template', fallback: 'family' });
  });

  it("the generic path when neither the host's container nor any family's markers are there", () => {
    expect(choice(`<div class="story"><h1>Hợp tác công an</h1>${paragraphs}</div>`, ANTV)).toEqual({
      id: 'generic',
      fallback: 'generic',
    });
  });

  it("a family's headline marker alone is not enough: its container must be there too", () => {
    const headlineOnly = `<h1 class="article__title cms-title">Hợp tác</h1><div class="story">${paragraphs}</div>`;
    expect(choice(headlineOnly, ANTV)).toEqual({ id: 'generic', fallback: 'generic' });
  });

  it('on a host without a rule, a family by its markers, else the generic rule as such', () => {
    expect(choice(cmsArticle, 'https://tin-lao.example/bai-1.html')).toEqual({
      id: 'cms-template',
      fallback: 'family',
    });
    expect(choice(`<h1>Tin</h1>${paragraphs}`, 'https://tin-lao.example/bai-1.html')).toEqual({
      id: 'generic',
      fallback: null,
    });
  });

  it("a family on another host keeps the host rule's site name, not the family's", () => {
    const { doc, win } = page(cmsArticle, ANTV, 'Hợp tác công an - ANTV');
    const result = cleanDocument(doc, ANTV, { window: win });
    expect(result.isArticle && [result.siteName, result.title, result.rule]).toEqual([
      'ANTV',
      'Hợp tác công an',
      { id: 'cms-template', fallback: 'family' },
    ]);
  });

  it.each(folders)('every fixture is cleaned by the rule it names (%s)', (folder) => {
    const { html, expected } = read(folder);
    const doc = new JSDOM(html, { url: expected.url }).window.document;
    const c = articleCandidate(doc, expected.url);
    if (!expected.isArticle) return expect('reason' in c).toBe(true);
    expect('reason' in c ? c.reason : { id: c.id, fallback: c.fallback }).toEqual(
      expected.rule ?? { id: pickRule(expected.url).id, fallback: null },
    );
  });
});

describe('markers belong to one family', () => {
  it.each(folders)("no other family's markers match a page its own rule cleans (%s)", (folder) => {
    const { html, expected } = read(folder);
    if (!expected.isArticle) return;
    // the rule that cleans it, and the host's (a renamed page still carries its family's headline)
    const own = [expected.rule?.id, pickRule(expected.url).id];
    const doc = new JSDOM(html).window.document;
    const foreign = FAMILY_RULES.filter((f) => !own.includes(f.id)).flatMap((f) =>
      (f.markers ?? []).filter((m) => doc.querySelector(m)).map((m) => `${f.id}: ${m}`),
    );
    expect(foreign).toEqual([]);
  });
});

describe('"no article" only for what makes a page not an article', () => {
  it.each(SUPPORTED_HOSTS)('the home page of %s is a listing, whatever its markup', (host) => {
    expect(choice(cmsArticle + antvArticle, `https://${host}/`)).toBe('listing page');
  });

  it('no headline', () => {
    const url = 'https://tin-lao.example/bai-2.html';
    const { doc, win } = page(`<div>${paragraphs}</div>`, url);
    expect(cleanDocument(doc, url, { window: win })).toMatchObject({ isArticle: false, reason: NO_HEADLINE });
  });

  it('too little text', () => {
    const { doc, win } = page(`<div class="story"><h1>Tin ngắn</h1><p>Chỉ một câu.</p></div>`, ANTV);
    expect(cleanDocument(doc, ANTV, { window: win })).toMatchObject({ isArticle: false, reason: TOO_LITTLE_TEXT });
  });

  it('mostly links (a tag page at an article-like address)', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) =>
        `<p><a href="https://antv.gov.vn/tin-${i}.html">Bài số ${i + 1} về hợp tác giữa lực lượng công an hai nước Việt Nam và Lào</a> trong năm.</p>`,
    ).join('');
    const { doc, win } = page(`<div class="tag-page"><h1>Hợp tác Việt - Lào</h1>${items}</div>`, ANTV);
    expect(cleanDocument(doc, ANTV, { window: win })).toMatchObject({ isArticle: false, reason: MOSTLY_LINKS });
  });

  it("a page whose host rule misses its container is still an article (the old 'no article container')", () => {
    const { doc, win } = page(
      `<div class="story"><h1>Hợp tác công an</h1>${paragraphs}</div>`,
      ANTV,
      'Hợp tác công an',
    );
    const result = cleanDocument(doc, ANTV, { window: win });
    expect(result.isArticle && result.rule).toEqual({ id: 'generic', fallback: 'generic' });
  });
});

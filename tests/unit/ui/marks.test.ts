/**
 * Marks in a view's DOM: wrapping (data attributes, inline markup, blocks, idempotence, undo) and
 * placing the mentions of an article's own text onto its rendering, also when the view has more
 * text than the article or the page changed it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import type { CleanArticle } from '@/lib/article';
import { cleanHtml } from '@/lib/cli/clean-html';
import { findMentions } from '@/lib/entities';
import { renderArticle } from '@/lib/ui/article-view';
import { collectRoots, highlightWith, placeMentions, removeHighlights, wrapMentions } from '@/lib/ui/marks';

function body(html: string): { root: Element; doc: Document } {
  const dom = new JSDOM(`<!doctype html><html><body><article>${html}</article></body></html>`);
  const doc = dom.window.document;
  return { root: doc.querySelector('article')!, doc };
}

/** Marks every mention under root, found in its own text by the build-time matcher. */
const highlightEntities = (root: Element) => highlightWith(root, findMentions);
const marks = (root: Element) => Array.from(root.querySelectorAll('mark.vl-entity'));

describe("highlightWith (the matcher over the DOM's own text)", () => {
  test('wraps each mention with the data attributes and tabindex', () => {
    const { root } = body('<p>Thượng tướng Hoàng Xuân Chiến tiếp Phó Đại sứ Lào.</p><script>var Lào = 1;</script>');
    const ms = highlightEntities(root);
    expect(ms.map((m) => m.entityId)).toEqual(['person.hoang-xuan-chien', 'place.laos']);
    const [person, place] = marks(root);
    expect(person!.textContent).toBe('Hoàng Xuân Chiến');
    expect(person!.className).toBe('vl-entity vl-type-person');
    expect(person!.getAttribute('data-entity-id')).toBe('person.hoang-xuan-chien');
    expect(person!.getAttribute('data-entity-type')).toBe('PERSON');
    expect(person!.getAttribute('data-listed')).toBe('true');
    expect(person!.getAttribute('tabindex')).toBe('0');
    expect(place!.className).toBe('vl-entity vl-type-place');
    expect(root.querySelector('script')!.textContent).toBe('var Lào = 1;');
  });

  test('a name split by inline markup gets one mark per piece, same entity id', () => {
    const { root } = body('<p><strong>Bộ</strong> Quốc phòng Lào cử đoàn</p>');
    highlightEntities(root);
    const ms = marks(root);
    expect(ms.map((m) => m.textContent)).toEqual(['Bộ', 'Quốc phòng Lào']);
    expect(ms.map((m) => m.getAttribute('data-entity-id'))).toEqual(['org.la-mod', 'org.la-mod']);
    expect(ms[0]!.parentElement!.tagName).toBe('STRONG');
  });

  test('text in different blocks never joins into one name', () => {
    const { root } = body('<p>Bộ</p><p>Quốc phòng Lào</p>');
    highlightEntities(root);
    expect(marks(root).map((m) => m.getAttribute('data-entity-id'))).toEqual(['place.laos']);
  });

  test('idempotent: a second call does not double-wrap', () => {
    const { root } = body('<p>Đại tướng <em>Vilay</em> Lakhamphong, Bộ Công an Lào</p>');
    highlightEntities(root);
    const once = root.innerHTML;
    const again = highlightEntities(root);
    expect(root.innerHTML).toBe(once);
    expect(again.map((m) => m.entityId)).toEqual(['person.vilay-lakhamphong', 'org.la-mps']);
    expect(root.querySelectorAll('mark mark').length).toBe(0);
  });

  test('skips existing marks of the page', () => {
    const { root } = body('<p><mark>Lào</mark> và Việt Nam</p>');
    highlightEntities(root);
    expect(marks(root).map((m) => m.textContent)).toEqual(['Việt Nam']);
  });

  test('removeHighlights restores the original text nodes', () => {
    const html = '<p>Trung tướng <b>Khamliang</b> Outhakaysone thăm Hà Nội.</p><p>Tết Bunpimay</p>';
    const { root } = body(html);
    const before = root.textContent;
    const textNodesBefore = root.querySelectorAll('p')[0]!.childNodes.length;
    highlightEntities(root);
    expect(marks(root).length).toBeGreaterThan(2);
    removeHighlights(root);
    expect(root.textContent).toBe(before);
    expect(root.innerHTML).toBe(html);
    expect(root.querySelectorAll('p')[0]!.childNodes.length).toBe(textNodesBefore);
  });
});

describe('placeMentions (mentions of the article text, marked in the view)', () => {
  const labels = {
    lang: 'vi' as const,
    minutes: (n: number) => `${n} phút`,
    original: 'Bài gốc',
    cleanedBy: (r: { id: string }) => `Quy tắc ${r.id}`,
  };
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

  /** Render an article like the views do, then mark the mentions of its own text. */
  function markArticle(article: CleanArticle, edit?: (view: HTMLElement) => void) {
    const dom = new JSDOM('<!doctype html><body></body>', { url: 'https://vietlao-reader.invalid/' });
    const view = renderArticle(dom.window.document, article, labels);
    edit?.(view);
    const roots = [view.querySelector('.vl-lead'), view.querySelector('.vl-body')].filter((e) => e !== null);
    const mentions = findMentions(article.text);
    const collected = collectRoots(roots);
    const placed = placeMentions(article.text, mentions, collected);
    const made = wrapMentions(
      collected,
      placed.map((p) => p.inView),
    );
    return { view, mentions, placed, made };
  }

  const pages = join(import.meta.dirname, '../../fixtures/pages');
  const articles = readdirSync(pages)
    .map((folder) => {
      const expected = JSON.parse(readFileSync(join(pages, folder, 'expected.json'), 'utf8')) as { url: string };
      const dom = new JSDOM('<!doctype html><body></body>', { url: 'https://vietlao-reader.invalid/' });
      const html = readFileSync(join(pages, folder, 'source.html'), 'utf8');
      return { folder, result: cleanHtml(html, expected.url, dom.window as unknown as Window) };
    })
    .filter((a): a is { folder: string; result: CleanArticle } => a.result.isArticle);

  test.each(articles.map((a) => [a.folder, a.result] as const))(
    '%s: every mention of the text is marked in the rendered view, on its own words',
    (_folder, article) => {
      const { mentions, placed, made } = markArticle(article);
      expect(mentions.length).toBeGreaterThan(0);
      expect(placed.map((p) => p.mention)).toEqual(mentions);
      placed.forEach((p, i) => {
        expect(made[i]!.length, p.mention.surface).toBeGreaterThan(0);
        expect(norm(made[i]!.map((m) => m.textContent).join(' '))).toBe(norm(p.mention.surface));
        expect(made[i]!.every((m) => m.getAttribute('data-entity-id') === p.mention.entityId)).toBe(true);
      });
    },
  );

  const article = (lead: string | null, paragraphs: string[]): CleanArticle => ({
    ...articles[0]!.result,
    lead,
    contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    text: [...(lead ? [lead] : []), ...paragraphs.map((p) => p.replace(/<[^>]+>/g, ''))].join('\n\n'),
  });

  test('text the view has and the article has not is skipped, not marked', () => {
    const a = article('Đoàn Bộ Quốc phòng Lào thăm Hà Nội.', ['Thượng tướng Hoàng Xuân Chiến tiếp đoàn Lào.']);
    const { view, placed } = markArticle(a, (v) => {
      const extra = v.ownerDocument.createElement('div');
      extra.textContent = 'Ảnh: Lào và Việt Nam ký kết';
      v.querySelector('.vl-body')!.prepend(extra);
    });
    expect(placed.map((p) => p.mention.entityId)).toEqual([
      'org.la-mod',
      'place.hanoi',
      'person.hoang-xuan-chien',
      'place.laos',
    ]);
    expect(view.querySelector('.vl-body div mark')).toBeNull();
    expect([...view.querySelectorAll('mark.vl-entity')].map((m) => norm(m.textContent ?? ''))).toEqual([
      'Bộ Quốc phòng Lào',
      'Hà Nội',
      'Hoàng Xuân Chiến',
      'Lào',
    ]);
  });

  test('a paragraph the page changed keeps only the mentions it still shows; the next ones are placed', () => {
    const a = article(null, [
      'Đại tướng Vilay Lakhamphong, Bộ Công an Lào, thăm Việt Nam.',
      'Tết Bunpimay ở Viêng Chăn.',
    ]);
    const { view, placed } = markArticle(a, (v) => {
      const first = v.querySelector('.vl-body p')!;
      first.textContent = first
        .textContent!.replace('Vilay Lakhamphong', 'người khác')
        .replace('Việt Nam', 'Campuchia');
    });
    const ids = placed.map((p) => p.mention.entityId);
    expect(ids).toContain('org.la-mps');
    expect(ids).not.toContain('person.vilay-lakhamphong');
    expect(ids).not.toContain('place.vietnam');
    expect(ids.slice(-2)).toEqual(['event.bunpimay', 'place.vientiane-capital']);
    expect([...view.querySelectorAll('mark.vl-entity')].map((m) => norm(m.textContent ?? ''))).toEqual([
      'Bộ Công an Lào',
      'Tết Bunpimay',
      'Viêng Chăn',
    ]);
  });

  test("a page's own <mark> inside a paragraph: the paragraph's other mentions are still marked", () => {
    const a = article(null, ['<mark>Lào</mark> và Việt Nam hợp tác.']);
    const { view } = markArticle(a);
    expect([...view.querySelectorAll('mark.vl-entity')].map((m) => m.textContent)).toEqual(['Việt Nam']);
  });

  test('spaces may differ (the article text has them normalised)', () => {
    const a = article(null, ['Bộ   Quốc\u00a0phòng <b>Lào</b>\n cử đoàn']);
    a.text = 'Bộ Quốc phòng Lào cử đoàn';
    const { placed, made } = markArticle(a);
    expect(placed.map((p) => p.mention.entityId)).toEqual(['org.la-mod']);
    expect(made[0]!.map((m) => m.textContent)).toEqual(['Bộ   Quốc\u00a0phòng', 'Lào']);
  });

  test('bounded by the mentions: a long article with mentions only in its first block is placed, and a view padded far past the article drops what lies beyond', () => {
    const filler = 'Nội dung tiếp theo của bài viết không nhắc tên riêng nào cả. '.repeat(400);
    const a = article(null, ['Đoàn Bộ Quốc phòng Lào thăm Hà Nội.', filler, filler]);
    expect(markArticle(a).placed.map((p) => p.mention.entityId)).toEqual(['org.la-mod', 'place.hanoi']);

    const late = article(null, ['Mở đầu.', 'Hai nước Việt Nam và Lào.']);
    const { placed } = markArticle(late, (v) => {
      const pad = v.ownerDocument.createElement('p');
      pad.textContent = filler; // page-inserted text, 60 times the article's length
      v.querySelector('.vl-body p')!.after(pad);
    });
    expect(placed).toEqual([]);
  });
});

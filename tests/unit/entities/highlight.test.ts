import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { highlightEntities, removeHighlights } from '@/lib/entities';

function body(html: string): { root: Element; doc: Document } {
  const dom = new JSDOM(`<!doctype html><html><body><article>${html}</article></body></html>`);
  const doc = dom.window.document;
  return { root: doc.querySelector('article')!, doc };
}

const marks = (root: Element) => Array.from(root.querySelectorAll('mark.vl-entity'));

describe('highlightEntities', () => {
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

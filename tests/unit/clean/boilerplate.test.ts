import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isBoilerplateLabel, removeBoilerplate } from '@/lib/clean/boilerplate';

const body = (html: string) => new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;

describe('isBoilerplateLabel', () => {
  it.each([
    'Tin mới nhất',
    'TIN MỚI NHẤT',
    'Đọc nhiều',
    'Tin bài liên quan',
    'Các tin/bài khác',
    'Có thể bạn quan tâm',
    'Multimedia',
    'Bờ cõi biển đảo',
    ' Xem thêm ',
    'Tin liên quan:',
    'Đọc nhiều'.normalize('NFD'),
  ])('recognises %j', (label) => expect(isBoilerplateLabel(label)).toBe(true));
  it.each(['Xem thêm các hoạt động hợp tác giữa hai nước trong năm 2022', 'Lào', 'Tin tức', ''])(
    'leaves %j alone',
    (label) => {
      expect(isBoilerplateLabel(label)).toBe(false);
    },
  );
});

describe('removeBoilerplate', () => {
  it('removes a labelled box of links and keeps the article beside it', () => {
    const b = body(`<article><p>${'Nội dung bài viết về hợp tác Việt Nam - Lào. '.repeat(10)}</p></article>
      <section><h2>Đọc nhiều</h2><ul><li><a href="/a">Tin A dài dòng</a></li><li><a href="/b">Tin B dài dòng</a></li></ul></section>`);
    removeBoilerplate(b);
    expect(b.textContent).toContain('Nội dung bài viết');
    expect(b.textContent).not.toContain('Đọc nhiều');
    expect(b.textContent).not.toContain('Tin A');
  });

  it('removes a label and the link lists after it when they are siblings of prose', () => {
    const b = body(
      `<div><p>${'Đoạn văn bản chính. '.repeat(20)}</p><h3>Tin bài liên quan</h3><ul><li><a href="/x">Quảng Nam và Sê Kông mở rộng hợp tác</a></li></ul><p>${'Đoạn kết của bài. '.repeat(5)}</p></div>`,
    );
    removeBoilerplate(b);
    expect(b.textContent).not.toContain('Tin bài liên quan');
    expect(b.textContent).not.toContain('Sê Kông');
    expect(b.textContent).toContain('Đoạn kết của bài');
  });

  it('never removes a protected element or its ancestors', () => {
    const b = body(
      `<div id="box"><h2>Tin mới nhất</h2><a href="/1">Một</a><a href="/2">Hai</a><div id="keep"><a href="/3">Ba</a></div></div>`,
    );
    const keep = b.querySelector('#keep')!;
    removeBoilerplate(b, [keep]);
    expect(b.querySelector('#keep')).not.toBeNull();
  });

  it('removes [Video]/[Infographic]/[Ảnh] teaser items from link lists', () => {
    const b = body(
      `<ul><li><a href="/v">[Video] Bản hòa ca tình hữu nghị</a></li><li><a href="/i">[Infographics] Quan hệ Đối tác</a></li><li><a href="/p">[Ảnh] Lễ đón</a></li><li><a href="/n">Tin thường</a></li></ul>`,
    );
    removeBoilerplate(b);
    expect(b.querySelectorAll('li')).toHaveLength(1);
    expect(b.textContent).toContain('Tin thường');
  });

  it('does not treat a sentence that contains a label as a label', () => {
    const b = body(`<p>Xem thêm các hoạt động hợp tác giữa hai nước trong năm 2022.</p>`);
    removeBoilerplate(b);
    expect(b.textContent).toContain('Xem thêm các hoạt động');
  });
});

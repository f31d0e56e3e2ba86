/** Lead prefixes ("(ANTV) - ", "(VOV5) - ", "(Chinhphu.vn) - ", "VOV.VN - "): lead yes, title never. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hasLeadPrefix, splitLeadPrefix, stripLeadPrefix } from '@/lib/clean/lead-prefix';
import { cleanDocument } from '@/lib/clean/pipeline';

describe('splitLeadPrefix', () => {
  it.each([
    ['(ANTV) - Sáng 25/11, Trung tướng Lê Quốc Hùng tiếp Đoàn.', '(ANTV) -'],
    ['(VOV5) - Ngày 5/4, tại Viêng Chăn, hai bên ký kết.', '(VOV5) -'],
    ['(Chinhphu.vn) - Chiều 30/7, Thủ tướng tiếp Đại sứ Lào.', '(Chinhphu.vn) -'],
    ['VOV.VN - Sáng 19/3, tại Hà Nội, hai bên hội đàm.', 'VOV.VN -'],
    ['(NLĐO)- Chiều 2/6, đoàn công tác tới thăm.', '(NLĐO)-'],
    ['(Baonghean.vn) – Sáng nay, tỉnh Nghệ An đón đoàn.', '(Baonghean.vn) –'],
  ])('finds the prefix of %j', (lead, prefix) => {
    const split = splitLeadPrefix(lead);
    expect(split.prefix).toBe(prefix);
    expect(`${split.prefix} ${split.rest}`.replace(/\s+/g, ' ')).toBe(lead.replace(/\s+/g, ' '));
  });

  it.each([
    'Sáng 25/11, Bộ Công an tổ chức tọa đàm.',
    '(Ảnh: TTXVN) Hai bên ký kết biên bản.',
    '(Một câu rất dài trong ngoặc đơn giải thích bối cảnh) - phần còn lại của câu.',
    'Việt Nam - Lào: 60 năm hợp tác và phát triển',
    '(VOV5) -',
  ])('finds none in %j', (text) => {
    expect(hasLeadPrefix(text)).toBe(false);
    expect(stripLeadPrefix(text)).toBe(text.trim());
  });

  it('strips the prefix from a headline only', () => {
    expect(stripLeadPrefix('(VOV5) - Lào và Việt Nam ký kết hợp tác giáo dục')).toBe(
      'Lào và Việt Nam ký kết hợp tác giáo dục',
    );
  });
});

describe('lead prefixes in the pipeline', () => {
  const body = Array.from(
    { length: 5 },
    (_, i) =>
      `<p>Đoạn ${i + 1}: hai bên trao đổi về hợp tác giữa Việt Nam và Lào trong các lĩnh vực giáo dục, y tế và văn hóa.</p>`,
  ).join('');
  const clean = (html: string, url: string) => {
    const dom = new JSDOM(html, { url });
    return cleanDocument(dom.window.document, url, { window: dom.window as unknown as Window });
  };

  it('keeps the prefix in the lead, never in the title (og:title carrying it)', () => {
    const url = 'https://vovworld.vn/vi-VN/chinh-tri/hop-tac-1234567.vov';
    const result = clean(
      `<!doctype html><html lang="vi"><head><meta property="og:title" content="(VOV5) - Hợp tác giáo dục Việt Nam - Lào"></head><body>
      <div class="article__sapo cms-desc">(VOV5) - Ngày 5/4, hai bên ký kết.</div><div class="article__body cms-body">${body}</div></body></html>`,
      url,
    );
    expect(result.isArticle).toBe(true);
    if (!result.isArticle) return;
    expect(result.title).toBe('Hợp tác giáo dục Việt Nam - Lào');
    expect(result.lead).toBe('(VOV5) - Ngày 5/4, hai bên ký kết.');
  });

  it('takes a body-opening "VOV.VN - …" paragraph as the lead and drops it from the body', () => {
    const url = 'https://vov.vn/chinh-tri/hop-tac-post1000001.vov';
    const result = clean(
      `<!doctype html><html lang="vi"><body><h1 class="article-title">Hợp tác Việt Nam - Lào</h1>
      <div class="article-content text-long"><p><strong>VOV.VN - Sáng 19/3, hai bên hội đàm tại Hà Nội.</strong></p>${body}</div></body></html>`,
      url,
    );
    expect(result.isArticle).toBe(true);
    if (!result.isArticle) return;
    expect(result.lead).toBe('VOV.VN - Sáng 19/3, hai bên hội đàm tại Hà Nội.');
    expect(result.contentHtml).not.toContain('hai bên hội đàm tại Hà Nội');
  });

  it('drops a body paragraph repeating the lead without its prefix', () => {
    const url = 'https://baochinhphu.vn/hop-tac-102240730164512345.htm';
    const result = clean(
      `<!doctype html><html lang="vi"><body><h1 class="detail-title">Hợp tác Việt Nam - Lào</h1>
      <h2 class="detail-sapo">(Chinhphu.vn) - Chiều 30/7, Thủ tướng tiếp Đại sứ Lào.</h2>
      <div class="detail-content afcbc-body"><p>Chiều 30/7, Thủ tướng tiếp Đại sứ Lào.</p>${body}</div></body></html>`,
      url,
    );
    expect(result.isArticle && result.text.split('Thủ tướng tiếp Đại sứ Lào').length - 1).toBe(1);
  });

  it('does not take a first paragraph without a prefix as the lead', () => {
    const url = 'https://vov.vn/chinh-tri/hop-tac-post1000002.vov';
    const result = clean(
      `<!doctype html><html lang="vi"><body><h1 class="article-title">Hợp tác</h1>
      <div class="article-content text-long">${body}</div></body></html>`,
      url,
    );
    expect(result.isArticle && result.lead).toBeNull();
  });
});

describe('bylines signed "Author/SITE"', () => {
  it('keeps the author and drops the site part', () => {
    const url = 'https://vov.vn/chinh-tri/hop-tac-post1000003.vov';
    const paragraphs = Array.from(
      { length: 5 },
      (_, i) =>
        `<p>Đoạn ${i + 1}: hai bên trao đổi về hợp tác giữa Việt Nam và Lào trong các lĩnh vực giáo dục, y tế và văn hóa.</p>`,
    ).join('');
    const dom = new JSDOM(
      `<!doctype html><html lang="vi"><body><h1 class="article-title">Hợp tác</h1><span class="article-author">Minh Thu/VOV.VN</span>
      <div class="article-content text-long">${paragraphs}</div></body></html>`,
      { url },
    );
    const result = cleanDocument(dom.window.document, url, { window: dom.window as unknown as Window });
    expect(result.isArticle && result.byline).toBe('Minh Thu');
  });
});

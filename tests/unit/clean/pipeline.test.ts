/** Properties of the pipeline itself, beyond the per-fixture expectations. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '@/lib/clean/pipeline';

const root = join(import.meta.dirname, '../../fixtures/pages');
const folders = readdirSync(root).filter((f) => !f.includes('.'));

describe('cleanDocument', () => {
  it.each(folders)('never touches the live DOM (%s)', (folder) => {
    const { url } = JSON.parse(readFileSync(join(root, folder, 'expected.json'), 'utf8')) as { url: string };
    const dom = new JSDOM(readFileSync(join(root, folder, 'source.html'), 'utf8'), { url });
    const before = dom.window.document.documentElement.outerHTML;
    cleanDocument(dom.window.document, url, { window: dom.window as unknown as Window });
    expect(dom.window.document.documentElement.outerHTML).toBe(before);
  });

  it('every fixture folder has a source page and an expected result', () => {
    for (const folder of folders) {
      expect(() => readFileSync(join(root, folder, 'source.html'))).not.toThrow();
      expect(() => readFileSync(join(root, folder, 'expected.json'))).not.toThrow();
    }
  });

  it('says "no article" for a page without an article and does not throw', () => {
    const dom = new JSDOM('<!doctype html><title>Trang chủ</title><body><nav><a href="/a">A</a></nav></body>', {
      url: 'https://example.test/',
    });
    const result = cleanDocument(dom.window.document, 'https://example.test/', {
      window: dom.window as unknown as Window,
    });
    expect(result.isArticle).toBe(false);
  });

  it('resolves a year-less "Sáng 25/11" against the date the page was last modified', () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Đoạn ${i + 1}: hai bên trao đổi về hợp tác giữa lực lượng công an hai nước Việt Nam và Lào trong thời gian tới.</p>`,
    ).join('');
    const html = `<!doctype html><html lang="vi"><head><title>Hợp tác công an - ANTV</title><meta property="article:modified_time" content="2021-11-26T08:00:00+07:00"></head>
      <body><div class="header-date">Thứ Hai, 22/12/2025 14:46 GMT+7</div><div class="detail-article"><h1 class="detail-title">Hợp tác công an</h1>
      <div class="detail-sapo">(ANTV) - Sáng 25/11, Bộ Công an tổ chức tọa đàm.</div><div class="detail-content">${paragraphs}</div></div></body></html>`;
    const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/hop-tac-500003.html';
    const dom = new JSDOM(html, { url });
    const result = cleanDocument(dom.window.document, url, { window: dom.window as unknown as Window });
    expect(result.isArticle && result.publishedAt).toBe('2021-11-25');
  });

  it("never takes antv's header date bar (time of viewing) as the publish date", () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Đoạn ${i + 1}: nội dung hợp tác giữa hai nước Việt Nam và Lào được triển khai toàn diện, thiết thực và hiệu quả.</p>`,
    ).join('');
    const html = `<!doctype html><html lang="vi"><head><title>Tin - ANTV</title></head><body><div class="header-date">Thứ Hai, 22/12/2025 14:46 GMT+7</div>
      <div class="detail-article"><h1 class="detail-title">Tin</h1><div class="detail-sapo">(ANTV) - Sáng 25/11, tọa đàm.</div><div class="detail-content">${paragraphs}</div></div></body></html>`;
    const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/tin-500004.html';
    const dom = new JSDOM(html, { url });
    const result = cleanDocument(dom.window.document, url, { window: dom.window as unknown as Window });
    expect(result.isArticle).toBe(true);
    expect(result.isArticle && result.publishedAt).toBeNull();
  });
});

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeArchiveText } from '@/lib/popup/import-file';

const win = new JSDOM('').window as unknown as Window;

describe('import: bodies are sanitised in the page before they reach the background', () => {
  it('scripts, handlers and javascript: links are stripped from every contentHtml', () => {
    const file = {
      format: 'vietlao-reader-archive',
      articles: [
        {
          id: 'a',
          contentHtml: '<p onclick="x()">Hà Nội<script>alert(1)</script></p><a href="javascript:alert(1)">x</a>',
        },
        { id: 'b', contentHtml: '<img src=x onerror=alert(1)><p>Viêng Chăn</p>' },
      ],
    };
    const out = JSON.parse(sanitizeArchiveText(JSON.stringify(file), win)) as typeof file;
    expect(out.format).toBe('vietlao-reader-archive');
    expect(out.articles[0]!.contentHtml).toBe('<p>Hà Nội</p><a>x</a>');
    expect(out.articles[1]!.contentHtml).not.toMatch(/onerror|script/);
    expect(out.articles[1]!.contentHtml).toContain('<p>Viêng Chăn</p>');
  });

  it('text that is not an archive goes through unchanged (the background explains the problem)', () => {
    expect(sanitizeArchiveText('{"format": "vietlao', win)).toBe('{"format": "vietlao');
    expect(sanitizeArchiveText('[1,2]', win)).toBe('[1,2]');
    expect(sanitizeArchiveText('{"articles": "no"}', win)).toBe('{"articles": "no"}');
  });
});

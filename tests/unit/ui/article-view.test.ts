/** The clean article's small line saying which rule cleaned it (lib/ui/article-view.ts), in the real Vietnamese strings. */
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CleanedBy } from '@/lib/article';
import { articleViewLabels, renderArticle } from '@/lib/ui/article-view';
import { stubI18n } from '../../support/i18n-stub';

const article = {
  title: 'Hợp tác Việt - Lào',
  lead: null,
  byline: null,
  publishedAt: null,
  siteName: 'ANTV',
  url: 'https://antv.gov.vn/tin-tuc/hop-tac-1.html',
  contentHtml: '<p>Nội dung bài.</p>',
  readingMinutes: 1,
  lang: 'vi',
};

function line(rule: CleanedBy | null | undefined): HTMLElement | null {
  const { window } = new JSDOM('<!doctype html><body></body>', { url: 'https://antv.gov.vn/' });
  const view = renderArticle(window.document, { ...article, rule }, articleViewLabels());
  return view.querySelector<HTMLElement>('[data-testid="cleaned-by"]');
}

describe('the "cleaned by" line', () => {
  beforeAll(() => stubI18n());

  it.each([
    [{ id: 'antv', fallback: null }, 'Làm sạch theo quy tắc riêng của trang (antv).'],
    [
      { id: 'cms-template', fallback: 'family' },
      'Làm sạch theo họ giao diện cms-template: quy tắc riêng của trang không tìm thấy khung bài.',
    ],
    [
      { id: 'generic', fallback: 'generic' },
      'Làm sạch theo cách chung: quy tắc riêng của trang không tìm thấy khung bài.',
    ],
    [{ id: 'generic', fallback: null }, 'Làm sạch theo cách chung (trang chưa có quy tắc riêng).'],
  ] as const)('%j → %s', (rule, text) => {
    const el = line(rule);
    expect(el?.textContent).toBe(text);
    expect(el?.dataset.fallback).toBe(rule.fallback ?? 'none');
  });

  it('no line when the rule is not known (an article saved before the archive kept it)', () => {
    expect(line(null)).toBeNull();
    expect(line(undefined)).toBeNull();
  });
});

/**
 * vov.vn (Đài Tiếng nói Việt Nam, Drupal). Article: `h1.article-title`, date `.article-date`
 * ("Thứ Ba, 06:40, 19/03/2024"), author `.article-author`, body `div.article-content.text-long`.
 * There is no sapo element: the body opens with the lead, a bold paragraph "VOV.VN - …"
 * (metadata.ts takes a first paragraph with a lead prefix as the lead). Inside the body:
 * `.vov-related` / `.article-related` boxes ("Tin liên quan"). Fixtures: tests/fixtures/pages/vov--*.
 */
import type { SiteRule } from './rule';

export const vov: SiteRule = {
  id: 'vov',
  hosts: ['vov.vn'],
  siteName: () => 'Báo điện tử VOV',
  article: ['.article-content.text-long', '.article-content', '.text-long'],
  title: ['h1.article-title', '.article-title', 'h2.article__title', 'h1'],
  lead: ['.article-summary', '.article__sapo', '.article-sapo'],
  date: ['.article-date', '.article__time', '.article-meta time'],
  byline: ['.article-author', '.author'],
  remove: [
    '.article-related',
    '.vov-related',
    '.related-inline',
    '.article-tags',
    '.tags',
    '.article-share',
    '.embed-related',
  ],
  titleSuffix: /\s*[-|–]\s*(?:VOV\.VN|Báo điện tử VOV|VOV)\s*$/i,
  // articles end in "-post1234567.vov"; categories ("/the-gioi", "/chinh-tri/doi-ngoai") do not
  listingUrl: /^\/(?:[A-Za-z0-9-]+\/)*(?:[A-Za-z0-9-]+)?\/?(?:\?.*)?$/,
};

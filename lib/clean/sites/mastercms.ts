/**
 * MasterCMS: thoidai.com.vn (and its subdomains), baoquocte.vn. Article: `h1.article-detail-title`,
 * `span.article-detail-date` ("15:56 | 25/12/2022 GMT+7"), sapo `div.article-detail-desc`, body
 * `div.__MASTERCMS_CONTENT`. Inside the body sit other articles' boxes — `table.__mb_article_in_image`,
 * `table.__MB_ARTICLE_A` — and inline related links; images are `table.MASTERCMS_TPL_TABLE`
 * with the caption in the second row. Fixtures: tests/fixtures/pages/thoidai--*.
 */
import type { SiteRule } from './rule';

const NAMES: Record<string, string> = { 'thoidai.com.vn': 'Thời Đại', 'baoquocte.vn': 'Báo Quốc tế' };

export const mastercms: SiteRule = {
  id: 'mastercms',
  hosts: ['thoidai.com.vn', 'baoquocte.vn'],
  siteName: (host) => NAMES[host.replace(/^.*?(thoidai\.com\.vn|baoquocte\.vn)$/, '$1')] ?? host,
  markers: ['.__MASTERCMS_CONTENT', '.__MB_MASTERCMS_EL', 'h1.article-detail-title'],
  article: ['.__MASTERCMS_CONTENT', '.__MB_MASTERCMS_EL', '.article-detail-content', '.viewsDtailContent'],
  title: ['h1.article-detail-title', '.titleDetailNews', 'h1'],
  lead: ['.article-detail-desc', '.padB10', 'h2.sapo'],
  date: ['.article-detail-date', '.format_time', '.dateUp'],
  byline: ['.article-detail-author', '.author'],
  remove: [
    'table.__mb_article_in_image',
    'table.__MB_ARTICLE_A',
    '.__MB_ARTICLE_A',
    '.__mb_article_in_image',
    '.__MB_RELATED',
    '.article-detail-related',
    '.related-inline',
    '.inline-related',
    '.font-control',
    '.article-detail-follow',
  ],
  titleSuffix: /\s*[-|–]\s*(?:Thời Đại|Báo Thời Đại|thoidai\.com\.vn|Báo Quốc tế|baoquocte\.vn)\s*$/i,
  listingUrl: /^\/(?:[a-z0-9-]+\/?)?(?:\?.*)?$/,
};

/**
 * antv.gov.vn (Truyền hình Công an nhân dân). Article: `div.detail-article` with `h1.detail-title`,
 * `span.time-published`, `div.detail-sapo` ("(ANTV) - …") and `div.detail-content`.
 * The header bar "Thứ Hai, 22/12/2025 14:46 GMT+7" is the time of VIEWING: never a publish date.
 * Fixtures: tests/fixtures/pages/antv--*.
 */
import type { SiteRule } from './rule';

export const antv: SiteRule = {
  id: 'antv',
  hosts: ['antv.gov.vn'],
  siteName: () => 'ANTV',
  article: ['.detail-article .detail-content', '.detail-content', '.detail-article', 'article .content'],
  title: ['.detail-article h1', 'h1.detail-title', 'h1'],
  lead: ['.detail-article .detail-sapo', '.detail-sapo', '.sapo'],
  date: ['.detail-article .time-published', '.detail-article .time', '.detail-article time'],
  byline: ['.detail-article .author', '.detail-author'],
  remove: ['.header-date', '.header-top', '.box-latest', '.box-most-read', '.box-video', '.view-more'],
  notDate: ['.header-date', '.header-top'],
  titleSuffix: /\s*[-|–]\s*ANTV\s*$/i,
  listingUrl: /^\/(?:[a-z0-9-]+-\d+\/?|tin-tuc\/[a-z0-9-]+\/?)?(?:\?.*)?$/,
};

/**
 * bienphong.com.vn (Báo Biên phòng). Article: `h1.bp-detail-content-title-h1`, sapo
 * `p.bp-detail-sapo`, date `span.bp-date-time` ("Thứ Ba, 20/02/2024 | 08:25"), body
 * `div.bp-detail-text-content`, author `.bp-detail-author`. Captions carry the credit
 * ("- Ảnh: Báo Biên phòng"). In-body related box `.bp-detail-related` ("Tin liên quan").
 * Fixtures: tests/fixtures/pages/bienphong--*.
 */
import type { SiteRule } from './rule';

export const bienphong: SiteRule = {
  id: 'bienphong',
  hosts: ['bienphong.com.vn'],
  siteName: () => 'Báo Biên phòng',
  article: ['.bp-detail-text-content', '.bp-detail-content'],
  title: ['h1.bp-detail-content-title-h1', '.bp-detail-content-title-h1', 'h1'],
  lead: ['p.bp-detail-sapo', '.bp-detail-sapo'],
  date: ['span.bp-date-time', '.bp-date-time'],
  byline: ['.bp-detail-author', '.bp-author'],
  remove: ['.bp-detail-related', '.bp-related', '.bp-detail-tags', '.bp-detail-share', '.bp-detail-author'],
  titleSuffix: /\s*[-|–]\s*(?:Báo Biên phòng|Bienphong\.com\.vn)\s*$/i,
  // articles end in "-post473259.html"
  listingUrl: /^\/(?!.*-post\d+\.html).*$/,
};

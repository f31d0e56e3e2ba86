/**
 * bocongan.gov.vn (Cổng thông tin điện tử Bộ Công an). No selector of the current design was
 * found (notes: "Selectors for the new design: not found"); this rule assumes the plausible
 * design of the `/bai-viet/<slug>-d<cat>-t<id>` URLs: the old Liferay portlet's ids kept inside a
 * new layout — `article.news-detail` with `h1.news-title`, date `p.news-time` ("08:30 | 15/05/2024"),
 * sapo `p#change_font_size`, body `div#contentnews`, author `div.news-author`, and after the body
 * `div.news-other` ("Tin khác", "Tin cùng chuyên mục"). The old portlet
 * (`#p_p_id_CmsViewChiTietBaiViet_WAR_CmsViewEcoITportlet_`, first `article > p` = date) is
 * matched too. Fixtures: tests/fixtures/pages/bocongan--*.
 */
import type { SiteRule } from './rule';

export const bocongan: SiteRule = {
  id: 'bocongan',
  hosts: ['bocongan.gov.vn'],
  siteName: () => 'Cổng thông tin điện tử Bộ Công an',
  article: ['#contentnews', '.news-detail .news-content', '.news-content'],
  title: [
    '.news-detail h1',
    'h1.news-title',
    '#p_p_id_CmsViewChiTietBaiViet_WAR_CmsViewEcoITportlet_ article h1',
    'h1',
  ],
  lead: ['p#change_font_size', '#change_font_size', '.news-sapo'],
  date: [
    '.news-detail .news-time',
    '.news-time',
    '#p_p_id_CmsViewChiTietBaiViet_WAR_CmsViewEcoITportlet_ article > p:first-of-type',
  ],
  byline: ['.news-detail .news-author', '.news-author'],
  remove: ['.news-other', '.news-related', '.news-tags', '.news-tools', '.news-author'],
  titleSuffix: /\s*[-|–]\s*(?:Cổng thông tin điện tử Bộ Công an|Bộ Công an)\s*$/i,
  // articles carry a "-t<id>" (new "-d104-t45880", old "-t29741.html"); anything else is a listing
  listingUrl: /^\/(?!.*-t\d+(?:\.html)?\/?(?:\?.*)?$).*$/,
};

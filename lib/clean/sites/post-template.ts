/**
 * The "post-" template: qdnd.vn (Quân đội nhân dân), dangcongsan.vn. Article: `h1.post-title`,
 * sapo `div.post-summary` (dangcongsan: `div.post-summary h2`), date `.post-subinfo` /
 * `.lbPublishedDate` ("Thứ Năm, 13/06/2024 09:45"), body `div.post-content[itemprop=articleBody]`.
 * The ASP.NET controls put related news INSIDE the body: a `Tinlienquan` box ("Tin liên quan")
 * and inline `.post-related` link lists. Fixtures: tests/fixtures/{qdnd,dangcongsan}--*.
 */
import type { SiteRule } from './rule';

const NAMES: Record<string, string> = {
  'qdnd.vn': 'Báo Quân đội nhân dân',
  'dangcongsan.vn': 'Báo điện tử Đảng Cộng sản Việt Nam',
};

export const postTemplate: SiteRule = {
  id: 'post-template',
  hosts: ['qdnd.vn', 'dangcongsan.vn'],
  siteName: (host) => NAMES[host.replace(/^.*?(qdnd\.vn|dangcongsan\.vn)$/, '$1')] ?? host,
  markers: ['.post-content[itemprop="articleBody"]', 'h1.post-title'],
  article: ['.post-content[itemprop="articleBody"]', '[itemprop="articleBody"]', '.post-content', '.articleBody'],
  title: ['h1.post-title', '.post-title', 'h1'],
  lead: ['.post-summary h2', '.post-summary'],
  date: ['.lbPublishedDate', '.post-subinfo .post-date', '.post-subinfo span', '.post-subinfo'],
  byline: ['.post-author', '.author-name', '.lbAuthor'],
  remove: [
    '.Tinlienquan',
    '[id*="Tinlienquan"]',
    '.tinlienquan',
    '.box-tinlienquan',
    '.post-related',
    '.related-post',
    '.post-tags',
    '.post-share',
    '.post-author',
    '.lbAuthor',
    '.post-toolbar',
  ],
  titleSuffix:
    /\s*[-|–]\s*(?:Báo Quân đội nhân dân|QĐND|Báo điện tử Đảng Cộng sản Việt Nam|Đảng Cộng sản Việt Nam)\s*$/i,
  // articles end in an id ("-761234", "-654321.html"): anything else is a category page
  listingUrl: /^\/(?:[A-Za-z0-9-]+\/)*(?:[A-Za-z0-9-]*[A-Za-z-])?\/?(?:\?.*)?$/,
};

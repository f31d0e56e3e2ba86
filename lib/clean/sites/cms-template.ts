/**
 * The "cms-" template: nhandan.vn (after its 2021 redesign), vietnamplus.vn (after its 2023
 * redesign, and the older `details__*` design), vovworld.vn, tienphong.vn, sggp.org.vn, plo.vn
 * (public scrapers' selectors: `.article__title.cms-title`, `.article__body.zce-content-body.cms-body`;
 * also baogialai, baohatinh). Article: `h1.article__title.cms-title`,
 * sapo `div.article__sapo.cms-desc` (vovworld: "(VOV5) - …"), date `.article__meta time[datetime]`,
 * body `div.article__body.zce-content-body.cms-body`; images are `table.picture` with the caption
 * in `td.caption` (vietnamplus prints the caption twice: alt text and caption, and vovworld
 * appends " - ảnh 1" to the alt). Inside the body sit related boxes (`.article__relate`,
 * `.box-related`, vovworld's "Tin liên quan"); after it "Phản hồi" and "Các tin/bài khác".
 * Markers: the `article__body` / `cms-body` body and the `article__title cms-title` /
 * `details__headline` headline. Fixtures: tests/fixtures/{nhandan,vietnamplus,vovworld,tienphong,sggp,plo}--*.
 */
import type { SiteRule } from './rule';

const NAMES: Record<string, string> = {
  'nhandan.vn': 'Báo Nhân Dân',
  'vietnamplus.vn': 'VietnamPlus',
  'vovworld.vn': 'VOV World',
  'tienphong.vn': 'Báo Tiền Phong',
  'sggp.org.vn': 'Báo Sài Gòn Giải Phóng',
  'plo.vn': 'Báo Pháp Luật TP. Hồ Chí Minh',
};

export const cmsTemplate: SiteRule = {
  id: 'cms-template',
  hosts: ['nhandan.vn', 'vietnamplus.vn', 'vovworld.vn', 'tienphong.vn', 'sggp.org.vn', 'plo.vn'],
  siteName: (host) =>
    NAMES[host.replace(/^.*?(nhandan\.vn|vietnamplus\.vn|vovworld\.vn|tienphong\.vn|sggp\.org\.vn|plo\.vn)$/, '$1')] ??
    host,
  markers: [
    '.article__body.cms-body',
    '.article__body.zce-content-body',
    'h1.article__title.cms-title',
    '.content.article-body.cms-body',
    'h1.details__headline',
  ],
  article: [
    '.article__body.cms-body',
    '.article__body.zce-content-body',
    '.article__body',
    '.zce-content-body',
    '.content.article-body.cms-body',
    '.article-body.cms-body',
  ],
  title: ['h1.article__title', '.article__title.cms-title', 'h1.details__headline', 'h1.cms-title', 'h1'],
  lead: ['.article__sapo', '.cms-desc', '.details__summary'],
  date: ['.article__meta time', '.article__meta .time', '.details__meta time', '.source time'],
  byline: ['.article__author .name', '.article__author', '.details__author', '.author .name', '.author'],
  remove: [
    '.article__relate',
    '.article__related',
    '.article__tag',
    '.article__share',
    '.article__footer',
    '.box-related',
    '.cms-related',
    '.related-news',
    '.related-box',
    '.story--related',
    '.zone--related',
    '.details__tags',
    '.details__share',
    '.box-tinlienquan',
    '.vov-related',
  ],
  titleSuffix:
    /\s*[-|–]\s*(?:Báo Nhân Dân(?: điện tử)?|Nhân Dân|Vietnam\+ \(VietnamPlus\)|VietnamPlus|VOV World|VOVWORLD|Báo Tiền Phong|Tiền Phong|Báo Sài Gòn Giải Phóng|SGGP|Báo Pháp Luật TP\. Hồ Chí Minh|PLO)\s*$/i,
  // articles end in "-post123.html", "-post123.vnp", "-123.vnp", "-1234567.vov", "-post123.tpo": a path
  // without an extension is a category or the home page
  listingUrl: /^\/(?:[A-Za-z0-9-]+\/)*(?:[A-Za-z0-9-]+)?\/?(?:\?.*)?$/,
};

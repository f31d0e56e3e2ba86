/**
 * VCCorp's "afcbc" template: baochinhphu.vn, tuoitre.vn, thanhnien.vn, nld.com.vn (also cafef,
 * suckhoedoisong). Article:
 * `h1.detail-title`, sapo `h2.detail-sapo` ("(Chinhphu.vn) - …"), date `div.detail-time` /
 * `div.publishDate` ("30/07/2024 16:45"), body `div.detail-content.afcbc-body`.
 *
 * The body embeds editor boxes `div.VCSortableInPreviewMode[type=…]`; which to keep is decided
 * here, not by selectors (see `vcBoxKind`):
 * - PHOTO_TYPE ("Photo", "photo", "PhotoInline", "LayoutAlbum" with images): the article's own
 *   figures; they become <figure> + <figcaption> from `.PhotoCMS_Caption` so Readability keeps
 *   them. A box typed "photo" that links to other articles is a teaser, not a figure.
 * - RELATED_TYPE ("RelatedNewsBox", "RelatedOneNews", "link-content-footer", "NewsRelation"…):
 *   other articles: removed.
 * - MEDIA_TYPE ("Video", "VideoStream", "Audio"…): players the sanitiser cannot keep: removed
 *   with their captions.
 * - Anything else ("content", "wrapnote", "SimpleQuote"): prose boxes, kept — unless untyped
 *   and mostly links (LINK_BOX), which is a related box whatever its label.
 * Markers: `.detail-content.afcbc-body` (the body) and the VCSortable boxes inside it.
 * Fixtures: tests/fixtures/pages/{baochinhphu,tuoitre,thanhnien,nld}--* (the outlets' pages are
 * renditions from public scrapers' selectors: their notes.md say which).
 */
import { linkDensity } from '../boilerplate';
import type { SiteRule } from './rule';

const PHOTO_TYPE = /^(?:photo|photoinline|layoutalbum|album|image)/i;
const RELATED_TYPE = /relate|link-?content|newsrelation|tinlienquan|readmore/i;
const MEDIA_TYPE = /^(?:video|videostream|audio|podcast|embed|iframe)/i;
const LINK_BOX = 0.7;

export type VcBoxKind = 'photo' | 'related' | 'media' | 'content';

function linksToOtherPages(box: Element): boolean {
  return Array.from(box.querySelectorAll('a[href]')).some((a) => {
    const href = a.getAttribute('href') ?? '';
    return (a.textContent ?? '').trim().length > 0 && !/\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$/i.test(href);
  });
}

/** What a `div.VCSortableInPreviewMode` box is: decides whether it stays in the article. */
export function vcBoxKind(box: Element): VcBoxKind {
  const type = box.getAttribute('type') ?? '';
  if (RELATED_TYPE.test(type)) return 'related';
  if (MEDIA_TYPE.test(type)) return 'media';
  if (PHOTO_TYPE.test(type) && box.querySelector('img') && !linksToOtherPages(box)) return 'photo';
  if (PHOTO_TYPE.test(type)) return 'related';
  if (!type && (box.textContent ?? '').trim().length > 0 && linkDensity(box) >= LINK_BOX) return 'related';
  return 'content';
}

/** A photo box as <figure>s: one per image, the box's caption on the last. */
export function photoBoxToFigures(box: Element): Element[] {
  const doc = box.ownerDocument;
  const caption = box.querySelector('.PhotoCMS_Caption, .LayoutAlbumCaption, figcaption, [class*="caption" i]');
  const captionText = (caption?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const imgs = Array.from(box.querySelectorAll('img'));
  const figures = imgs.map((img, i) => {
    const figure = doc.createElement('figure');
    figure.append(img);
    if (captionText && i === imgs.length - 1) {
      const fc = doc.createElement('figcaption');
      fc.textContent = captionText;
      figure.append(fc);
    }
    return figure;
  });
  box.replaceWith(...figures);
  return figures;
}

export function prepareVcSortableBoxes(body: Element): void {
  // innermost first, so an album inside a wrapper is decided before the wrapper
  for (const box of Array.from(body.querySelectorAll('.VCSortableInPreviewMode')).reverse()) {
    if (!box.isConnected) continue;
    const kind = vcBoxKind(box);
    if (kind === 'photo') photoBoxToFigures(box);
    else if (kind === 'related' || kind === 'media') box.remove();
  }
}

const NAMES: Record<string, string> = {
  'baochinhphu.vn': 'Báo điện tử Chính phủ',
  'tuoitre.vn': 'Tuổi Trẻ Online',
  'thanhnien.vn': 'Báo Thanh Niên',
  'nld.com.vn': 'Báo Người Lao Động',
};

export const vccorpAfcbc: SiteRule = {
  id: 'vccorp-afcbc',
  hosts: ['baochinhphu.vn', 'tuoitre.vn', 'thanhnien.vn', 'nld.com.vn'],
  siteName: (host) =>
    NAMES[host.replace(/^.*?(baochinhphu\.vn|tuoitre\.vn|thanhnien\.vn|nld\.com\.vn)$/, '$1')] ?? host,
  markers: ['.detail-content.afcbc-body', '.afcbc-body .VCSortableInPreviewMode'],
  article: ['.detail-content.afcbc-body', '[data-role="content"].detail-content', '.detail-content'],
  title: ['h1.detail-title', '.detail-title', 'h1'],
  lead: ['h2.detail-sapo', '.detail-sapo'],
  date: ['.detail-time [data-role="publishdate"]', '.detail-time', '.publishDate'],
  byline: ['.detail-author .name', '.detail-author', '[data-role="author"]'],
  remove: ['.detail-tab', '.detail-tags', '.detail-share', '.detail-author', '.box-relate', '.detail-related'],
  prepare: prepareVcSortableBoxes,
  titleSuffix:
    /\s*[-|–]\s*(?:Báo điện tử Chính phủ|baochinhphu\.vn|Chinhphu\.vn|Tuổi Trẻ Online|Báo Tuổi Trẻ|Báo Thanh Niên|Thanh Niên|Báo Người Lao Động|Người Lao Động)\s*$/i,
  // articles end in "-<id>.htm" (17–18 digits); "/chinh-phu.htm", "/thoi-su.htm" and "/" are listings
  listingUrl: /^\/(?:[A-Za-z0-9-]*[A-Za-z-](?:\.htm)?)?\/?(?:\?.*)?$/,
};

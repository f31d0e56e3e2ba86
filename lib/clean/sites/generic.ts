/**
 * Any other site: no selectors of its own; the Vietnamese boilerplate vocabulary
 * (../boilerplate.ts) and Readability do the work. Measured on the scrapinghub benchmark's real
 * pages by `npm run eval:extraction` (tests/eval/extraction.ts), beside bare Readability.
 *
 * Heuristics, and why:
 * - NO_GUESSED_CONTAINER: the generic path does not narrow the page to a guessed container.
 *   `article`, `article .content` and `[itemprop="articleBody"]` matched a teaser, a comment, a
 *   0-character `.content` or one of several body sections of real pages; Readability, on the
 *   whole page, finds the article itself (benchmark F1 on the tune split 0.899 → 0.942).
 * - PAGE_WRAPPER: an element the common removals drop (a `form`, `aside`, `footer`…) that holds
 *   most of the page's prose (≥ PAGE_WRAPPER_SHARE of the text of its paragraphs) is the page's
 *   layout, not a box: ASP.NET pages wrap the whole page in one <form> (aljazeera.com). It is
 *   unwrapped (its children stay), never removed with the article.
 * - READABILITY_THRESHOLD: Readability's own 500 characters, not the 200 the site rules use on
 *   an already narrowed container: on a whole page, 200 lets a caption or a teaser win.
 * - MIN_GENERIC_CHARS: what the user asked to clean on a site without a rule is an article when
 *   Readability finds one; short pieces (a 369-character paywalled lead, a 795-character wire
 *   story) are articles too, so the floor is lower than the rules' MIN_ARTICLE_CHARS.
 *
 * On Readability's (sanitised) result, `tidyArticle` — a page's whole chrome is what Readability
 * keeps around the article; only these proven kinds go, the article's own blocks stay:
 * - PROMO_LINE: a short or mostly linked block that opens with a promo label ("Related:",
 *   "Read more", "Also on rt.com", "Xem thêm:", "Tin liên quan") is a link to another article.
 * - DATELINE: before the first paragraph of prose, a short block that is a byline or a date
 *   ("By …", "Published 1 day ago", "Nov 20, 2019 6:02 AM", "Thứ Năm, 02/06/2022 | 15:18").
 * - SIGN_OFF: after the last paragraph of prose, newsletter, follow-us, share and copyright lines.
 * - LINK_EDGE: before the first or after the last paragraph of prose, a short block that is
 *   mostly links (breadcrumbs, kickers, "more stories" lists).
 * - CREDIT: a block or span that is only a credit or a caption label ("Image copyright Getty
 *   Images", "(Image credit: NASA)", "Image caption"); the caption itself stays with its figure.
 * - BR_SPACE: a line break separates words, but textContent drops it ("Tampa, FL<br>June 3"
 *   read as "FLJune"): a space goes before each <br>.
 * Prose is a block of ≥ PROSE_MIN_CHARS (../boilerplate) that is mostly not links. Each was kept
 * only as it raised the benchmark F1 on the tune split (0.952 → 0.960 together); captions of
 * figures are kept although the benchmark's bodies leave them out (about 0.01 of F1).
 */
import { linkDensity, PROSE_MIN_CHARS } from '../boilerplate';
import { COMMON_REMOVE, type SiteRule } from './rule';

export const PAGE_WRAPPER_SHARE = 0.6;
export const GENERIC_CHAR_THRESHOLD = 500;
export const MIN_GENERIC_CHARS = 200;
const PARAGRAPH_MIN_CHARS = 80;

const length = (el: Element): number => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/**
 * Unwrap the common-removal matches that hold most of the page's prose (PAGE_WRAPPER). The
 * pipeline runs it on the generic path, not as the rule's `prepare`: a fallback from a host rule
 * keeps that rule's own `prepare` (./choice.ts).
 */
export function unwrapPageWrappers(body: Element): void {
  const paragraphs = Array.from(body.querySelectorAll('p'))
    .map((p) => ({ p, chars: length(p) }))
    .filter((x) => x.chars >= PARAGRAPH_MIN_CHARS);
  const total = paragraphs.reduce((sum, x) => sum + x.chars, 0);
  if (total === 0) return;
  // The prose under each element, summed once up each paragraph's ancestors (O(paragraphs ×
  // depth), not a contains() per element and paragraph). Unwrapping below moves a subtree
  // whole, so what is under each element left to look at does not change.
  const under = new Map<Element, number>();
  for (const { p, chars } of paragraphs)
    for (let el: Element | null = p; el && el !== body; el = el.parentElement)
      under.set(el, (under.get(el) ?? 0) + chars);
  for (const el of Array.from(body.querySelectorAll(COMMON_REMOVE.join(', ')))) {
    const inside = under.get(el) ?? 0;
    if (inside / total < PAGE_WRAPPER_SHARE) continue;
    const holder = body.ownerDocument.createElement('div');
    holder.append(...Array.from(el.childNodes));
    el.replaceWith(holder);
  }
}

/** Blocks of the cleaned article, innermost, in order (as ../extract-text reads them). */
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, figcaption, dt, dd';

const PROMO_PREFIX =
  /^\s*(?:related(?: stories| articles| coverage)?|read (?:more|also|next)|also read|see also|also see|also on [\w.]+|more|watch|listen|recommended|trending|click here|xem thêm|đọc thêm|tin liên quan|bài liên quan|xem tiếp)\b\s*[:>»|–—-]?/i;
const DATELINE =
  /^\s*(?:by |published|updated|posted|first published|last updated|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|ngày|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,? [^a-zà-ỹ]*\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})|\d+ (?:minutes?|hours?|days?) ago|\b\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\b/i;
const SIGN_OFF =
  /\b(?:sign up|subscribe|newsletter|follow (?:us|\w+) on|share (?:this|it)\b|like this (?:story|article)|all rights reserved|copyright ©|more about the author|view author archive|đăng ký nhận tin|theo dõi .{0,30} trên)/i;
const EDGE_MAX_CHARS = 160;
/** "Image copyright Getty Images", "Image caption", "(Image credit: NASA)", "Photo: AP", "Credit: iStock". */
const CREDIT =
  /^\s*\(?(?:(?:image|photo|picture|video|media)\s+(?:credit|copyright|caption|source)s?\b|enlarge image|caption close|(?:image|photo|picture|credits?|source|copyright|photograph)\s*[:©])[^.]{0,60}\)?\s*$/i;

const text = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const isProse = (el: Element): boolean => text(el).length >= PROSE_MIN_CHARS && linkDensity(el) < 0.5;

/** Step 7 on the generic path: what Readability keeps around the article, removed from its result (see the top). */
export function tidyArticle(root: DocumentFragment | Element): void {
  removeCredits(root);
  for (const br of Array.from(root.querySelectorAll('br'))) br.before(' '); // BR_SPACE
  const blocks = Array.from(root.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
  const first = blocks.findIndex(isProse);
  let last = -1;
  for (let i = blocks.length - 1; i >= 0; i--)
    if (isProse(blocks[i]!)) {
      last = i;
      break;
    }
  blocks.forEach((el, i) => {
    const t = text(el);
    if (t.length > EDGE_MAX_CHARS * 2) return;
    if (PROMO_PREFIX.test(t) && (linkDensity(el) >= 0.5 || t.length <= EDGE_MAX_CHARS) && !isProse(el)) el.remove();
    else if (first >= 0 && i < first && t.length <= EDGE_MAX_CHARS && DATELINE.test(t)) el.remove();
    else if (last >= 0 && i > last && SIGN_OFF.test(t)) el.remove();
    else if (first >= 0 && (i < first || i > last) && t.length <= EDGE_MAX_CHARS && linkDensity(el) >= 0.5) el.remove();
    else if (CREDIT.test(t)) el.remove();
  });
}

/** Credit lines and caption labels inside blocks ("Image copyright Getty Images", "(Image credit: NASA)"). */
function removeCredits(root: DocumentFragment | Element): void {
  for (const el of Array.from(root.querySelectorAll('span, em, small, i, p, figcaption > *'))) {
    if (!el.isConnected || el.childElementCount > 2) continue;
    const t = text(el);
    if (t.length <= 80 && CREDIT.test(t)) el.remove();
  }
}

export const generic: SiteRule = {
  id: 'generic',
  hosts: [],
  article: [],
  title: ['h1'],
  lead: ['.sapo', '.article__sapo', '.detail-sapo', '.post-summary', '[class*="sapo"]'],
  date: ['time[datetime]', '.publish-date', '.date', '.time'],
  byline: ['[rel="author"]', '.author', '.byline'],
  remove: [],
};

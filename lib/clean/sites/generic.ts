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
 */
import { COMMON_REMOVE, type SiteRule } from './rule';

export const PAGE_WRAPPER_SHARE = 0.6;
export const GENERIC_CHAR_THRESHOLD = 500;
export const MIN_GENERIC_CHARS = 200;
const PARAGRAPH_MIN_CHARS = 80;

const length = (el: Element): number => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/** Unwrap the common-removal matches that hold most of the page's prose (PAGE_WRAPPER). */
export function unwrapPageWrappers(body: Element): void {
  const paragraphs = Array.from(body.querySelectorAll('p'))
    .map((p) => ({ p, chars: length(p) }))
    .filter((x) => x.chars >= PARAGRAPH_MIN_CHARS);
  const total = paragraphs.reduce((sum, x) => sum + x.chars, 0);
  if (total === 0) return;
  for (const el of Array.from(body.querySelectorAll(COMMON_REMOVE.join(', ')))) {
    let inside = 0;
    for (const x of paragraphs) if (el.contains(x.p)) inside += x.chars;
    if (inside / total < PAGE_WRAPPER_SHARE) continue;
    const holder = body.ownerDocument.createElement('div');
    holder.append(...Array.from(el.childNodes));
    el.replaceWith(holder);
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
  prepare: unwrapPageWrappers,
};

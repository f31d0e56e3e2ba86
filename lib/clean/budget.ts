/**
 * The page budget (pipeline step 1): before the pipeline clones a page, it checks that the page is
 * within MAX_PAGE_ELEMENTS elements and MAX_PAGE_TEXT_CHARS characters of text (lib/limits.ts).
 * Cloning, Readability and sanitising grow with the page: a page with a 20 MB text node hidden by
 * its own CSS, or 200,000 elements, would block the tab for minutes. Over budget, the page is left
 * as it is and the pipeline says why ("page over the size budget"); the popup shows it.
 *
 * Cheap by construction: the element count is the browser's own, the text is summed from each
 * text node's `length` (no string is copied) and the walk stops as soon as the budget is passed.
 */
import { MAX_PAGE_ELEMENTS, MAX_PAGE_TEXT_CHARS } from '../limits';
import { member, SHOW_TEXT } from './first-look';

export interface PageSize {
  elements: number;
  /** Characters of text counted, up to just past the budget. */
  textChars: number;
}

/** How big `doc` is, counting text only until it passes the budget. */
export function measurePage(doc: Document): PageSize {
  const elements = member(doc, 'getElementsByTagName')('*').length;
  let textChars = 0;
  const walker = member(doc, 'createTreeWalker')(doc.documentElement ?? doc, SHOW_TEXT);
  while (textChars <= MAX_PAGE_TEXT_CHARS && walker.nextNode()) textChars += (walker.currentNode as Text).length;
  return { elements, textChars };
}

export const withinBudget = (size: PageSize): boolean =>
  size.elements <= MAX_PAGE_ELEMENTS && size.textChars <= MAX_PAGE_TEXT_CHARS;

/** Step 7 of the pipeline: the plain text of the sanitised body, one block per paragraph. */
import { normalizeSpaces } from '@/lib/text/vietnamese';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre, dt, dd, td, th';

/** Text blocks in document order, innermost blocks only (a <li> holding <p>s counts its <p>s). */
export function textBlocks(root: ParentNode): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const t = normalizeSpaces(el.textContent ?? '');
    if (t) out.push(t);
  }
  return out;
}

/** Drop blocks left empty by cleaning (no text, no image). */
export function removeEmptyBlocks(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll('p, div, span, li, ul, ol, section, figure, strong, em, b, i'))) {
    if (hasVisibleText(el) || el.querySelector('img, picture, br + *')) continue;
    el.remove();
  }
}

/** Stops at the first non-blank text node: most blocks answer after one node. */
function hasVisibleText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test(n.nodeValue ?? '')) return true;
  return false;
}

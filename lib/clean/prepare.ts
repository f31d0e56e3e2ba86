/**
 * Step 2 of the pipeline: make the article container Readability-ready, on the clone.
 *
 * Heuristics, and why:
 * - LAZY_IMAGE_ATTRS: the sites lazy-load images (empty `src`, real URL in `data-src`); an
 *   article's own figures must keep their real source.
 * - IMAGE_TABLES: MasterCMS and the box-detail template lay out a figure as a one-image table
 *   with the caption in another cell; Readability drops layout tables, so they become
 *   <figure>/<figcaption> first.
 * - LINK_ONLY_BLOCK: a paragraph inside the body that is nothing but a link is an inline
 *   "related article" (MasterCMS prints them near the top); prose always has unlinked text.
 * - DUPLICATE_CAPTION: templates print a caption twice (alt text rendered as a caption, then
 *   the caption); the second copy goes.
 */
import { comparable, mayBeComparable, skeleton } from '@/lib/text/vietnamese';
import { linkDensity } from './boilerplate';

const LAZY_IMAGE_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-srcset', 'data-url'];
const IMAGE_TABLES = 'table.MASTERCMS_TPL_TABLE, table.image, table.picture, table.tplCaption, table.figure';
const LINK_ONLY_MIN_CHARS = 20;
/** "… -0", "… - ảnh 1", "… - Ảnh 1." : suffixes the CMS appends to alt text. */
const ALT_SUFFIX = /\s*-\s*(?:ảnh\s*)?\d+\.?\s*$/i;

export function fixLazyImages(root: Element): void {
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (src && !/^data:|placeholder|blank|lazy|grey\.gif|spacer/i.test(src)) continue;
    for (const attr of LAZY_IMAGE_ATTRS) {
      const v = img.getAttribute(attr);
      if (v) {
        img.setAttribute('src', v.split(/[\s,]/)[0]!);
        break;
      }
    }
  }
}

export function imageTablesToFigures(root: Element): void {
  const doc = root.ownerDocument;
  for (const table of Array.from(root.querySelectorAll(IMAGE_TABLES))) {
    const imgs = table.querySelectorAll('img');
    if (imgs.length !== 1) continue;
    const img = imgs[0]!;
    const figure = doc.createElement('figure');
    figure.append(img);
    const caption = Array.from(table.querySelectorAll('td, th'))
      .map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
    if (caption) {
      const fc = doc.createElement('figcaption');
      fc.textContent = caption;
      figure.append(fc);
    }
    table.replaceWith(figure);
  }
  for (const figure of root.querySelectorAll('figure')) {
    if (figure.querySelector('figcaption')) continue;
    const next = figure.nextElementSibling;
    if (next && /caption/i.test(next.className)) {
      const fc = doc.createElement('figcaption');
      fc.textContent = next.textContent ?? '';
      figure.append(fc);
      next.remove();
    }
  }
}

export function removeLinkOnlyBlocks(root: Element): void {
  // Walk from each link up to two block ancestors: O(links), not O(blocks × their text).
  for (const a of Array.from(root.querySelectorAll('a'))) {
    let block: Element | null = a.parentElement;
    for (let up = 0; block && block !== root && up < 2; up++, block = block.parentElement) {
      if (!/^(?:P|DIV|H3|H4)$/.test(block.tagName.toUpperCase())) continue;
      if (!block.isConnected || block.querySelector('img, figure, p')) break;
      const len = (block.textContent ?? '').trim().length;
      if (len >= LINK_ONLY_MIN_CHARS && linkDensity(block) > 0.9) block.remove();
      break;
    }
  }
}

export function removeDuplicateCaptions(root: Element): void {
  for (const figure of root.querySelectorAll('figure')) {
    const caption = figure.querySelector('figcaption');
    const altRaw = (figure.querySelector('img')?.getAttribute('alt') ?? '').replace(ALT_SUFFIX, '');
    const captionRaw = caption?.textContent ?? '';
    // Normalising is the cost (comparable works syllable by syllable): the skeletons (a cheap
    // necessary condition, lib/text/vietnamese.ts) decide first, and the comparable forms are
    // made only when one may be equal. The paragraph of prose after most figures never is.
    const skeletons = [skeleton(captionRaw), skeleton(altRaw)];
    let forms: { capText: string; alt: string } | null = null;
    const comparableForms = () => (forms ??= { capText: comparable(captionRaw), alt: comparable(altRaw) });
    // the caption element repeated as a paragraph after the figure, or alt text printed as text
    for (let next = figure.nextElementSibling; next; next = figure.nextElementSibling) {
      const raw = (next.textContent ?? '').replace(ALT_SUFFIX, '');
      const t = mayBeComparable(raw, skeletons) ? comparable(raw) : null;
      const { capText, alt } = t ? comparableForms() : { capText: null, alt: null };
      if (t && (t === capText || t === alt) && !next.querySelector('img')) {
        if (!caption) {
          const fc = root.ownerDocument.createElement('figcaption');
          fc.textContent = next.textContent?.trim() ?? '';
          figure.append(fc);
        }
        next.remove();
      } else break;
    }
    // a caption cell that repeats itself ("A A"): then its skeleton is one repeated too
    const sk = skeletons[0]!;
    if (caption && sk.slice(0, sk.length / 2) === sk.slice(sk.length / 2)) {
      const { capText } = comparableForms();
      if (!capText) continue;
      const half = capText.slice(0, Math.floor(capText.length / 2)).trim();
      if (half.length > 10 && comparable(half + ' ' + half) === capText) caption.textContent = half;
    }
  }
}

/**
 * The generic Vietnamese boilerplate filter: blocks headed by the sites' own labels, and
 * teaser lists of [Video]/[Infographic]/[Ảnh] items. It serves every site, with or without a rule.
 *
 * Heuristics, and why:
 * - HEADINGS: the labels Vietnamese news templates put above non-article lists (seen in the
 *   seeds and captures: see ../../shared notes → "Boilerplate vocabulary"). Matched on the whole,
 *   trimmed text of a short element, after folding case and tone marks, never inside prose.
 * - LINK_DENSITY_BOX: a labelled block is removed up to the largest ancestor that is still
 *   mostly links (≥ 0.5 of its text is link text), so the whole related/most-read box goes
 *   but never the article around it.
 * - PROSE_GUARD: nor an ancestor that holds a paragraph of prose (≥ PROSE_MIN_CHARS, mostly
 *   unlinked): on a page whose article is short and whose menus are long, the whole page is
 *   "mostly links", and the climb from a "Video" label went up to the body's only child
 *   (a 369-character wsj.com article lost that way in the scrapinghub pages).
 * - MAX_LABEL_LENGTH: a label is short; a sentence that merely contains "Xem thêm" is prose.
 * - TEASER_PREFIX: bracketed media prefixes mark teasers only in link lists; an article title
 *   may start with "[Ảnh]" too, so titles are never touched.
 */
// Relative, not @/lib: wxt.config.ts loads the site rules (and so this file) where the alias is not set.
import { comparable, foldDiacritics } from '../text/vietnamese';

export const HEADINGS = [
  'Tin mới nhất',
  'Tin mới',
  'Tin bài liên quan',
  'Các tin bài khác',
  'Các tin/bài khác',
  'Các tin khác',
  'Tin liên quan',
  'Bài liên quan',
  'Tin cùng chuyên mục',
  'Đọc nhiều',
  'Xem nhiều',
  'Đọc nhiều nhất',
  'Tin đọc nhiều',
  'Có thể bạn quan tâm',
  'Bạn có thể quan tâm',
  'Multimedia',
  'Bờ cõi biển đảo',
  'Xem thêm',
  'Xem trên',
  'Tin nổi bật',
  'Tin khác',
  'Phản hồi',
  'Bình luận',
  'Chia sẻ',
  'Tin video',
  'Video',
  'Infographic',
  'Infographics',
  'Podcast',
  'Emagazine',
  'Ảnh',
  'Tiêu điểm',
];
const LINK_DENSITY_BOX = 0.5;
const MAX_LABEL_LENGTH = 40;
export const PROSE_MIN_CHARS = 120;
export const TEASER_PREFIX = /^\s*\[(?:Video|Infographics?|Ảnh|Photo|Clip|Podcast|Emagazine|E-magazine)\]/i;

/**
 * Folded on first use, not when the module loads: the rules import this file, so the background's
 * first look at every navigation (lib/background/auto-clean.ts) loads it too, and folding the
 * headings compiles the Unicode-property expressions below (~10 ms) for headings it never reads.
 */
let headingKeys: Set<string> | null = null;

/** Folded, spaced, punctuation-free form of a label ("ĐỌC NHIỀU:" → "doc nhieu"). */
export function labelKey(text: string): string {
  return foldDiacritics(comparable(text))
    .replace(/[^\p{L}\p{N}/ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isBoilerplateLabel(text: string): boolean {
  return text.length <= MAX_LABEL_LENGTH && (headingKeys ??= new Set(HEADINGS.map(labelKey))).has(labelKey(text));
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

export function linkDensity(el: Element): number {
  const total = textLength(el);
  if (total === 0) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += textLength(a);
  return links / total;
}

/** Elements whose entire text is a boilerplate label. */
function labelElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('h1,h2,h3,h4,h5,h6,header,div,span,p,strong,b,a,li,section > *')) {
    if (el.childElementCount > 3) continue; // a label is a short run of text, not a container (and textContent is the cost)
    const text = el.textContent ?? '';
    if (text.length > MAX_LABEL_LENGTH || !isBoilerplateLabel(text)) continue;
    if (found.some((f) => f.contains(el))) continue; // keep the outermost label element
    found.push(el);
  }
  return found;
}

/** Whether `el` holds a paragraph of prose: long, and mostly not link text. */
export function holdsProse(el: Element): boolean {
  for (const p of el.querySelectorAll('p')) {
    if (textLength(p) >= PROSE_MIN_CHARS && linkDensity(p) < LINK_DENSITY_BOX) return true;
  }
  return false;
}

/** The largest block around a label that is still a list of links and holds no protected node nor prose. */
function boxOf(label: Element, protect: readonly Element[]): Element {
  let box = label;
  for (
    let parent = box.parentElement;
    parent && parent.localName !== 'body' && parent.localName !== 'html';
    parent = parent.parentElement
  ) {
    if (protect.some((p) => parent.contains(p) || p.contains(parent))) break;
    if (linkDensity(parent) < LINK_DENSITY_BOX || holdsProse(parent)) break;
    box = parent;
  }
  return box;
}

/** A label standing alone: remove it with the link lists that follow it until the next label. */
function removeLabelAndFollowingLists(label: Element): void {
  let next = label.nextElementSibling;
  label.remove();
  while (
    next &&
    !isBoilerplateLabel(next.textContent ?? '') &&
    (linkDensity(next) >= LINK_DENSITY_BOX || textLength(next) === 0)
  ) {
    const after = next.nextElementSibling;
    next.remove();
    next = after;
  }
}

/**
 * Remove labelled boilerplate blocks and teaser items under `root`. Elements in `protect`
 * (title, lead, the article container) and their ancestors are never removed.
 * Returns how many blocks were removed.
 */
export function removeBoilerplate(root: ParentNode, protect: readonly Element[] = []): number {
  let removed = 0;
  for (const label of labelElements(root)) {
    if (!label.isConnected || protect.some((p) => label.contains(p))) continue;
    const box = boxOf(label, protect);
    if (box === label) removeLabelAndFollowingLists(label);
    else box.remove();
    removed++;
  }
  for (const a of root.querySelectorAll('a')) {
    if (!a.isConnected || !TEASER_PREFIX.test(a.textContent ?? '')) continue;
    const item = a.closest('li, article, .item, .story') ?? a;
    if (protect.some((p) => item.contains(p))) continue;
    item.remove();
    removed++;
  }
  return removed;
}

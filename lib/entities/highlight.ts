/**
 * Highlighting in the page: every mention wrapped in <mark class="vl-entity …">, with DOM calls
 * only (splitText + createElement; never HTML strings). A name split by inline markup
 * (`<strong>Bộ</strong> Quốc phòng`) gets one mark per piece, all with the same data-entity-id.
 */
import type { Mention } from '../article';

/** Finds mentions in a text (the default matcher, or the background's over messaging). */
export type FindMentions = (text: string) => Mention[];

const MARK_CLASS = 'vl-entity';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'MARK', 'SVG', 'math']);
const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER ' +
    'FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TH THEAD TR UL'
  ).split(' '),
);

interface Segment {
  node: Text;
  at: number; // offset of node's first character in the buffer
}

/** The nearest block-level ancestor (or root): text nodes under different blocks never join. */
function blockOf(node: Node, root: Element): Node {
  for (let n = node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === 1 && BLOCK.has((n as Element).tagName.toUpperCase())) return n;
  }
  return root;
}

/** The text the highlighter matches against, with where each text node starts in it. */
export interface CollectedText {
  text: string;
  segments: Segment[];
}

export function collect(root: Element): CollectedText {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(n: Node): number {
      if (n.nodeType === 1) return SKIP.has((n as Element).tagName.toUpperCase()) ? 2 /* REJECT */ : 3; /* SKIP */
      return 1; /* ACCEPT */
    },
  });
  const segments: Segment[] = [];
  let text = '';
  let lastBlock: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    const block = blockOf(node, root);
    if (lastBlock && block !== lastBlock) text += '\n';
    lastBlock = block;
    segments.push({ node, at: text.length });
    // Line breaks in HTML source are spaces on screen: keep the length, lose the break.
    text += node.data.replace(/[\r\n]/g, ' ');
  }
  return { text, segments };
}

function wrap(node: Text, from: number, to: number, m: Mention): void {
  const doc = node.ownerDocument;
  node.splitText(to);
  const piece = from > 0 ? node.splitText(from) : node;
  const mark = doc.createElement('mark');
  mark.className = `${MARK_CLASS} vl-type-${m.type.toLowerCase()}`;
  mark.setAttribute('data-entity-id', m.entityId);
  mark.setAttribute('data-entity-type', m.type);
  mark.setAttribute('data-listed', String(m.listed));
  if (m.title) mark.setAttribute('data-entity-title', m.title);
  mark.setAttribute('tabindex', '0');
  piece.parentNode!.insertBefore(mark, piece);
  mark.appendChild(piece);
}

/**
 * Wrap every entity mention under `root`, found by `find`. Returns the mentions, with offsets
 * into the text of root's text nodes joined in document order (a "\n" between blocks). Calling
 * it twice gives the same DOM: existing highlights are removed first.
 */
export function highlightWith(root: Element, find: FindMentions): Mention[] {
  removeHighlights(root);
  const collected = collect(root);
  const mentions = find(collected.text);
  wrapMentions(collected, mentions);
  return mentions;
}

/** Wrap mentions found in `collect(root).text` (the DOM must not have changed since). */
export function wrapMentions({ segments }: CollectedText, mentions: readonly Mention[]): void {
  // Pieces per text node; wrapped right to left so earlier offsets in the node stay valid.
  const pieces = new Map<Text, { from: number; to: number; m: Mention }[]>();
  let s = 0;
  for (const m of mentions) {
    while (s < segments.length - 1 && segments[s + 1]!.at <= m.start) s++;
    for (let k = s; k < segments.length && segments[k]!.at < m.end; k++) {
      const { node, at } = segments[k]!;
      let from = Math.max(m.start, at) - at;
      let to = Math.min(m.end, at + node.data.length) - at;
      while (from < to && /\s/.test(node.data.charAt(from))) from++;
      while (to > from && /\s/.test(node.data.charAt(to - 1))) to--;
      if (from >= to) continue;
      const list = pieces.get(node) ?? [];
      list.push({ from, to, m });
      pieces.set(node, list);
    }
  }
  for (const [node, list] of pieces) {
    for (const p of list.reverse()) wrap(node, p.from, p.to, p.m);
  }
}

/** Undo highlightEntities: unwrap every mark and merge the text nodes back. */
export function removeHighlights(root: Element): void {
  const parents = new Set<Node>();
  for (const mark of Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}

/**
 * Entity marks in a view's DOM: every mention wrapped in <mark class="vl-entity …">, with DOM
 * calls only (splitText + createElement; never HTML strings). A name split by inline markup
 * (`<strong>Bộ</strong> Quốc phòng`) gets one mark per piece, all with the same data-entity-id.
 *
 * Mentions are found in the article's own text (CleanArticle.text), not in the view's DOM, which a
 * page can edit: `placeMentions` maps their offsets onto the view's text nodes, block by block, and
 * drops a mention wherever the view no longer shows the article's text.
 */
import type { Mention } from '@/lib/article';
import { MAX_VIEW_MARKS } from '@/lib/limits';
import { SPACES } from '@/lib/text/vietnamese';
import { entityTypeClass } from './entity-types';

/** Finds mentions in a text (a matcher's findMentions). */
export type FindMentions = (text: string) => Mention[];

const MARK_CLASS = 'vl-entity';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'MARK', 'SVG', 'math']);
const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER ' +
    'FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TH THEAD TR UL'
  ).split(' '),
);
/** A run of the space-like characters normalizeSpaces folds (lib/text/vietnamese.ts). */
const SPACE_RUN = new RegExp(SPACES.source, 'g');
/** How far past where a block should start the view is searched for it (text the article has not). */
const SLACK = 2000;
/**
 * How much of the view is read, in lengths of the article text the mentions are in (plus SLACK):
 * the view shows that text plus captions and what a page may have inserted; a view with more
 * than as much again before a mention is not the article's, and the mention is dropped.
 */
const VIEW_READ = 2;

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
  return collectRoots([root]);
}

/** The text of several roots (lead, body) in order, a "\n" between roots and between blocks. */
export function collectRoots(roots: readonly Element[]): CollectedText {
  const segments: Segment[] = [];
  let text = '';
  for (const root of roots) {
    const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(n: Node): number {
        if (n.nodeType === 1) return SKIP.has((n as Element).tagName.toUpperCase()) ? 2 /* REJECT */ : 3; /* SKIP */
        return 1; /* ACCEPT */
      },
    });
    let lastBlock: Node | null = null;
    if (text) text += '\n';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      const block = blockOf(node, root);
      if (lastBlock && block !== lastBlock) text += '\n';
      lastBlock = block;
      segments.push({ node, at: text.length });
      // Line breaks in HTML source are spaces on screen: keep the length, lose the break.
      text += node.data.replace(/[\r\n]/g, ' ');
    }
  }
  return { text, segments };
}

/** An empty mark for mention `m`: class and data attributes. */
function markFor(doc: Document, m: Mention): HTMLElement {
  const mark = doc.createElement('mark');
  mark.className = `${MARK_CLASS} ${entityTypeClass(m.type)}`;
  mark.setAttribute('data-entity-id', m.entityId);
  mark.setAttribute('data-entity-type', m.type);
  mark.setAttribute('data-listed', String(m.listed));
  if (m.title) mark.setAttribute('data-entity-title', m.title);
  mark.setAttribute('tabindex', '0');
  return mark;
}

/**
 * Marks already made for the same entity, type, listing and title (an article names the same
 * entities again and again): a shallow clone copies the attributes in one call instead of six.
 */
type MarkTemplates = Map<string, HTMLElement>;

function wrap(node: Text, from: number, to: number, m: Mention, templates: MarkTemplates): HTMLElement {
  const doc = node.ownerDocument;
  node.splitText(to);
  const piece = from > 0 ? node.splitText(from) : node;
  const id = [m.type, m.listed, m.entityId, m.title ?? ''].join('\u0000'); // NUL: in no id nor title
  let template = templates.get(id);
  if (!template) templates.set(id, (template = markFor(doc, m)));
  const mark = template.cloneNode(false) as HTMLElement;
  piece.parentNode!.insertBefore(mark, piece);
  mark.appendChild(piece);
  return mark;
}

/**
 * Wrap every entity mention under `root`, found by `find` in the DOM's own text. Returns the
 * mentions, with offsets into the text of root's text nodes joined in document order (a "\n"
 * between blocks). Calling it twice gives the same DOM: existing highlights are removed first.
 * (The views use `placeMentions` instead: their mentions come from the article's text.)
 */
export function highlightWith(root: Element, find: FindMentions): Mention[] {
  removeHighlights(root);
  const collected = collect(root);
  const mentions = find(collected.text);
  wrapMentions(collected, mentions);
  return mentions;
}

/**
 * Wrap mentions found in `collected.text` (sorted, non-overlapping; the DOM must not have changed
 * since `collect`). Returns the marks made for each mention, in the order given.
 */
export function wrapMentions({ segments }: CollectedText, mentions: readonly Mention[]): HTMLElement[][] {
  // Pieces per text node; wrapped right to left so earlier offsets in the node stay valid.
  const pieces = new Map<Text, { from: number; to: number; i: number }[]>();
  const made: HTMLElement[][] = mentions.map(() => []);
  let s = 0;
  mentions.forEach((m, i) => {
    while (s < segments.length - 1 && segments[s + 1]!.at <= m.start) s++;
    for (let k = s; k < segments.length && segments[k]!.at < m.end; k++) {
      const { node, at } = segments[k]!;
      let from = Math.max(m.start, at) - at;
      let to = Math.min(m.end, at + node.data.length) - at;
      while (from < to && /\s/.test(node.data.charAt(from))) from++;
      while (to > from && /\s/.test(node.data.charAt(to - 1))) to--;
      if (from >= to) continue;
      const list = pieces.get(node) ?? [];
      list.push({ from, to, i });
      pieces.set(node, list);
    }
  });
  const templates: MarkTemplates = new Map();
  for (const [node, list] of pieces) {
    for (const p of list.reverse()) made[p.i]!.push(wrap(node, p.from, p.to, mentions[p.i]!, templates));
  }
  return made;
}

/** Undo the marks: unwrap every mark and merge the text nodes back. */
export function removeHighlights(root: Element): void {
  unwrapMarks(Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`)));
}

/** Unwrap these marks (those still in a document) and merge the text nodes back. */
export function unwrapMarks(marks: readonly Element[]): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}

/** A text without its spaces, and where each remaining character stood in the text. */
interface Key {
  key: string;
  at: Int32Array;
}

/**
 * Calls `each(from, to)` for every run of non-space characters of `text`, in order. The runs are
 * found by one native RegExp scan, not a test per character (which was most of the cost of placing
 * mentions on a long view).
 */
function forEachWordRun(text: string, each: (from: number, to: number) => void): void {
  let from = 0;
  SPACE_RUN.lastIndex = 0;
  for (let m = SPACE_RUN.exec(text); m; m = SPACE_RUN.exec(text)) {
    if (m.index > from) each(from, m.index);
    from = m.index + m[0].length;
  }
  if (from < text.length) each(from, text.length);
}

function keyOf(text: string): Key {
  const at = new Int32Array(text.length);
  let n = 0;
  forEachWordRun(text, (from, to) => {
    for (let i = from; i < to; i++) at[n++] = i;
  });
  return { key: text.replace(SPACE_RUN, ''), at: at.subarray(0, n) };
}

/** How many non-space characters of `text` come before each offset (length + 1 entries). */
function ranks(text: string): Int32Array {
  const rank = new Int32Array(text.length + 1);
  let last = 0; // offsets up to here are filled
  let r = 0;
  forEachWordRun(text, (from, to) => {
    rank.fill(r, last + 1, from + 1); // spaces: the count does not move
    for (let i = from; i < to; i++) rank[i + 1] = ++r;
    last = to;
  });
  rank.fill(r, last + 1);
  return rank;
}

/** A mention of the article's text, and the same mention with offsets into the view's collected text. */
export interface PlacedMention {
  mention: Mention;
  inView: Mention;
}

/**
 * Where the view shows each mention of `articleText` (sorted, non-overlapping mentions, offsets
 * into articleText). Spaces are ignored on both sides (the article's text has them normalised);
 * each block of the article (a line of its text) is looked for in the view after the previous
 * one, so text the view has and the article has not is skipped. A block the view does not show
 * as it is (changed by the page) has its mentions looked for one by one, each only where the view
 * shows exactly that mention's text; the rest are dropped. Work is bounded by the mentions, not
 * the article: only the article's text up to the block of the last mention is read, and the view's
 * up to VIEW_READ times that; each search looks at most a block's length plus SLACK characters, and
 * whole-view searches stop after a few lengths of the article.
 */
export function placeMentions(fullText: string, mentions: readonly Mention[], view: CollectedText): PlacedMention[] {
  const lastEnd = mentions.length > 0 ? mentions[mentions.length - 1]!.end : 0;
  const blockEnd = fullText.indexOf('\n', lastEnd);
  const articleText = blockEnd < 0 ? fullText : fullText.slice(0, blockEnd);
  const viewRead = VIEW_READ * (articleText.length + SLACK);
  const rank = ranks(articleText);
  const article = keyOf(articleText);
  const shown = keyOf(view.text.length > viewRead ? view.text.slice(0, viewRead) : view.text);
  let budget = 4 * (article.key.length + SLACK); // characters the whole-view fallback may scan
  let cursor = 0; // where the next block may start in the view's key
  const out: PlacedMention[] = [];
  const find = (needle: string, from: number, wide: boolean): number => {
    const end = Math.min(shown.key.length, from + needle.length + SLACK);
    const near = shown.key.slice(from, end).indexOf(needle);
    if (near >= 0) return from + near;
    if (!wide || budget <= 0 || end >= shown.key.length) return -1;
    budget -= shown.key.length - end;
    return shown.key.indexOf(needle, end - needle.length + 1);
  };
  const place = (m: Mention, at: number, k0: number) => {
    const from = at + rank[m.start]! - k0;
    const to = at + rank[m.end]! - k0;
    out.push({ mention: m, inView: { ...m, start: shown.at[from]!, end: shown.at[to - 1]! + 1 } });
  };

  let next = 0; // the first mention not yet placed or dropped
  for (let start = 0; start <= articleText.length && next < mentions.length;) {
    let end = articleText.indexOf('\n', start);
    if (end < 0) end = articleText.length;
    const k0 = rank[start]!;
    const k1 = rank[end]!;
    const inBlock: Mention[] = [];
    while (next < mentions.length && mentions[next]!.start < end) {
      const m = mentions[next++]!;
      const valid = m.start >= start && m.end <= end && m.start < m.end && rank[m.end]! > rank[m.start]!;
      if (valid) inBlock.push(m);
    }
    if (k1 > k0) {
      const at = find(article.key.slice(k0, k1), cursor, true);
      if (at >= 0) {
        for (const m of inBlock) place(m, at, k0);
        cursor = at + (k1 - k0);
      } else {
        for (const m of inBlock) {
          const k = rank[m.start]!;
          const spot = find(article.key.slice(k, rank[m.end]!), cursor, false);
          if (spot < 0) continue;
          place(m, spot, k);
          cursor = spot + (rank[m.end]! - k);
        }
      }
    }
    start = end + 1;
  }
  return out;
}

/** A mention of the article's text and the marks made for it in the view. */
export interface MarkedMention {
  mention: Mention;
  marks: HTMLElement[];
}

/**
 * Mark at most MAX_VIEW_MARKS of `found` (mentions of `articleText`, in order) in the view under
 * `roots`: the bounded step the in-page view and the reader page share (./highlights). Mentions
 * the view no longer shows get no mark and are not returned.
 */
export function markArticle(
  articleText: string,
  found: readonly Mention[],
  roots: readonly Element[],
): MarkedMention[] {
  const view = collectRoots(roots);
  const placed = placeMentions(articleText, found.slice(0, MAX_VIEW_MARKS), view);
  const made = wrapMentions(
    view,
    placed.map((p) => p.inView),
  );
  return placed.flatMap((p, i) => (made[i]!.length > 0 ? [{ mention: p.mention, marks: made[i]! }] : []));
}

/**
 * Where the marks are: each mark's [start, end) in the text of the root's text nodes joined in
 * document order. Adjacent pieces of one name (split by inline markup: one mark per piece) merge.
 */
export interface MarkSpan {
  start: number;
  end: number;
  text: string;
  listed: boolean;
  id: string;
}

export function markSpans(root: Element, selector: string): MarkSpan[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const offsets = new Map<Node, number>();
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    offsets.set(n, at);
    at += (n as Text).data.length;
  }
  const spans: MarkSpan[] = [];
  for (const mark of root.querySelectorAll(selector)) {
    const first = root.ownerDocument.createTreeWalker(mark, NodeFilter.SHOW_TEXT).nextNode();
    if (!first) continue;
    const start = offsets.get(first)!;
    const text = mark.textContent ?? '';
    const id = mark.getAttribute('data-entity-id') ?? '';
    const listed = mark.getAttribute('data-listed') !== 'false';
    const prev = spans[spans.length - 1];
    if (prev && prev.id === id && id !== '' && /^\s*$/.test(textBetween(offsets, root, prev.end, start))) {
      prev.end = start + text.length;
      prev.text += ' ' + text;
      continue;
    }
    spans.push({ start, end: start + text.length, text, listed, id });
  }
  return spans;
}

function textBetween(offsets: Map<Node, number>, _root: Element, from: number, to: number): string {
  if (to <= from) return '';
  let out = '';
  for (const [node, at] of offsets) {
    const data = (node as Text).data;
    if (at + data.length <= from || at >= to) continue;
    out += data.slice(Math.max(0, from - at), Math.min(data.length, to - at));
  }
  return out;
}

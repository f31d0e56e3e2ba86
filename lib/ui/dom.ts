/**
 * A small helper for building DOM with DOM calls (no HTML strings), shared by the extension pages
 * and the in-page view. Every string it is given (text, string children, attribute values) loses
 * its bidirectional controls (lib/text/bidi.ts) on the way in; elements showing a string that came
 * from a page or a file (a title, a name, a site) are also isolated with `dir: 'auto'`.
 */
import { stripBidiControls } from '@/lib/text/bidi';

export interface ElementOptions {
  className?: string;
  text?: string;
  testid?: string;
  /** Plain attributes (aria-*, type, title, for…), set with setAttribute. */
  attrs?: Record<string, string>;
  /** A string from a page or a file (title, name, site): isolated from the text around it (dir="auto"). */
  isolate?: boolean;
}

export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.testid) node.dataset.testid = options.testid;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, stripBidiControls(value));
  if (options.text !== undefined) node.textContent = stripBidiControls(options.text);
  if (options.isolate) node.dir = 'auto';
  for (const child of children)
    if (child !== null && child !== undefined && child !== false)
      node.append(typeof child === 'string' ? stripBidiControls(child) : child);
  return node;
}

/** A `<button type="button">` with a label and a click handler. */
export function button(
  doc: Document,
  label: string,
  onClick: (event: MouseEvent) => void,
  options: ElementOptions = {},
): HTMLButtonElement {
  const node = h(doc, 'button', { ...options, attrs: { type: 'button', ...options.attrs }, text: label });
  node.addEventListener('click', onClick);
  return node;
}

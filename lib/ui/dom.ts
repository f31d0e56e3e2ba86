/** A small helper for building DOM with DOM calls (no HTML strings), shared by the extension pages. */

export interface ElementOptions {
  className?: string;
  text?: string;
  testid?: string;
  /** Plain attributes (aria-*, type, title, for…), set with setAttribute. */
  attrs?: Record<string, string>;
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
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  if (options.text !== undefined) node.textContent = options.text;
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
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

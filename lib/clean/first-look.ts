/**
 * The cheap first look at a page (pipeline steps 1 and 4): which rule (the host's, a family's by
 * its markers, or the generic path: ./sites/choice.ts), and could this be an article at all — not
 * a listing URL of the host. It only reads
 * the live document and imports neither Readability nor DOMPurify. Of it, the background's
 * automatic cleaning (lib/background/auto-clean.ts) runs only notArticleUrl, which reads no DOM.
 */
import { pickRule, type SiteRule } from './sites';
import { chooseRule, type RuleChoice, type RulePreference } from './sites/choice';

/**
 * A document member read from the prototype chain: a page can shadow `document.querySelector`,
 * `.cloneNode`, `.body`, `.defaultView`… with named elements (`<img name="querySelector">`,
 * `<form name="body">`: DOM clobbering), which would stop the pipeline with a TypeError.
 */
export function member<
  K extends
    'querySelector' | 'querySelectorAll' | 'cloneNode' | 'defaultView' | 'getElementsByTagName' | 'createTreeWalker',
>(doc: Document, key: K): Document[K] {
  for (
    let proto: object | null = Object.getPrototypeOf(doc) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (desc?.get) return desc.get.call(doc) as Document[K];
    if (typeof desc?.value === 'function')
      return (desc.value as (...args: unknown[]) => unknown).bind(doc) as Document[K];
  }
  return doc[key];
}

/** Elements whose name (or, for object, id) becomes a property of the document (HTML § named properties). */
const NAMED_ELEMENTS = 'embed[name], form[name], iframe[name], img[name], object[name], object[id]';

/** Remove those names from the clone, so every later step sees an unclobbered document. */
export function defuseNamedElements(clone: Document): void {
  for (const el of Array.from(member(clone, 'querySelectorAll')(NAMED_ELEMENTS))) {
    el.removeAttribute('name');
    if (el.localName === 'object') el.removeAttribute('id');
  }
}

/** NodeFilter.SHOW_TEXT, written out: Node (the CLI, on a jsdom window) has no global NodeFilter. */
export const SHOW_TEXT = 0x4;

/** Whether `el` holds any non-blank text (without copying all of it, as textContent would). */
function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  while (walker.nextNode()) if (/\S/.test((walker.currentNode as Text).data)) return true;
  return false;
}

/** The first element `selector` matches on `doc`, when it holds text. */
function findWithText(doc: Document, selector: string): Element | null {
  const el = member(doc, 'querySelector')(selector);
  return el && hasText(el) ? el : null;
}

export function findContainer(doc: Document, rule: SiteRule): Element | null {
  for (const sel of rule.article) {
    const el = findWithText(doc, sel);
    if (el) return el;
  }
  return null;
}

/**
 * Why `url` cannot be an article (an invalid URL, a listing URL of its host), or null: an article
 * candidate. All the background needs to decide on automatic cleaning (lib/background/auto-clean.ts).
 */
export function notArticleUrl(url: string): string | null {
  const host = pickRule(url);
  let path: string;
  try {
    path = new URL(url).pathname + new URL(url).search;
  } catch {
    return 'invalid URL';
  }
  return host.listingUrl?.test(path) ? 'listing page' : null;
}

/** The rule choice for an article candidate, or why the page is not one (a listing URL of the host). */
export function articleCandidate(doc: Document, url: string, prefer?: RulePreference): RuleChoice | { reason: string } {
  const reason = notArticleUrl(url);
  if (reason) return { reason };
  return chooseRule(pickRule(url), (sel) => findWithText(doc, sel), prefer);
}

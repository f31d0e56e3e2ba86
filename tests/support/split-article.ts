/**
 * A realistic miss of a site's rule for *Not the whole article?* tests: the fixture article with
 * the second half of its body moved out of the rule's container into a sibling block (as CMSs do
 * around an in-article ad or a "read more" split). The host's rule then shows only the first half;
 * the generic path, reading the whole article, shows both. Served at the fixture's address with
 * "-tiep" before ".html".
 */
import { JSDOM } from 'jsdom';

export interface SplitPage {
  url: string;
  html: string;
  /** The text of the first paragraph moved out of the container. */
  firstMoved: string;
}

export function splitArticle(fixture: { url: string; html: string }, container = '.detail-content'): SplitPage {
  const dom = new JSDOM(fixture.html, { url: fixture.url });
  const doc = dom.window.document;
  const box = doc.querySelector(container);
  if (!box) throw new Error(`no ${container} in ${fixture.url}`);
  const paragraphs = Array.from(box.querySelectorAll(':scope > p')).filter(
    (p) => (p.textContent ?? '').trim().length > 40,
  );
  const moved = paragraphs.slice(Math.ceil(paragraphs.length / 2));
  const from = moved[0];
  if (!from) throw new Error(`too few paragraphs in ${fixture.url}`);
  // everything from the first moved paragraph on goes to the sibling block
  const rest = doc.createElement('div');
  rest.className = 'detail-body-more';
  const tail: ChildNode[] = [];
  for (let n: ChildNode | null = from; n; n = n.nextSibling) tail.push(n);
  rest.append(...tail);
  box.after(rest);
  return {
    url: fixture.url.replace(/\.html$/, '-tiep.html'),
    html: dom.serialize(),
    firstMoved: (from.textContent ?? '').replace(/\s+/g, ' ').trim(),
  };
}

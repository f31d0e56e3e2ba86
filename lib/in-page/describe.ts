/**
 * What the in-page view and toolbar show, told to the extension itself (message
 * describeInPageView, which only the extension's own contexts can send to a content script: web
 * pages cannot). Both live in closed shadow roots that no page script — and no automation
 * selector — can open; the end-to-end tests read them through this answer and press the controls
 * with real (trusted) mouse and key input at the boxes it reports. Read-only, except `reveal`,
 * which scrolls the first match into the middle of the viewport first.
 */
import type { InPageDescription, InPageElement, InPageQuery } from '@/lib/messaging';
import type { InPageState } from './main';

/** At most this many elements per answer (a subtree of a long article stays a bounded answer). */
const MAX_ELEMENTS = 20_000;

const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
};

function describeElement(el: Element, subtree: boolean): InPageElement {
  const attrs: Record<string, string> = {};
  for (const a of el.attributes) attrs[a.name] = a.value;
  const html = el as HTMLElement;
  const check = (el as { checkVisibility?: () => boolean }).checkVisibility;
  return {
    tag: el.localName,
    text: el.textContent ?? '',
    innerText: typeof html.innerText === 'string' ? html.innerText : (el.textContent ?? ''),
    label: html.dataset?.label ?? html.dataset?.text ?? el.textContent ?? '',
    attrs,
    rect: box(el),
    visible: check ? check.call(el) : !html.hidden,
    focused: (el.getRootNode() as ShadowRoot | Document).activeElement === el,
    cut: el.scrollWidth > el.clientWidth + 1, // drawn content (a label) wider than its box
    children: el.childElementCount,
    descendants: subtree
      ? [...el.querySelectorAll('*')].slice(0, MAX_ELEMENTS).map((d) => ({
          tag: d.localName,
          attrs: [...d.attributes].map((a) => [a.name, a.value] as [string, string]),
        }))
      : undefined,
  };
}

export function describeInPageView(doc: Document, state: InPageState, query: InPageQuery): InPageDescription {
  const root = query.part === 'view' ? state.view?.root : query.part === 'toolbar' ? state.toolbar?.root : undefined;
  let matches: Element[] = [];
  if (root && typeof query.selector === 'string') {
    try {
      matches = [...root.querySelectorAll(query.selector)].slice(0, MAX_ELEMENTS);
    } catch {
      matches = [];
    }
  }
  if (query.reveal && matches[0])
    matches[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  return {
    url: doc.location.href,
    shown: state.view?.shown ?? false,
    toolbar: state.toolbar
      ? {
          ready: state.toolbar.intent.ready(),
          lastRefusal: state.toolbar.intent.lastRefusal,
          box: box(state.toolbar.host),
        }
      : null,
    elements: matches.map((el) => describeElement(el, query.subtree === true)),
  };
}

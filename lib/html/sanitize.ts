/**
 * THE one DOMPurify configuration of the project, and the ONLY file allowed to turn
 * HTML strings into DOM or DOM into HTML strings (checked by ESLint: eslint.config.js).
 *
 * Page content reaches the archive, the reader page and the in-page view only through here.
 * Tracking pixels (lib/html/pixels.ts) do not get through.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { isTrackingPixel } from './pixels';

/** Tags an article body may keep: prose, lists, quotes, tables and figures. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'q',
  'cite',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'time',
  'span',
  'a',
  'figure',
  'figcaption',
  'img',
  'picture',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
];
/** Attributes: links, image sources, table geometry. No style, no class, no id, no on*. */
const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'datetime',
  'lang',
  'dir',
];
/**
 * Attributes that are not addresses. DOMPurify checks every attribute value it does not know to
 * be URI-safe against ALLOWED_URI_REGEXP, so without this list a strict regexp silently drops
 * width="640", colspan="2", lang="vi", dir="rtl" — and with them the size of every figure.
 */
const NOT_URI_ATTR = ['width', 'height', 'colspan', 'rowspan', 'datetime', 'lang', 'dir'];
/** http(s) and mailto only: no javascript:, data:, vbscript:, blob: or relative tricks. */
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:)/i;

export const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  ADD_URI_SAFE_ATTR: NOT_URI_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  FORBID_TAGS: [
    'style',
    'script',
    'iframe',
    'frame',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'svg',
    'math',
    'template',
    'noscript',
    'base',
    'meta',
    'link',
  ],
  SANITIZE_NAMED_PROPS: true, // DOM clobbering: id/name get a prefix (and we allow neither anyway)
  WHOLE_DOCUMENT: false,
};

const purifiers = new WeakMap<object, DOMPurify>();

/**
 * `win` as DOMPurify sees it, with an inert document of its own: DOMPurify reads
 * `document.implementation`, `.createElement`, `.createNodeIterator`… once, from `window.document`,
 * which in a content script is the PAGE's document, where `<img name="createElement">` shadows
 * them (DOM clobbering) and would stop every sanitisation on that page.
 */
function unclobberedWindow(win: Window): Window {
  const page = win.document;
  let implementation: DOMImplementation | undefined;
  for (
    let proto: object | null = Object.getPrototypeOf(page) as object | null;
    proto && !implementation;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    implementation = Object.getOwnPropertyDescriptor(proto, 'implementation')?.get?.call(page) as
      DOMImplementation | undefined;
  }
  const inert = (implementation ?? page.implementation).createHTMLDocument('');
  return new Proxy(win, { get: (target, key) => (key === 'document' ? inert : (Reflect.get(target, key) as unknown)) });
}

/** A DOMPurify bound to `win` (in Node, a jsdom window: on linkedom it returns input unsanitised). */
function purifierFor(win: Window): DOMPurify {
  let purify = purifiers.get(win);
  if (!purify) {
    purify = createDOMPurify(unclobberedWindow(win) as unknown as Parameters<typeof createDOMPurify>[0]);
    if (!purify.isSupported) throw new Error('DOMPurify is not supported in this environment');
    purify.addHook('afterSanitizeAttributes', (node) => {
      // DOMPurify lets data: URIs through on <img src> whatever ALLOWED_URI_REGEXP says: not here.
      if (node.hasAttribute('src') && !ALLOWED_URI_REGEXP.test(node.getAttribute('src') ?? ''))
        node.removeAttribute('src');
      if (node.nodeName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('rel', 'noopener noreferrer');
      }
      if (node.nodeName === 'IMG') {
        if (isTrackingPixel(node)) return void node.remove(); // lib/html/pixels.ts: read receipts, not photos
        node.setAttribute('loading', 'lazy');
        node.setAttribute('referrerpolicy', 'no-referrer');
      }
    });
    purifiers.set(win, purify);
  }
  return purify;
}

/** Sanitise an HTML string to an HTML string. */
export function sanitizeHtml(html: string, win: Window = globalThis.window): string {
  return purifierFor(win).sanitize(html, { ...PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}

/** Sanitise an HTML string straight into a DocumentFragment owned by `win.document`. */
export function sanitizeToFragment(html: string, win: Window = globalThis.window): DocumentFragment {
  return purifierFor(win).sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Serialise a (sanitised) node's children back to HTML — for storage and export. */
export function serializeChildren(node: Element | DocumentFragment): string {
  if ('innerHTML' in node) return node.innerHTML;
  const holder = node.ownerDocument.createElement('div');
  holder.append(node.cloneNode(true));
  return holder.innerHTML;
}

/** Parse a page's HTML (CLI, tests) into a Document of `win`'s realm without running it. */
export function parseHtmlDocument(html: string, win: Window): Document {
  const parser = new (win as Window & typeof globalThis).DOMParser();
  return parser.parseFromString(html, 'text/html');
}

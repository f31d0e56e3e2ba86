/**
 * The invariants every sanitised article body must satisfy, as ONE plain-JS function body so the
 * same check runs in Node (on a jsdom fragment) and inside a real browser page (page.evaluate of a
 * string: no bundler helpers, no closures). Returns a list of violations, empty when clean.
 *
 *  - no element outside the allowed set (script, iframe, svg, math, form, style, base, meta,
 *    template, noscript… all count as violations);
 *  - no attribute outside the allowed set (so no on*, style, id, name, class, srcdoc, formaction,
 *    xlink:href, srcset, data-*, ping…);
 *  - every href/src is http(s) or mailto.
 */
export const ALLOWED_TAGS = [
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
export const ALLOWED_ATTRS = [
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
  'rel',
  'loading',
  'referrerpolicy',
];

/** Body of `function (root, extraTags, extraAttrs)`; `root` is an Element or DocumentFragment. */
export const CHECK_BODY = `
  var tags = ${JSON.stringify(ALLOWED_TAGS)}.concat(extraTags || []);
  var attrs = ${JSON.stringify(ALLOWED_ATTRS)}.concat(extraAttrs || []);
  var out = [];
  var all = root.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var tag = el.localName;
    if (tags.indexOf(tag) < 0) out.push('element <' + tag + '>');
    for (var j = 0; j < el.attributes.length; j++) {
      var a = el.attributes[j];
      var name = a.name.toLowerCase();
      if (/^on/.test(name)) out.push('handler ' + name + ' on <' + tag + '>');
      else if (name === 'is' && a.value === '') continue; // DOMPurify blanks "is" rather than remove it (string output)
      else if (attrs.indexOf(name) < 0) out.push('attribute ' + name + ' on <' + tag + '>');
      if ((name === 'href' || name === 'src') && !/^(?:https?:|mailto:)/i.test(a.value.trim())) out.push(name + '=' + a.value.slice(0, 40) + ' on <' + tag + '>');
    }
  }
  return out;
`;

export type CheckFn = (root: Element | DocumentFragment, extraTags?: string[], extraAttrs?: string[]) => string[];

// eslint-disable-next-line no-new-func -- the same source runs in the browser (page.evaluate of a string)
export const checkHtml = new Function('root', 'extraTags', 'extraAttrs', CHECK_BODY) as CheckFn;

/** An expression for page.evaluate: violations under every element matching `selector` (shadow roots of `host` first). */
export function checkInPageExpression(
  selector: string,
  options: { shadowHost?: string; extraTags?: string[]; extraAttrs?: string[] } = {},
): string {
  // Document.prototype.querySelector: the hostile page may clobber document.querySelector in the main world
  const scope = options.shadowHost
    ? `(Document.prototype.querySelector.call(document, ${JSON.stringify(options.shadowHost)}) || {}).shadowRoot`
    : 'document';
  return `(function () {
    var check = function (root, extraTags, extraAttrs) { ${CHECK_BODY} };
    var scope = ${scope};
    if (!scope) return ['no scope ' + ${JSON.stringify(options.shadowHost ?? 'document')}];
    var roots = (scope === document ? Document.prototype.querySelectorAll : scope.querySelectorAll).call(scope, ${JSON.stringify(selector)});
    if (roots.length === 0) return ['nothing matches ' + ${JSON.stringify(selector)}];
    var out = [];
    for (var i = 0; i < roots.length; i++) out = out.concat(check(roots[i], ${JSON.stringify(options.extraTags ?? [])}, ${JSON.stringify(options.extraAttrs ?? [])}));
    return out;
  })()`;
}

/**
 * Markup that must never appear in stored or exported HTML. Tag openings only: a literal "<" in
 * text is serialised as "&lt;", so "<script" in serialised HTML is always a real element, while
 * words like "onerror=" may legitimately survive as escaped TEXT (checkHtml covers attributes).
 */
export const DANGEROUS_TAGS =
  /<(?:script|iframe|frame|frameset|object|embed|svg|math|form|input|button|style|base|meta|link|template|noscript)\b/i;

/**
 * The same check on elements the extension described (describeInPageView with `subtree`: the
 * in-page view's closed shadow root cannot be queried from the page), each as its tag and attributes.
 */
export function checkDescribed(
  elements: readonly { tag: string; attrs: readonly [string, string][] }[],
  options: { extraTags?: string[]; extraAttrs?: string[] } = {},
): string[] {
  const root = {
    querySelectorAll: () =>
      elements.map((e) => ({ localName: e.tag, attributes: e.attrs.map(([name, value]) => ({ name, value })) })),
  };
  return checkHtml(root as unknown as Element, options.extraTags, options.extraAttrs);
}

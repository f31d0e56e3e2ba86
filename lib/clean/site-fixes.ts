/**
 * Fixes the user makes for one site, remembered and applied by the pipeline to every later
 * article of that site (issue 12.5). Pure: selectors in, selectors out; storage lives in
 * lib/settings/site-fixes.ts and never leaves the browser.
 *
 * A picked block is remembered as a selector computed from its place in the ORIGINAL page's
 * article container: a tag.class path from the container down to the block, each step made
 * unique among its siblings only by template facts (its classes, or being the first/last child),
 * never by an nth-child index into this article's text. A block that only an index could single
 * out (the fourth plain <p>) is not remembered: it would remove a different paragraph of the next
 * article.
 */

export interface SiteFix {
  /** Selectors (matched on the page before narrowing to the container) whose elements go. */
  remove: string[];
  /** A custom article container selector, tried before the rule's own. */
  container?: string;
}

export type SiteFixes = Record<string, SiteFix>;

export const EMPTY_FIX: SiteFix = { remove: [] };

/** Classes a template uses, not ids or generated hashes ("item-468812", "css-1x2y3z"). */
const TEMPLATE_CLASS = /^[a-zA-Z_][\w-]*$/;
const GENERATED = /\d{3,}|^css-|^sc-|^jsx-/;

function step(el: Element): string {
  const classes = Array.from(el.classList).filter((c) => TEMPLATE_CLASS.test(c) && !GENERATED.test(c));
  return el.localName + classes.map((c) => `.${c}`).join('');
}

function matchesStep(el: Element, sel: string): boolean {
  try {
    return el.matches(sel);
  } catch {
    return false;
  }
}

/** The step of `el` made unique among its siblings by template facts, or null. */
function uniqueStep(el: Element): string | null {
  const base = step(el);
  const parent = el.parentElement;
  if (!parent) return base;
  const alike = Array.from(parent.children).filter((c) => matchesStep(c, base));
  if (alike.length === 1) return base;
  if (parent.firstElementChild === el) return `${base}:first-child`;
  if (parent.lastElementChild === el) return `${base}:last-child`;
  return null;
}

/**
 * The selector that removes `block` (an element inside `container` of the original page) on
 * this page and on the next article of the same template; null when no template selector singles
 * it out.
 */
export function selectorFor(block: Element, container: Element): string | null {
  if (block === container || !container.contains(block)) return null;
  const steps: string[] = [];
  for (let el: Element | null = block; el && el !== container; el = el.parentElement) {
    const s = uniqueStep(el);
    if (!s) return null;
    steps.unshift(s);
  }
  const anchor = step(container);
  const selector = [anchor, ...steps].join(' > ');
  const root = container.ownerDocument;
  let matched: Element[];
  try {
    matched = Array.from(root.querySelectorAll(selector));
  } catch {
    return null;
  }
  return matched.length === 1 && matched[0] === block ? selector : null;
}

/** Comparable text of an element: whitespace collapsed. */
const textOf = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The element of the original page's container that a block of the clean view came from (the
 * view drops classes, so it is found by its text, or by its image for a figure); null when none.
 */
export function originalOf(block: Element, container: Element): Element | null {
  const img = block.localName === 'img' ? block : block.querySelector('img');
  const src = img?.getAttribute('src');
  const text = textOf(block);
  const candidates = Array.from(container.querySelectorAll(block.localName));
  const found = candidates.find((el) => {
    if (src) {
      const own = el.localName === 'img' ? el : el.querySelector('img');
      const ownSrc = own?.getAttribute('src') ?? own?.getAttribute('data-src');
      return ownSrc === src && textOf(el) === text;
    }
    return text !== '' && textOf(el) === text;
  });
  return found ?? null;
}

/** Add a remembered selector to a site's fix (no duplicates). */
export function withRemoved(fix: SiteFix | undefined, selector: string): SiteFix {
  const base = fix ?? EMPTY_FIX;
  return base.remove.includes(selector) ? base : { ...base, remove: [...base.remove, selector] };
}

/** Undo: forget a remembered selector. */
export function withoutRemoved(fix: SiteFix | undefined, selector: string): SiteFix {
  const base = fix ?? EMPTY_FIX;
  return { ...base, remove: base.remove.filter((s) => s !== selector) };
}

/**
 * An imported file's fixes merged into the local ones, per site: the blocks removed on either side
 * are all kept (the local ones first), and the file's custom container wins where it has one (it
 * is the newer choice the user carried over). Nothing the user fixed here is lost by an import.
 */
export function mergeFixes(local: SiteFixes, imported: SiteFixes): SiteFixes {
  const merged: SiteFixes = { ...local };
  for (const [host, fix] of Object.entries(imported)) {
    const mine = local[host];
    const remove = [...(mine?.remove ?? []), ...fix.remove.filter((s) => !mine?.remove.includes(s))];
    const container = fix.container ?? mine?.container;
    merged[host] = container === undefined ? { remove } : { remove, container };
  }
  return merged;
}

/** The fix for a host (its own entry, else its parent domain's: "m.antv.gov.vn" → "antv.gov.vn"). */
export function fixFor(fixes: SiteFixes, hostname: string): SiteFix | undefined {
  let h = hostname.toLowerCase().replace(/^www\./, '');
  for (;;) {
    if (fixes[h]) return fixes[h];
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

/** Elements a selector matches, none (not a throw) when the user's selector is invalid. */
export function safeAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Remove what the fix's selectors match under `root`; returns how many elements went. */
export function applyRemovals(root: ParentNode, fix: SiteFix): number {
  let n = 0;
  for (const sel of fix.remove) {
    for (const el of safeAll(root, sel)) {
      if (!el.isConnected) continue;
      el.remove();
      n++;
    }
  }
  return n;
}

/** Is this stored value a well-formed SiteFixes (for import)? */
export function isSiteFixes(value: unknown): value is SiteFixes {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value as Record<string, unknown>).every((fix) => {
    if (typeof fix !== 'object' || fix === null) return false;
    const f = fix as Record<string, unknown>;
    const removeOk = Array.isArray(f.remove) && f.remove.every((s) => typeof s === 'string' && s.length <= 500);
    const containerOk = f.container === undefined || (typeof f.container === 'string' && f.container.length <= 500);
    return removeOk && containerOk;
  });
}

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
 *
 * A site's fix also holds the user's custom rule (options: a container and selectors to remove,
 * the same `container` and `remove`) and the candidate chosen with *Not the whole article?*
 * (`prefer`, ./candidates.ts).
 */

export interface SiteFix {
  /** Selectors (matched on the page before narrowing to the container) whose elements go. */
  remove: string[];
  /** A custom article container selector, tried before the rule's own. */
  container?: string;
  /** The candidate the user chose with *Not the whole article?* (absent: the usual choice). */
  prefer?: Candidate;
}

/**
 * The page's other candidates (*Not the whole article?*): a CMS family's rule, the generic path,
 * or the whole container the rule found (nothing left out by Readability).
 */
export type Candidate = 'family' | 'generic' | 'container';
export const CANDIDATES: readonly Candidate[] = ['family', 'generic', 'container'];
const isCandidate = (v: unknown): v is Candidate => CANDIDATES.some((c) => c === v);

/** Selectors and the custom container are at most this long (a stored or imported value). */
const MAX_SELECTOR = 500;
/** At most this many selectors to remove per site (as the archive schema says). */
const MAX_REMOVE = 200;

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
    const prefer = fix.prefer ?? mine?.prefer;
    merged[host] = {
      remove,
      ...(container === undefined ? {} : { container }),
      ...(prefer === undefined ? {} : { prefer }),
    };
  }
  return merged;
}

/** The fix with the candidate chosen with *Not the whole article?* (undefined: back to the usual one). */
export function withPrefer(fix: SiteFix | undefined, prefer: Candidate | undefined): SiteFix {
  const { prefer: _old, ...rest } = fix ?? EMPTY_FIX;
  return prefer === undefined ? rest : { ...rest, prefer };
}

/**
 * The custom rule of the options page set on a site's fix: its container (empty: none) and the
 * selectors to remove (blank lines and duplicates dropped). The candidate choice is kept.
 */
export function withCustomRule(fix: SiteFix | undefined, container: string, remove: readonly string[]): SiteFix {
  const { container: _old, ...rest } = fix ?? EMPTY_FIX;
  const c = container.trim();
  const list = [...new Set(remove.map((r) => r.trim()).filter((r) => r !== ''))].slice(0, MAX_REMOVE);
  return { ...rest, remove: list, ...(c === '' ? {} : { container: c }) };
}

/** How many elements a selector matches in `root`; null when the selector is invalid (never a throw). */
export function countMatches(root: ParentNode, selector: string): number | null {
  try {
    return root.querySelectorAll(selector).length;
  } catch {
    return null;
  }
}

/**
 * Storage v1 → v2 (lib/settings/site-fixes.ts): v2 adds `prefer`. A v1 value is kept site by
 * site, each made well-formed on the way (what an older build or a hand-edited storage could
 * hold): selectors trimmed, blank, over-long and duplicate ones dropped, an empty container
 * dropped, a site left with nothing to do dropped, anything not a fix skipped.
 */
export function migrateV1ToV2(old: unknown): SiteFixes {
  const out: SiteFixes = {};
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return out;
  for (const [host, value] of Object.entries(old as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    const selectors = Array.isArray(v.remove) ? v.remove.filter((s): s is string => typeof s === 'string') : [];
    const container = typeof v.container === 'string' && v.container.length <= MAX_SELECTOR ? v.container : '';
    const fix = withCustomRule(
      undefined,
      container,
      selectors.filter((s) => s.length <= MAX_SELECTOR),
    );
    if (fix.remove.length > 0 || fix.container !== undefined) out[host] = fix;
  }
  return out;
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
    const removeOk =
      Array.isArray(f.remove) && f.remove.every((s) => typeof s === 'string' && s.length <= MAX_SELECTOR);
    const containerOk =
      f.container === undefined || (typeof f.container === 'string' && f.container.length <= MAX_SELECTOR);
    const preferOk = f.prefer === undefined || isCandidate(f.prefer);
    return removeOk && containerOk && preferOk;
  });
}

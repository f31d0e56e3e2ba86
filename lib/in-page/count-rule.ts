/**
 * The live count of the options page's custom rule (issue 12.5), in the tab: how many elements of
 * the ORIGINAL page the rule's container and each selector to remove match — the page as the
 * pipeline reads it, without the extension's own view, toolbar and style. An invalid selector is
 * reported as such (null), never thrown.
 */
import { countMatches } from '@/lib/clean/site-fixes';
import type { CustomRuleCounts, CustomRuleQuery, SelectorCount } from '@/lib/messaging';
import { TOOLBAR_TAG, VIEW_TAG } from './clean-view';

const OURS = `${VIEW_TAG}, ${TOOLBAR_TAG}, style[data-vietlao]`;
/** As stored (lib/clean/site-fixes.ts): longer selectors or more of them are not counted. */
const MAX_SELECTOR = 500;
const MAX_SELECTORS = 200;

function countOne(doc: Document, selector: string): SelectorCount {
  const n = countMatches(doc, selector);
  if (n === null || n === 0) return { selector, count: n };
  const ours = Array.from(doc.querySelectorAll(selector)).filter((el) => el.closest(OURS) !== null).length;
  return { selector, count: n - ours };
}

/** Is this a query the background may send (strings of a stored selector's size)? */
export function isRuleQuery(value: unknown): value is CustomRuleQuery {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  const ok = (s: unknown): s is string => typeof s === 'string' && s.length <= MAX_SELECTOR;
  return ok(q.container) && Array.isArray(q.remove) && q.remove.length <= MAX_SELECTORS && q.remove.every(ok);
}

export function countRule(doc: Document, query: unknown): CustomRuleCounts {
  if (!isRuleQuery(query)) return { ok: false, code: 'invalid' };
  const container = query.container.trim();
  return {
    ok: true,
    url: doc.location.href,
    container: container === '' ? null : countOne(doc, container),
    remove: query.remove
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => countOne(doc, s)),
  };
}

/**
 * Which rule cleans a page (pipeline step 1), in this order:
 *  1. the host's own rule, when its article container is on the page;
 *  2. otherwise a CMS family whose `markers` match the page (a redesign onto a sister template,
 *     an outlet of the family the project has no host rule for): the family with the most
 *     matching markers, whose container is there too;
 *  3. otherwise the generic path.
 * A missed container never makes a page "no article": only what makes it not an article does
 * (a listing URL, no headline, too little text, mostly links — lib/clean/pipeline.ts).
 *
 * A fallback keeps what the host's rule knows beyond its container: its site name, title suffix,
 * dates never to use, boilerplate to drop, and — on the generic path — its headline, lead, date
 * and byline selectors ahead of the generic ones (a redesign renames the body more often than the
 * headline).
 */
import type { RuleFallback } from '../../article';
import { generic } from './generic';
import { SITE_RULES } from './index';
import type { SiteRule } from './rule';

export interface RuleChoice {
  /** The rule the pipeline runs: the chosen rule with the host rule's hints folded in. */
  rule: SiteRule;
  /** The chosen rule's id ("mastercms", "generic"…). */
  id: string;
  /** null: the host's own rule (or, on a host without one, the generic rule as such). */
  fallback: RuleFallback;
}

/** The CMS family rules: those with markers, in SITE_RULES order. */
export const FAMILY_RULES: readonly SiteRule[] = SITE_RULES.filter((rule) => (rule.markers?.length ?? 0) > 0);

/** `find(selector)`: the first element the selector matches that holds text, or null. */
type Find = (selector: string) => Element | null;

const hasContainer = (rule: SiteRule, find: Find): boolean => rule.article.some((sel) => find(sel) !== null);

/** The family rule, or generic, carrying the host rule's hints (see the header). */
function onHost(rule: SiteRule, host: SiteRule): SiteRule {
  if (host === generic) return rule;
  const hostFirst = rule === generic;
  const both = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  const meta = (key: 'title' | 'lead' | 'date' | 'byline'): string[] =>
    hostFirst ? both(host[key], rule[key]) : [...rule[key]];
  return {
    ...rule,
    siteName: host.siteName ?? rule.siteName,
    titleSuffix: host.titleSuffix ?? rule.titleSuffix,
    title: meta('title'),
    lead: meta('lead'),
    date: meta('date'),
    byline: meta('byline'),
    remove: both(rule.remove, host.remove),
    notDate: both(rule.notDate ?? [], host.notDate ?? []),
    prepare: rule.prepare ?? host.prepare,
  };
}

/** The rule for a page whose host rule is `host` (generic for a host without one). */
export function chooseRule(host: SiteRule, find: Find): RuleChoice {
  if (host !== generic && hasContainer(host, find)) return { rule: host, id: host.id, fallback: null };
  let best: { rule: SiteRule; matched: number } | null = null;
  for (const family of FAMILY_RULES) {
    if (family === host) continue;
    const matched = (family.markers ?? []).filter((sel) => find(sel) !== null).length;
    if (matched > (best?.matched ?? 0) && hasContainer(family, find)) best = { rule: family, matched };
  }
  if (best) return { rule: onHost(best.rule, host), id: best.rule.id, fallback: 'family' };
  return { rule: onHost(generic, host), id: generic.id, fallback: host === generic ? null : 'generic' };
}

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

/**
 * On the generic fallback, a generic container selector is trusted only when what it finds first
 * holds an article's paragraphs: on a news site the first `<article>` is as often a teaser of
 * "Tin mới nhất" as the article itself. Without one, the generic path reads the whole body.
 */
const MIN_CONTAINER_PARAGRAPHS = 3;

const hasContainer = (rule: SiteRule, find: Find): boolean => rule.article.some((sel) => find(sel) !== null);

/** The family rule, or generic, carrying the host rule's hints (see the header). */
function onHost(rule: SiteRule, host: SiteRule, find: Find): SiteRule {
  if (host === generic) return { ...rule, siteName: undefined }; // the family's names are its own hosts'
  const hostFirst = rule === generic;
  const both = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  const meta = (key: 'title' | 'lead' | 'date' | 'byline'): string[] =>
    hostFirst ? both(host[key], rule[key]) : [...rule[key]];
  const article = hostFirst
    ? rule.article.filter((sel) => (find(sel)?.querySelectorAll('p').length ?? 0) >= MIN_CONTAINER_PARAGRAPHS)
    : rule.article;
  return {
    ...rule,
    article,
    siteName: host.siteName,
    titleSuffix: host.titleSuffix ?? rule.titleSuffix,
    title: meta('title'),
    lead: meta('lead'),
    date: meta('date'),
    byline: meta('byline'),
    // on the generic path the host's date line goes too (it was read first): no container leaves it out
    remove: both(rule.remove, hostFirst ? [...host.remove, ...host.date] : host.remove),
    notDate: both(rule.notDate ?? [], host.notDate ?? []),
    prepare: rule.prepare ?? host.prepare,
  };
}

/** The family whose markers match the page best (and whose container is there), other than `host`. */
function bestFamily(host: SiteRule, find: Find): SiteRule | null {
  let best: { rule: SiteRule; matched: number } | null = null;
  for (const family of FAMILY_RULES) {
    if (family === host) continue;
    const matched = (family.markers ?? []).filter((sel) => find(sel) !== null).length;
    if (matched > (best?.matched ?? 0) && hasContainer(family, find)) best = { rule: family, matched };
  }
  return best?.rule ?? null;
}

/**
 * Which rule the user asked for on this site (*Not the whole article?*, lib/clean/candidates.ts):
 * 'family' or 'generic' skip the rules ahead of them. A family wanted where none matches the page
 * falls back to the usual order.
 */
export type RulePreference = 'family' | 'generic';

/** The rule for a page whose host rule is `host` (generic for a host without one). */
export function chooseRule(host: SiteRule, find: Find, prefer?: RulePreference): RuleChoice {
  const genericChoice = (): RuleChoice => ({
    rule: onHost(generic, host, find),
    id: generic.id,
    fallback: host === generic ? null : 'generic',
  });
  if (prefer === 'generic') return genericChoice();
  if (prefer !== 'family' && host !== generic && hasContainer(host, find))
    return { rule: host, id: host.id, fallback: null };
  const family = bestFamily(host, find);
  if (family) return { rule: onHost(family, host, find), id: family.id, fallback: 'family' };
  if (prefer === 'family' && host !== generic && hasContainer(host, find))
    return { rule: host, id: host.id, fallback: null };
  return genericChoice();
}

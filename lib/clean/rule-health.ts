/**
 * Rule health, local only (issue 12.6): for each site, whether its own rule cleaned each of the
 * last articles or fell back (to a CMS family or the generic path), and a report the user can
 * copy to write a new fixture — the URL, the rule, which of its selectors matched, and the page's
 * tag/class skeleton with no text at all. Pure; storage in lib/settings/rule-health.ts.
 */
import type { CleanedBy } from '@/lib/article';
import type { SiteRule } from './sites/rule';

/** How many of a site's latest articles are kept. */
export const HEALTH_WINDOW = 10;
/** A report longer than this is cut (a skeleton of a huge page): local storage stays small. */
export const MAX_REPORT_CHARS = 100_000;

export interface HealthEntry {
  url: string;
  rule: string;
  fallback: CleanedBy['fallback'];
  /** The copyable report (healthReport), kept on the latest missed article of the site only. */
  report?: string;
}

export type RuleHealth = Record<string, HealthEntry[]>;

/** The health after one more cleaned article of `host` (the last HEALTH_WINDOW kept, newest last). */
export function recordOutcome(
  health: RuleHealth,
  host: string,
  url: string,
  by: CleanedBy,
  report?: string,
): RuleHealth {
  let entries = (health[host] ?? []).filter((e) => e.url !== url); // the same article read again counts once
  if (report !== undefined && by.fallback !== null) entries = entries.map(({ report: _old, ...e }) => e);
  const entry: HealthEntry = { url, rule: by.id, fallback: by.fallback };
  if (report !== undefined && by.fallback !== null) entry.report = report.slice(0, MAX_REPORT_CHARS);
  return { ...health, [host]: [...entries, entry].slice(-HEALTH_WINDOW) };
}

export interface HealthSummary {
  host: string;
  missed: number;
  of: number;
  /** The path that cleaned most of the missed articles. */
  path: 'family' | 'generic';
  /** The latest missed article. */
  last: HealthEntry;
}

/** Sites whose own rule missed at least once in their window, worst first. */
export function unhealthy(health: RuleHealth): HealthSummary[] {
  const out: HealthSummary[] = [];
  for (const [host, entries] of Object.entries(health)) {
    const missed = entries.filter((e) => e.fallback !== null);
    if (missed.length === 0) continue;
    const generic = missed.filter((e) => e.fallback === 'generic').length;
    out.push({
      host,
      missed: missed.length,
      of: entries.length,
      path: generic * 2 >= missed.length ? 'generic' : 'family',
      last: missed[missed.length - 1]!,
    });
  }
  return out.sort((a, b) => b.missed - a.missed || a.host.localeCompare(b.host));
}

/** The page's tag/class skeleton: one line per element, indented by depth, no text, no attributes but class. */
export function skeleton(root: Element, maxLines = 2000): string {
  const lines: string[] = [];
  const walk = (el: Element, depth: number): void => {
    if (lines.length >= maxLines) return;
    if (['script', 'style', 'noscript', 'template', 'svg'].includes(el.localName)) return;
    const classes = Array.from(el.classList)
      .filter((c) => /^[\w-]+$/.test(c))
      .map((c) => `.${c}`)
      .join('');
    lines.push(`${'  '.repeat(depth)}${el.localName}${el.id && /^[\w-]+$/.test(el.id) ? `#${el.id}` : ''}${classes}`);
    for (const child of Array.from(el.children)) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines.join('\n');
}

/** Which of a rule's selectors match on the page, by kind. */
export function matchedSelectors(doc: Document, rule: SiteRule): Record<string, string[]> {
  const matches = (sel: string): boolean => {
    try {
      return doc.querySelector(sel) !== null;
    } catch {
      return false;
    }
  };
  const kinds = {
    article: rule.article,
    title: rule.title,
    lead: rule.lead,
    date: rule.date,
    byline: rule.byline,
    markers: rule.markers ?? [],
  };
  return Object.fromEntries(Object.entries(kinds).map(([kind, sels]) => [kind, sels.filter(matches)]));
}

/** The report to copy: enough to write a new fixture, nothing private (no text of the page). */
export function healthReport(doc: Document, url: string, rule: SiteRule, by: CleanedBy): string {
  const matched = matchedSelectors(doc, rule);
  return [
    `URL: ${url}`,
    `Rule: ${rule.id} (cleaned by ${by.id}${by.fallback ? `, fallback: ${by.fallback}` : ''})`,
    'Selectors of the site rule that matched:',
    ...Object.entries(matched).map(([kind, sels]) => `  ${kind}: ${sels.length ? sels.join(' | ') : '(none)'}`),
    'Skeleton:',
    doc.body ? skeleton(doc.body) : '(no body)',
  ].join('\n');
}

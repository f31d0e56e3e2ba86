/**
 * The options page's live count of a custom rule (issue 12.5): the background finds the site's
 * most recently used tab (among those the extension may read: the supported sites and the ones the
 * user added) and asks the in-page view there (lib/in-page/count-rule.ts). Nothing leaves the browser.
 */
import { browser, type Browser } from 'wxt/browser';
import { onMessage, sendMessage, type CustomRuleCounts, type CustomRuleQuery } from '@/lib/messaging';
import { normalizeHostInput, originsFor } from '@/lib/settings/sites';
import { isRuleQuery } from '@/lib/in-page/count-rule';

/** The site's tabs, the most recently used first. */
async function siteTabs(host: string): Promise<Browser.tabs.Tab[]> {
  const tabs = await browser.tabs.query({ url: originsFor(host) }).catch(() => []);
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0) || (b.id ?? 0) - (a.id ?? 0));
}

export async function countInSiteTab(site: string, query: CustomRuleQuery): Promise<CustomRuleCounts> {
  const host = normalizeHostInput(site);
  if (!host) return { ok: false, code: 'no-tab' };
  for (const tab of await siteTabs(host)) {
    if (tab.id === undefined) continue;
    // a tab whose in-page view is not running (a listing page, not yet loaded) does not answer
    const answer = await sendMessage('countInPage', query, tab.id).catch(() => null);
    if (answer?.ok) return answer;
  }
  return { ok: false, code: 'no-tab' };
}

export function registerCustomRuleMessages(allowed: (sender: Browser.runtime.MessageSender) => boolean): void {
  onMessage('countCustomRule', ({ data, sender }) => {
    if (!allowed(sender) || typeof data?.site !== 'string' || !isRuleQuery(data)) return { ok: false, code: 'invalid' };
    return countInSiteTab(data.site, { container: data.container, remove: data.remove });
  });
}

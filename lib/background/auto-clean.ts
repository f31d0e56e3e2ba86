/**
 * Automatic cleaning of the supported news sites, decided in the background (issue 16.4): no
 * script of ours runs in a page of those sites until its address is an article candidate.
 *
 * Until 2026-12 a small declared content script took the first look on every page (home pages and
 * category listings too) and asked for the in-page view; even an empty declared script costs a
 * page its isolated world (2–6 ms of main thread on this machine, against a goal of ≤ 2 ms), so the
 * first look moved here. It needs only the address (lib/clean/first-look.ts notArticleUrl reads no
 * DOM), which `tabs.onUpdated` gives for exactly the hosts the manifest holds permission for — no
 * `tabs` or `webNavigation` permission, so no new install warning.
 *
 * When:
 *  1. the tab's address changes (`change.url`: a navigation committed, so the injection reaches
 *     the new document, and runs at its document_idle as the declared script did);
 *  2. the load completed (`status: 'complete'`) and step 1 did not inject for this address: a
 *     reload (its address does not change) or a navigation whose commit came unannounced. Later
 *     than step 1, never missed.
 *  3. when the background starts, on the open tabs of the news sites: tabs opened before the
 *     extension was installed, updated or enabled, and navigations that came before its listener.
 * The in-page view guards itself against a second injection in the same document
 * (lib/in-page/main.ts startInPageView), and a document that already runs it (restored from the
 * back-forward cache, a same-document navigation) answers getPageState, so it is not injected twice.
 */
import { browser } from 'wxt/browser';
import { notArticleUrl } from '@/lib/clean/first-look';
import { isSupportedUrl, SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';
import { autoCleans, siteSettings, type SiteSettings } from '@/lib/settings/sites';
import { inject, runsInPageView } from './on-demand';

/**
 * Whether a page at `url` gets the in-page view without being asked: a supported news site (the
 * manifest's hosts; the user's added sites have their own registered script), not a listing or
 * invalid address, and not a site the user switched off.
 */
export function autoCleanTarget(url: string, settings: SiteSettings): boolean {
  if (!isSupportedUrl(url) || notArticleUrl(url) !== null) return false;
  return autoCleans(new URL(url).hostname, settings);
}

/** The address each tab was last injected for by step 1 (so step 2 does not do it again). */
const injectedFor = new Map<number, string>();

async function consider(tabId: number, url: string): Promise<void> {
  const settings = await siteSettings.getValue().catch((): SiteSettings => ({ disabled: [], added: [] }));
  if (!autoCleanTarget(url, settings)) return;
  if (await runsInPageView(tabId)) return;
  injectedFor.set(tabId, url);
  // a tab closed or navigated away meanwhile, an error page: nothing to clean there
  await inject(tabId).catch(() => injectedFor.delete(tabId));
}

/** Listen to the tabs' navigations (call once, from the background's start). */
export function startAutoClean(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined) {
      injectedFor.delete(tabId);
      void consider(tabId, change.url);
    } else if (change.status === 'loading') {
      injectedFor.delete(tabId); // a reload: the document is new, its address is not
    } else if (change.status === 'complete' && tab.url && injectedFor.get(tabId) !== tab.url) {
      void consider(tabId, tab.url);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => injectedFor.delete(tabId));
  void browser.tabs
    .query({ url: [...SUPPORTED_HOST_PATTERNS] })
    .then((tabs) => {
      for (const tab of tabs)
        if (tab.id !== undefined && tab.url && !injectedFor.has(tab.id)) void consider(tab.id, tab.url);
    })
    .catch(() => undefined);
}

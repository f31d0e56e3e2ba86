/**
 * Automatic cleaning decided in the background (lib/background/auto-clean.ts, issue 16.4): from the
 * address alone, on the real fixture pages, an article candidate of a supported site gets the
 * in-page view injected and a listing page gets nothing; a site switched off, another host, a
 * document already running the view get nothing; a reload (no address change) is injected once
 * its load completes, and a navigation is not injected a second time at its 'complete'; at start,
 * the tabs already open are looked at the same way.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { autoCleanTarget, startAutoClean } from '@/lib/background/auto-clean';
import { isSupportedHost } from '@/lib/clean/sites/hosts';
import { siteSettings } from '@/lib/settings/sites';
import { loadFixtures } from '../../support/fixture-server';

const NONE = { disabled: [], added: [] };
const fixtures = loadFixtures().filter((f) => isSupportedHost(new URL(f.url).hostname));
const article = fixtures.find((f) => f.expected.isArticle)!;
const listing = fixtures.find((f) => !f.expected.isArticle && /listing|home|chuyen-muc|trang-chu/.test(f.folder))!;

describe('autoCleanTarget', () => {
  it.each(fixtures.map((f) => [f.folder, f] as const))('%s: injected exactly when it is an article', (_, f) => {
    expect(autoCleanTarget(f.url, NONE)).toBe(f.expected.isArticle);
  });

  it('not on a site the user switched off, another host, or an address with credentials', () => {
    const host = new URL(article.url).hostname.replace(/^www\./, '');
    expect(autoCleanTarget(article.url, { disabled: [host], added: [] })).toBe(false);
    expect(autoCleanTarget('https://example.com/tin-tuc/hop-tac-viet-lao-123.html', NONE)).toBe(false);
    expect(autoCleanTarget(article.url.replace('://', '://user:pw@'), NONE)).toBe(false);
    expect(autoCleanTarget('not a url', NONE)).toBe(false);
  });
});

describe('the navigation listener', () => {
  let injected: number[];
  let running: Set<number>;
  const start = () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
    startAutoClean();
  };
  const update = async (tabId: number, change: { url?: string; status?: string }, url: string) => {
    await fakeBrowser.tabs.onUpdated.trigger(tabId, change as never, { id: tabId, url } as never);
    await new Promise((r) => setTimeout(r, 20)); // the listener's storage read and page-state question
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    injected = [];
    running = new Set();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async ({ target, files }) => {
      expect(files).toEqual(['/content-scripts/clean-view.js']);
      injected.push(target.tabId);
      running.add(target.tabId);
      return [];
    });
    // getPageState as @webext-core/messaging sends it (chrome.tabs.sendMessage with a callback):
    // the in-page view answers in its wire format; a document without it leaves no answer
    const tabs = (globalThis as unknown as { chrome: { tabs: { sendMessage: unknown } } }).chrome.tabs;
    vi.spyOn(tabs as { sendMessage: (...a: unknown[]) => void }, 'sendMessage').mockImplementation((...args) => {
      const [tabId, , , reply] = args as [number, unknown, unknown, (r: unknown) => void];
      reply(running.has(tabId) ? { res: { cleaned: true } } : undefined);
    });
    await siteSettings.setValue(NONE);
  });

  it('at start, the open tabs of the news sites: articles injected, listings and others not', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 7, url: article.url },
      { id: 8, url: listing.url },
      { id: 9 },
    ] as never);
    startAutoClean();
    await new Promise((r) => setTimeout(r, 20));
    expect(injected).toEqual([7]);
  });

  it('an article address is injected once, at its commit, not again at its complete', async () => {
    start();
    await update(1, { status: 'loading', url: article.url }, article.url);
    expect(injected).toEqual([1]);
    running.delete(1); // the view has not answered yet: still not injected twice
    await update(1, { status: 'complete' }, article.url);
    expect(injected).toEqual([1]);
  });

  it('a listing page gets nothing, at its commit or its complete', async () => {
    start();
    await update(2, { status: 'loading', url: listing.url }, listing.url);
    await update(2, { status: 'complete' }, listing.url);
    expect(injected).toEqual([]);
  });

  it('a reload (same address) is injected once the new document completed', async () => {
    start();
    await update(3, { status: 'loading', url: article.url }, article.url);
    running.delete(3); // the reload's new document runs nothing yet
    await update(3, { status: 'loading' }, article.url);
    expect(injected).toEqual([3]);
    await update(3, { status: 'complete' }, article.url);
    expect(injected).toEqual([3, 3]);
  });

  it('a document that already runs the view (back-forward cache, same-document navigation) is not injected', async () => {
    start();
    running.add(4);
    await update(4, { url: article.url }, article.url);
    expect(injected).toEqual([]);
  });

  it('a site switched off gets nothing', async () => {
    start();
    await siteSettings.setValue({ disabled: [new URL(article.url).hostname.replace(/^www\./, '')], added: [] });
    await update(5, { status: 'loading', url: article.url }, article.url);
    expect(injected).toEqual([]);
  });
});

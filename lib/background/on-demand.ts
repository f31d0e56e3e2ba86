/**
 * Cleaning any other site when the user asks (toolbar popup or shortcut): the content script
 * is injected into that one tab through `activeTab` — no standing permission for the site.
 * Sites the user added in the options page get it registered as a dynamic content script.
 * Browser differences are handled by feature detection (scripting API, else MV2 tabs/contentScripts).
 */
import { browser } from 'wxt/browser';
import { sendMessage, type PageState } from '@/lib/messaging';
import { originsFor, siteSettings } from '@/lib/settings/sites';

/** The in-page view (entrypoints/clean-view.content.ts), injected on demand: never listed in the manifest. */
const CONTENT_SCRIPT = '/content-scripts/clean-view.js';
const ADDED_ID = 'vietlao-added-sites';

interface LegacyTabs {
  executeScript?: (tabId: number, details: { file: string }) => Promise<unknown>;
}
interface LegacyContentScripts {
  register?: (options: {
    matches: string[];
    js: { file: string }[];
    runAt: string;
  }) => Promise<{ unregister(): Promise<void> }>;
}

export async function inject(tabId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return;
  }
  const tabs = browser.tabs as unknown as LegacyTabs;
  if (!tabs.executeScript) throw new Error('This browser cannot run the in-page view on this page.');
  await tabs.executeScript(tabId, { file: CONTENT_SCRIPT });
}

async function state(tabId: number): Promise<PageState | null> {
  try {
    return await sendMessage('getPageState', undefined, tabId);
  } catch {
    return null;
  }
}

/** Whether the tab's document already runs the in-page view (it answers getPageState). */
export async function runsInPageView(tabId: number): Promise<boolean> {
  return (await state(tabId)) !== null;
}

/** Make sure the in-page view runs in the tab (injecting it on demand), then turn the clean view on. */
export async function cleanTab(tabId: number): Promise<PageState | { error: string }> {
  try {
    if (!(await state(tabId))) await inject(tabId);
    return await sendMessage('setCleanView', true, tabId);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

let legacyRegistration: { unregister(): Promise<void> } | null = null;

/** (Re)register the content script for the sites the user added. */
export async function syncAddedSites(): Promise<void> {
  const { added } = await siteSettings.getValue();
  const matches = added.flatMap(originsFor);
  if (browser.scripting?.registerContentScripts) {
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ADDED_ID] }).catch(() => []);
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [ADDED_ID] });
    if (matches.length)
      await browser.scripting.registerContentScripts([
        { id: ADDED_ID, matches, js: [CONTENT_SCRIPT], runAt: 'document_idle' },
      ]);
    return;
  }
  const legacy = (browser as unknown as { contentScripts?: LegacyContentScripts }).contentScripts;
  await legacyRegistration?.unregister();
  legacyRegistration = null;
  if (matches.length && legacy?.register)
    legacyRegistration = await legacy.register({ matches, js: [{ file: CONTENT_SCRIPT }], runAt: 'document_idle' });
}

/**
 * The background's wiring: messages from the extension's own contexts, the save shortcut,
 * the context-menu item and the toolbar badge ("✓" when the page is in the archive).
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage, type SaveOutcome } from '@/lib/messaging';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';
import { fromExtensionPage, registerArchiveMessages } from './archive-messages';
import { registerImageMessages } from './image-messages';
import { registerEntityMessages } from './entity-messages';
import { isSavedUrl, requestPersistence, saveFromContent } from './archive-service';
import { cleanTab, inject, syncAddedSites } from './on-demand';

const MENU_SAVE = 'vietlao-save';

/** Messages are only taken from this extension's own scripts and pages. */
function fromUs(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

async function setBadge(tabId: number | undefined, saved: boolean): Promise<void> {
  if (tabId === undefined) return;
  await action().setBadgeText({ tabId, text: saved ? '✓' : '' });
  if (saved) await action().setBadgeBackgroundColor({ tabId, color: '#2f6b3a' });
}

async function saveTab(tabId: number | undefined): Promise<SaveOutcome> {
  if (tabId === undefined) return { ok: false, code: 'no-article', message: t('noArticle') };
  try {
    const cleaned = await cleanTab(tabId); // injects the in-page view through activeTab where it is not running
    if ('error' in cleaned) return { ok: false, code: 'no-article', message: cleaned.error };
    const outcome = await sendMessage('saveFromPage', undefined, tabId);
    if (outcome.ok) await setBadge(tabId, true);
    return outcome;
  } catch {
    return { ok: false, code: 'no-article', message: t('noArticle') };
  }
}

export function startBackground(): void {
  onMessage('saveArticle', async ({ data, sender }) => {
    if (!fromUs(sender)) return { ok: false, code: 'invalid', message: 'unknown sender' };
    const outcome = await saveFromContent(data);
    if (outcome.ok) await setBadge(sender.tab?.id, true);
    return outcome;
  });
  onMessage('isSaved', async ({ data, sender }) => {
    if (!fromUs(sender) || typeof data !== 'string') return false;
    const saved = await isSavedUrl(data).catch(() => false);
    await setBadge(sender.tab?.id, saved);
    return saved;
  });
  registerEntityMessages(fromUs);
  onMessage('injectInPageView', async ({ sender }) => {
    // Only for the detector's own tab, on a host it holds permission for (the manifest's sites).
    if (fromUs(sender) && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0)
      await inject(sender.tab.id).catch(() => undefined);
  });
  onMessage('cleanTab', ({ data, sender }) =>
    fromUs(sender) && typeof data === 'number' ? cleanTab(data) : { error: 'unknown sender' },
  );
  onMessage('syncAddedSites', ({ sender }) => (fromUs(sender) ? syncAddedSites() : undefined));
  onMessage('saveTab', ({ data, sender }) =>
    fromUs(sender) ? saveTab(data) : { ok: false, code: 'invalid', message: 'unknown sender' },
  );
  registerArchiveMessages(fromUs);
  registerImageMessages((sender) => fromUs(sender) && fromExtensionPage(sender));

  void syncAddedSites().catch(() => undefined); // Firefox MV2 registrations last one background session
  browser.runtime.onInstalled.addListener(() => {
    void requestPersistence();
    browser.contextMenus.create({
      id: MENU_SAVE,
      title: t('commandSave'),
      contexts: ['page'],
      documentUrlPatterns: SUPPORTED_HOST_PATTERNS,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE) void saveTab(tab?.id);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'save-article') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    await saveTab(tab?.id);
  });
}

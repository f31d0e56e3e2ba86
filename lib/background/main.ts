/**
 * The background's wiring: messages from the extension's own contexts, the save shortcut,
 * the context-menu items (save; mark the selection as an entity) and the toolbar badge ("✓" when the page is in the archive).
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage, type SaveOutcome } from '@/lib/messaging';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';
import { fromExtensionPage, registerArchiveMessages } from './archive-messages';
import { forgetInterruptedImport } from './import-job';
import { registerImageMessages } from './image-messages';
import { registerEntityMessages } from './entity-messages';
import { recoverImport, serialize } from '@/lib/archive';
import {
  archive,
  forgetReplacedCopy,
  isSavedUrl,
  requestPersistence,
  saveFromContent,
  undoSaveInTab,
} from './archive-service';
import { cleanTab, syncAddedSites } from './on-demand';
import { startAutoClean } from './auto-clean';
import { startRematch } from './rematch-job';
import { registerSyncMessages } from './sync-messages';
import { startSyncJob } from './sync-job';
import { followCorrections } from './corrections';
import { createMarkMenu, listenToMarkMenu } from './mark-menu';
import { registerCustomRuleMessages } from './custom-rule';
import { hasCommands, hasMenus, platformFeatures } from '@/lib/platform/features';

const MENU_SAVE = 'vietlao-save';

/** Messages are only taken from this extension's own scripts and pages. */
function fromUs(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * The address of the tab a content script speaks for, as the browser reports it (never what the
 * page says): its top frame only.
 */
function senderTabUrl(sender: Browser.runtime.MessageSender): string | undefined {
  if (!fromUs(sender) || sender.tab?.id === undefined || (sender.frameId ?? 0) !== 0) return undefined;
  return sender.tab.url || sender.url;
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
    const tabUrl = senderTabUrl(sender);
    if (!tabUrl) return { ok: false, code: 'invalid', message: 'unknown sender' };
    const outcome = await saveFromContent(data, tabUrl, sender.tab?.id);
    if (outcome.ok) await setBadge(sender.tab?.id, true);
    return outcome;
  });
  onMessage('undoSave', async ({ data, sender }) => {
    if (!senderTabUrl(sender) || typeof data !== 'string') return { ok: false, message: 'unknown sender' };
    return undoSaveInTab(sender.tab!.id!, data);
  });
  onMessage('isSaved', async ({ data, sender }) => {
    const tabUrl = senderTabUrl(sender);
    if (!tabUrl) return false;
    const saved = await isSavedUrl(tabUrl, typeof data === 'string' ? data : null).catch(() => false);
    await setBadge(sender.tab?.id, saved);
    return saved;
  });
  registerEntityMessages(fromUs);
  registerSyncMessages(fromUs);
  startSyncJob();
  startAutoClean(); // the supported news sites: cleaned when an article's address loads
  onMessage('cleanTab', ({ data, sender }) =>
    fromUs(sender) && typeof data === 'number' ? cleanTab(data) : { error: 'unknown sender' },
  );
  onMessage('syncAddedSites', ({ sender }) => (fromUs(sender) ? syncAddedSites() : undefined));
  onMessage('saveTab', ({ data, sender }) =>
    fromUs(sender) ? saveTab(data) : { ok: false, code: 'invalid', message: 'unknown sender' },
  );
  registerArchiveMessages(fromUs);
  // an import the browser stopped with the background is taken back, then reported
  void serialize(async () => recoverImport(await archive()))
    .catch(() => undefined)
    .then(forgetInterruptedImport)
    .catch(() => undefined);
  registerImageMessages((sender) => fromUs(sender) && fromExtensionPage(sender));
  registerCustomRuleMessages((sender) => fromUs(sender) && fromExtensionPage(sender));
  // The user moved on: the copy a save in that tab replaced is no longer offered back.
  browser.tabs.onRemoved.addListener((tabId) => forgetReplacedCopy(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' || change.url !== undefined) forgetReplacedCopy(tabId);
  });

  void syncAddedSites().catch(() => undefined); // Firefox MV2 registrations last one background session
  followCorrections(() => void startRematch().catch(() => undefined)); // a correction: the archive follows it
  void startRematch().catch(() => undefined); // after an update: the articles matched by the previous recogniser
  browser.runtime.onInstalled.addListener(() => {
    void requestPersistence();
    createMarkMenu();
    if (hasMenus())
      browser.contextMenus.create({
        id: MENU_SAVE,
        title: t('commandSave'),
        contexts: ['page'],
        documentUrlPatterns: SUPPORTED_HOST_PATTERNS,
      });
  });
  // Firefox for Android has neither menus nor keyboard commands (lib/platform/features.ts): the
  // toolbar and the popup save there, and the views that mention these say they are not available.
  listenToMarkMenu();
  if (hasMenus())
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === MENU_SAVE) void saveTab(tab?.id);
    });
  if (hasCommands())
    browser.commands.onCommand.addListener(async (command) => {
      if (command !== 'save-article') return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      await saveTab(tab?.id);
    });
  // content scripts see neither API: the in-page toolbar asks here whether to mention the shortcut
  onMessage('platformFeatures', ({ sender }) =>
    fromUs(sender) ? platformFeatures() : { menus: false, commands: false },
  );
}

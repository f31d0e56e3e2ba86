/**
 * Typed messages between the extension's contexts (@webext-core/messaging: no string-typed
 * messages with casts). The background only acts on messages from the extension's own
 * contexts: content scripts of this extension and its pages.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CleanArticle } from '@/lib/article';

export type SaveOutcome =
  | { ok: true; status: 'added' | 'updated' | 'unchanged'; id: string }
  | { ok: false; code: 'quota' | 'storage' | 'invalid' | 'no-article'; message: string };

export interface PageState {
  isArticle: boolean;
  clean: boolean;
  title: string | null;
  url: string;
  reason?: string;
}

interface ProtocolMap {
  /** content → background: store this cleaned article. */
  saveArticle(article: CleanArticle): SaveOutcome;
  /** content → background: is this URL in the archive? (badge and button state) */
  isSaved(url: string): boolean;
  /** background/popup → content: clean the page (if needed) and hand the article back. */
  extractArticle(): CleanArticle | null;
  /** popup → content: the page's state, and turning the clean view on or off. */
  getPageState(): PageState;
  setCleanView(on: boolean): PageState;
  /** background → content: save yourself (shortcut, context menu, popup "Save this page"). */
  saveFromPage(): SaveOutcome;
  /** popup → background: save the article in this tab. */
  saveTab(tabId: number): SaveOutcome;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

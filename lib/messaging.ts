/**
 * Typed messages between the extension's contexts (@webext-core/messaging: no string-typed
 * messages with casts). The background only acts on messages from the extension's own
 * contexts: content scripts of this extension and its pages.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CleanArticle, Mention } from '@/lib/article';
import type { ImportErrorCode } from '@/lib/archive';

/**
 * `undoToken`: the save replaced a stored copy, which the background keeps until the user moves on
 * (the tab navigates or closes, or saves again); undoSave with the token puts it back.
 */
export type SaveOutcome =
  | { ok: true; status: 'added' | 'updated' | 'unchanged'; id: string; undoToken?: string }
  | { ok: false; code: 'quota' | 'storage' | 'invalid' | 'no-article'; message: string };

/** A gazetteer entity as the hover card shows it. */
export interface EntityDetails {
  id: string;
  name: string;
  type: 'PERSON' | 'ORG' | 'PLACE' | 'EVENT';
  country: 'VN' | 'LA' | 'both' | 'other';
  descriptionVi: string;
  descriptionEn: string;
  aliases: string[];
}

export interface PageState {
  isArticle: boolean;
  /** False until the pipeline ran: sites not cleaned automatically wait for the user. */
  ran: boolean;
  clean: boolean;
  title: string | null;
  url: string;
  reason?: string;
}

/** A delete done by the background; `undoToken` hands it back to restoreArticle (null: nothing was deleted). */
export type DeleteOutcome = { ok: true; undoToken: string | null } | { ok: false; message: string };

/** 'expired': the undo window closed (or the background restarted) and nothing was restored. */
export type RestoreOutcome =
  { ok: true; status: 'restored' | 'superseded' | 'expired' } | { ok: false; message: string };

/**
 * The background's answer to findMentions: the mentions in the text (in its first MAX_MATCH_CHARS
 * characters; `trimmed` when it was longer), or 'busy' (this tab already has a request running)
 * or 'invalid' (not from our contexts, or not a string).
 */
export type MentionsOutcome =
  { ok: true; mentions: Mention[]; trimmed: boolean } | { ok: false; code: 'busy' | 'invalid' };

export type ImportOutcome =
  | { ok: true; added: number; updated: number; skipped: number }
  | { ok: false; code: ImportErrorCode | 'sender'; message: string; messageVi: string };

/** 'superseded': the article changed again since (nothing written); 'expired': the copy is no longer kept. */
export type UndoSaveOutcome =
  { ok: true; status: 'restored' | 'superseded' | 'expired' } | { ok: false; message: string };

/** What the extension asks the in-page view about (lib/in-page/describe.ts): one part, a selector inside it. */
export interface InPageQuery {
  part: 'view' | 'toolbar' | 'page';
  selector?: string;
  /** Scroll the first match into view first. */
  reveal?: boolean;
  /** Also list every element under each match (tag and attributes). */
  subtree?: boolean;
}

export interface InPageElement {
  tag: string;
  text: string;
  innerText: string;
  /** The label a toolbar control or status shows (drawn from data-label / data-text), else the text. */
  label: string;
  attrs: Record<string, string>;
  rect: { x: number; y: number; width: number; height: number };
  visible: boolean;
  /** It has the focus (in its shadow root). */
  focused: boolean;
  children: number;
  descendants?: { tag: string; attrs: [string, string][] }[];
}

export interface InPageDescription {
  url: string;
  shown: boolean;
  /** ready: a press on the toolbar would count now (lib/in-page/user-intent.ts). */
  toolbar: {
    ready: boolean;
    lastRefusal: string | null;
    box: { x: number; y: number; width: number; height: number };
  } | null;
  elements: InPageElement[];
}

interface ProtocolMap {
  /**
   * content → background: store this cleaned article. Its identity is the sender tab's address
   * (its `canonicalUrl` only counts on the same site: lib/archive/url.ts articleIdentity).
   */
  saveArticle(article: CleanArticle): SaveOutcome;
  /** content → background: take back the save that replaced a stored copy (the token of its SaveOutcome). */
  undoSave(undoToken: string): UndoSaveOutcome;
  /**
   * content → background: is the article in the sender's tab saved? (badge and toolbar state.) The
   * page's canonical URL is only a hint, used on the tab's own site; any other URL is not looked up.
   */
  isSaved(claimedCanonical: string | null): boolean;
  /** popup → content: the page's state, and turning the clean view on or off. */
  getPageState(): PageState;
  setCleanView(on: boolean): PageState;
  /**
   * extension → content: what the in-page view and toolbar show (their shadow roots are closed);
   * the end-to-end tests' only way in. Web pages cannot send it.
   */
  describeInPageView(query: InPageQuery): InPageDescription;
  /** background → content: save yourself (shortcut, context menu, popup "Save this page"). */
  saveFromPage(): SaveOutcome;
  /** in-page view or reader page → background: entity mentions in an article's text (the one matcher lives in the background). */
  findMentions(text: string): MentionsOutcome;
  /** in-page view or reader page → background: gazetteer details for the entity card (kept out of both). */
  entityDetails(id: string): EntityDetails | null;
  /** detector (news.content.ts) → background: this page can be an article; inject the in-page view here. */
  injectInPageView(): void;
  /** popup → background: run the in-page view in this tab now (injected through activeTab if needed). */
  cleanTab(tabId: number): PageState | { error: string };
  /** options → background: the added sites changed; re-register their content script. */
  syncAddedSites(): void;
  /** popup → background: save the article in this tab. */
  saveTab(tabId: number): SaveOutcome;
  /** extension page → background: delete a saved article (undo with restoreArticle). */
  deleteArticle(id: string): DeleteOutcome;
  /** extension page → background: undo a delete. */
  restoreArticle(undoToken: string): RestoreOutcome;
  /** extension page → background: merge an exported archive file (its text) into the archive. */
  importArchive(text: string): ImportOutcome;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

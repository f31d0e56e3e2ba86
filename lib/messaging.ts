/**
 * Typed messages between the extension's contexts (@webext-core/messaging: no string-typed
 * messages with casts), and how long text is cut to fit them (MAX_MESSAGE_CHARS). The background
 * only acts on messages from the extension's own contexts: content scripts of this extension and its pages.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CleanArticle, Mention } from '@/lib/article';
import type { ImportErrorCode } from '@/lib/archive';
import { MAX_MESSAGE_CHARS } from '@/lib/limits';
import type { SyncStatus } from '@/lib/settings/sync';
import type { SyncCheck } from '@/lib/sync/errors';
import type { Connection } from '@/lib/sync/remote';
import type { PlatformFeatures } from '@/lib/platform/features';

/**
 * `undoToken`: the save replaced a stored copy, which the background keeps until the user moves on
 * (the tab navigates or closes, or saves again); undoSave with the token puts it back.
 */
export type SaveOutcome =
  | { ok: true; status: 'added' | 'updated' | 'unchanged'; id: string; undoToken?: string }
  | { ok: false; code: 'quota' | 'storage' | 'invalid' | 'no-article'; message: string };

/** A gazetteer entity as a search lists it (the entity card's "Wrong entity"). */
export interface EntitySummary {
  id: string;
  name: string;
  type: 'PERSON' | 'ORG' | 'PLACE' | 'EVENT';
  country: 'VN' | 'LA' | 'both' | 'other';
}

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

/**
 * One image of a saved article, fetched by the background for the reader page's "Load images":
 * its bytes as a data: URL of a checked raster image type, or why not — 'host': not a site the
 * extension holds permission for; 'too-large': over MAX_IMAGE_BYTES; 'not-image': not a raster
 * image; 'failed': the network or the server said no; 'invalid': not asked by an extension page.
 */
export type ImageOutcome =
  | { ok: true; type: string; dataUrl: string }
  | { ok: false; code: 'host' | 'too-large' | 'not-image' | 'failed' | 'invalid' };

/**
 * An import done by the background; `undoToken` hands it back to undoImport (null: nothing changed).
 * 'busy': another import is running (lib/background/import-job.ts).
 */
export type ImportOutcome =
  | { ok: true; added: number; updated: number; skipped: number; undoToken: string | null }
  | { ok: false; code: ImportErrorCode | 'sender' | 'upload' | 'busy'; message: string; messageVi: string };

/** An import the background started (`job`: its id in lib/settings/import-progress.ts), or why it did not. */
export type ImportStart = { ok: true; job: string } | Extract<ImportOutcome, { ok: false }>;

/** One part of an archive file's text, `index` counted from 0, sent under the upload's random id. */
export interface ImportPart {
  upload: string;
  index: number;
  text: string;
}

export type ImportPartOutcome = { ok: true } | { ok: false; message: string };

/** 'expired': the undo window closed (or the background restarted) and nothing was undone. */
export type UndoImportOutcome =
  | { ok: true; status: 'undone'; removed: number; restored: number; kept: number }
  | { ok: true; status: 'expired' }
  | { ok: false; message: string };

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
  /** Its content is wider than its box: a label cut by the box's overflow. */
  cut: boolean;
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

/** A custom rule to count in a tab (options → background → content; lib/options/custom-rules.ts). */
export interface CustomRuleQuery {
  container: string;
  remove: string[];
}

/** What one selector matches in the page: a count, or null when the selector is not valid. */
export interface SelectorCount {
  selector: string;
  count: number | null;
}

/** The counts in the page of `url`; 'no-tab': no open tab of the site answers; 'invalid': not from our pages. */
export type CustomRuleCounts =
  | { ok: true; url: string; container: SelectorCount | null; remove: SelectorCount[] }
  | { ok: false; code: 'no-tab' | 'invalid' };

export interface ProtocolMap {
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
  /** in-page view → background: which of the menus and keyboard commands this browser has (lib/platform/features.ts). */
  platformFeatures(): PlatformFeatures;
  /** background → content: save yourself (shortcut, context menu, popup "Save this page"). */
  saveFromPage(): SaveOutcome;
  /** in-page view or reader page → background: entity mentions in an article's text (the one matcher lives in the background). */
  findMentions(text: string): MentionsOutcome;
  /** in-page view or reader page → background: gazetteer details for the entity card (kept out of both). */
  entityDetails(id: string): EntityDetails | null;
  /** entity card → background: gazetteer entities whose name or alias fits the words (its "Wrong entity" search). */
  searchEntities(query: string): EntitySummary[];
  /** in-page view or reader page → background: open this entity's page on the analysis page (a new tab). */
  openEntityPage(entityId: string): void;
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
  /** reader page → background: one image of a saved article, without cookies or referrer (the user chose "Load images"). */
  fetchImage(url: string): ImageOutcome;
  /** extension page → background: one part of an archive file's text (see splitForMessages). */
  importPart(part: ImportPart): ImportPartOutcome;
  /**
   * extension page → background: start merging the archive file sent in `parts` parts under
   * `upload` into the archive; its progress and outcome come through lib/settings/import-progress.ts.
   */
  importArchive(request: { upload: string; parts: number }): ImportStart;
  /** extension page → background: cancel the import `job` (false: it is not running). */
  cancelImport(job: string): boolean;
  /** extension page → background: take an import back (replaced copies restored, added articles removed). */
  undoImport(undoToken: string): UndoImportOutcome;
  /** options → background: can the extension reach and log in to this WebDAV server? */
  testSync(connection: Connection): SyncCheck;
  /** options → background: test, keep this connection and sync (the page asked for the origin first). */
  connectSync(connection: Connection): SyncCheck;
  /** options → background: forget the connection, its credentials and what was known of the server. */
  disconnectSync(): void;
  /** popup or options → background: sync now; the status it ended with. */
  syncNow(): SyncStatus;
  /** options → background: what a custom rule for `site` matches in the site's most recently used tab. */
  countCustomRule(request: CustomRuleQuery & { site: string }): CustomRuleCounts;
  /** background → content: what these selectors match in this page (the original page, not the clean view). */
  countInPage(query: CustomRuleQuery): CustomRuleCounts;
  /** background → its offscreen document (Chrome): these bodies through lib/html/sanitize.ts (null: refused). */
  sanitizeBodies(htmls: string[]): string[] | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/**
 * `text` in parts of at most `max` characters, for one message each (never cutting a surrogate
 * pair: Chrome's messages would turn each half into U+FFFD; with `max` 1 a pair is one part of 2).
 * Empty text is one empty part.
 */
export function splitForMessages(text: string, max: number = MAX_MESSAGE_CHARS): string[] {
  const parts: string[] = [];
  let at = 0;
  do {
    let end = Math.min(at + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - at > 1 ? -1 : 1; // keep a surrogate pair whole
    parts.push(text.slice(at, end));
    at = end;
  } while (at < text.length);
  return parts;
}

/** `items` in consecutive batches of at most `max` characters in all (an item longer than that goes alone). */
export function batchesForMessages(items: readonly string[], max: number = MAX_MESSAGE_CHARS): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const item of items) {
    if (batch.length > 0 && size + item.length > max) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(item);
    size += item.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

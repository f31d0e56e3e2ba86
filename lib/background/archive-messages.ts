/**
 * The background side of the archive messages sent by the extension's pages (popup, reader page):
 * delete, undo and import. Every write goes through the one write queue (`serialize`).
 * Only extension pages may ask — not content scripts, which live next to page scripts.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  ArchiveError,
  deleteArticle,
  importArchive,
  ImportError,
  restoreArticle,
  serialize,
  type DeletedArticle,
} from '@/lib/archive';
import { sanitizeHtml } from '@/lib/html/sanitize';
import { onMessage, type DeleteOutcome, type ImportOutcome, type RestoreOutcome } from '@/lib/messaging';
import { archive } from './archive-service';

/** How long a delete can be undone (the popup's snackbar shows for ~8 s). */
export const UNDO_TTL_MS = 5 * 60_000;

type SenderCheck = (sender: Browser.runtime.MessageSender) => boolean;

const undoRecords = new Map<string, { record: DeletedArticle; expires: number }>();

/** A page of this extension (popup.html, reader.html), not a content script in a web page. */
export function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pruneUndo(now: number): void {
  for (const [token, entry] of undoRecords) if (entry.expires <= now) undoRecords.delete(token);
}

export async function deleteById(id: string): Promise<DeleteOutcome> {
  try {
    const db = await archive();
    const record = await serialize(() => deleteArticle(db, id));
    pruneUndo(Date.now());
    if (!record) return { ok: true, undoToken: null };
    const undoToken = crypto.randomUUID();
    undoRecords.set(undoToken, { record, expires: Date.now() + UNDO_TTL_MS });
    return { ok: true, undoToken };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

export async function restoreByToken(token: string): Promise<RestoreOutcome> {
  pruneUndo(Date.now());
  const entry = undoRecords.get(token);
  if (!entry) return { ok: true, status: 'expired' };
  try {
    const db = await archive();
    const status = await serialize(() => restoreArticle(db, entry.record));
    undoRecords.delete(token);
    return { ok: true, status };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

/**
 * Sanitiser for imported bodies. A Chromium service worker has no DOM, so DOMPurify cannot run
 * there; the importing page (an extension page, as trusted as this worker and able to open the
 * database itself) sanitises every body before sending — see lib/popup/import-file.ts — and every
 * body is sanitised again whenever it is displayed. Where a DOM exists (Firefox), it runs here too.
 */
function importSanitizer(): (html: string) => string {
  const hasDom = typeof window !== 'undefined' && typeof document !== 'undefined';
  return hasDom ? (html) => sanitizeHtml(html) : (html) => html;
}

export async function importText(text: string): Promise<ImportOutcome> {
  try {
    const db = await archive();
    const result = await serialize(() => importArchive(db, text, { sanitize: importSanitizer() }));
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof ImportError)
      return { ok: false, code: error.code, message: error.message, messageVi: error.messageVi };
    const code = error instanceof ArchiveError && error.code === 'quota' ? 'quota' : 'storage';
    return { ok: false, code, message: message(error), messageVi: `Không nhập được: ${message(error)}` };
  }
}

export function registerArchiveMessages(fromUs: SenderCheck): void {
  const allowed = (sender: Browser.runtime.MessageSender) => fromUs(sender) && fromExtensionPage(sender);
  const refused = 'unknown sender';
  onMessage('deleteArticle', ({ data, sender }) =>
    allowed(sender) && typeof data === 'string' ? deleteById(data) : { ok: false, message: refused },
  );
  onMessage('restoreArticle', ({ data, sender }) =>
    allowed(sender) && typeof data === 'string' ? restoreByToken(data) : { ok: false, message: refused },
  );
  onMessage('importArchive', ({ data, sender }) =>
    allowed(sender) && typeof data === 'string'
      ? importText(data)
      : { ok: false, code: 'sender', message: refused, messageVi: 'Yêu cầu không hợp lệ' },
  );
}

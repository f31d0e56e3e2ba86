/**
 * The background side of the archive messages sent by the extension's pages (popup, reader page):
 * delete and its undo, import (the file's text in parts, every body through sanitizeBodies; run as
 * the one import job, ./import-job.ts, with progress and cancel) and its undo. Every write goes
 * through the one write queue (`serialize`): an import's chunks one by one, so a save waits for
 * one chunk, not the whole import.
 * Only extension pages may ask — not content scripts, which live next to page scripts.
 */
import { startRematch } from './rematch-job';
import { browser, type Browser } from 'wxt/browser';
import {
  ArchiveError,
  deleteArticle,
  importArchive,
  ImportError,
  restoreArticle,
  serialize,
  undoImport,
  type BodySanitizer,
  type DeletedArticle,
  type ImportOptions,
  type ImportUndo,
} from '@/lib/archive';
import {
  onMessage,
  type DeleteOutcome,
  type ImportOutcome,
  type ImportPartOutcome,
  type ImportStart,
  type RestoreOutcome,
  type UndoImportOutcome,
} from '@/lib/messaging';
import { siteFixes } from '@/lib/settings/site-fixes';
import { mergeCorrections } from '@/lib/settings/corrections';
import { mergeFixes } from '@/lib/clean/site-fixes';
import { archive } from './archive-service';
import { busyOutcome, cancelImportJob, startImportJob } from './import-job';
import { createImportUploads } from './import-upload';
import { sanitizeBodies } from './sanitize-host';
import { archiveChanged } from './archive-changed';

/** How long a delete or an import can be undone (the popup's snackbar shows for ~8 s). */
export const UNDO_TTL_MS = 5 * 60_000;

type SenderCheck = (sender: Browser.runtime.MessageSender) => boolean;

/** What an undo needs, by random token, for UNDO_TTL_MS (kept in memory: gone when the background restarts). */
function undoStore<T>() {
  const records = new Map<string, { record: T; expires: number }>();
  const prune = (now: number) => {
    for (const [token, entry] of records) if (entry.expires <= now) records.delete(token);
  };
  return {
    keep(record: T): string {
      prune(Date.now());
      const token = crypto.randomUUID();
      records.set(token, { record, expires: Date.now() + UNDO_TTL_MS });
      return token;
    },
    get(token: string): T | undefined {
      prune(Date.now());
      return records.get(token)?.record;
    },
    forget(token: string): void {
      records.delete(token);
    },
  };
}

const deletes = undoStore<DeletedArticle>();
const imports = undoStore<ImportUndo>();
const uploads = createImportUploads();

/** A page of this extension (popup.html, reader.html), not a content script in a web page. */
export function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function deleteById(id: string): Promise<DeleteOutcome> {
  try {
    const db = await archive();
    const record = await serialize(() => deleteArticle(db, id));
    if (record) archiveChanged();
    return { ok: true, undoToken: record ? deletes.keep(record) : null };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

export async function restoreByToken(token: string): Promise<RestoreOutcome> {
  const record = deletes.get(token);
  if (!record) return { ok: true, status: 'expired' };
  try {
    const db = await archive();
    const status = await serialize(() => restoreArticle(db, record));
    deletes.forget(token);
    archiveChanged();
    return { ok: true, status };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

/** Merge an archive file's text; every body goes through `sanitize` (the background's sanitizeBodies). */
export async function importText(
  text: string,
  sanitize: BodySanitizer = sanitizeBodies,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  try {
    const db = await archive();
    const { undo, personal, ...counts } = await importArchive(db, text, sanitize, { ...options, queue: serialize });
    if (personal?.siteFixes) await siteFixes.setValue(mergeFixes(await siteFixes.getValue(), personal.siteFixes));
    if (personal?.corrections?.length || personal?.removedCorrections?.length)
      await mergeCorrections(personal.corrections ?? [], personal.removedCorrections); // (the re-match follows them)
    void startRematch().catch(() => undefined); // imported entities come from another copy of the recogniser
    if (counts.added + counts.updated > 0) archiveChanged();
    return { ok: true, ...counts, undoToken: undo.changes.length > 0 ? imports.keep(undo) : null };
  } catch (error) {
    if (error instanceof ImportError)
      return { ok: false, code: error.code, message: error.message, messageVi: error.messageVi };
    const code = error instanceof ArchiveError && error.code === 'quota' ? 'quota' : 'storage';
    return { ok: false, code, message: message(error), messageVi: `Không nhập được: ${message(error)}` };
  }
}

export function receiveImportPart(part: unknown): ImportPartOutcome {
  return uploads.receive(part) ? { ok: true } : { ok: false, message: 'malformed part of an import' };
}

type Refused = Extract<ImportStart, { ok: false }>;

const lostUpload: Refused = {
  ok: false,
  code: 'upload',
  message:
    'The file did not reach the extension whole (the browser may have restarted it). Nothing was imported; import the file again.',
  messageVi:
    'Tệp chưa đến tiện ích trọn vẹn (trình duyệt có thể đã khởi động lại tiện ích). Chưa nhập gì; hãy nhập lại tệp.',
};

/**
 * Start importing the file whose parts came under `upload`, as the import job: its outcome comes
 * with its progress (lib/settings/import-progress.ts), and in `finished` for the caller here.
 */
export function startUpload(
  upload: unknown,
  parts: unknown,
  sanitize: BodySanitizer = sanitizeBodies,
): Refused | { ok: true; job: string; finished: Promise<ImportOutcome> } {
  const text = uploads.take(upload, parts);
  if (text === null) return lostUpload;
  const job = startImportJob((options) => importText(text, sanitize, options));
  return job ? { ok: true, ...job } : busyOutcome;
}

/** Import the file whose parts came under `upload`, and wait for its outcome. */
export async function importUpload(upload: unknown, parts: unknown): Promise<ImportOutcome> {
  const started = startUpload(upload, parts);
  return started.ok ? started.finished : started;
}

export async function undoImportByToken(token: string): Promise<UndoImportOutcome> {
  const record = imports.get(token);
  if (!record) return { ok: true, status: 'expired' };
  try {
    const db = await archive();
    const result = await serialize(() => undoImport(db, record));
    imports.forget(token);
    archiveChanged();
    return { ok: true, status: 'undone', ...result };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

/** What the popup is told at once: the job's id (its outcome comes with its progress), or why not. */
const startedMessage = (started: ReturnType<typeof startUpload>): ImportStart =>
  started.ok ? { ok: true, job: started.job } : started;

export function registerArchiveMessages(fromUs: SenderCheck): void {
  const allowed = (sender: Browser.runtime.MessageSender) => fromUs(sender) && fromExtensionPage(sender);
  const refused = 'unknown sender';
  onMessage('deleteArticle', ({ data, sender }) =>
    allowed(sender) && typeof data === 'string' ? deleteById(data) : { ok: false, message: refused },
  );
  onMessage('restoreArticle', ({ data, sender }) =>
    allowed(sender) && typeof data === 'string' ? restoreByToken(data) : { ok: false, message: refused },
  );
  onMessage('importPart', ({ data, sender }) =>
    allowed(sender) ? receiveImportPart(data) : { ok: false, message: refused },
  );
  onMessage('importArchive', ({ data, sender }) =>
    allowed(sender) && typeof data === 'object' && data !== null
      ? startedMessage(startUpload(data.upload, data.parts))
      : { ok: false, code: 'sender', message: refused, messageVi: 'Yêu cầu không hợp lệ' },
  );
  onMessage('cancelImport', ({ data, sender }) => allowed(sender) && typeof data === 'string' && cancelImportJob(data));
  onMessage('undoImport', ({ data, sender }) =>
    allowed(sender) && typeof data === 'string' ? undoImportByToken(data) : { ok: false, message: refused },
  );
}

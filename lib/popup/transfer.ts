/**
 * Export (read directly from the archive, downloaded through an <a download> — no downloads
 * permission) and import: the popup only reads the file and hands its text to the background
 * (the archive's only writer, which validates, sanitises and merges it), in parts that fit a message.
 */
import { siteFixes } from '@/lib/settings/site-fixes';
import { personalCorrections } from '@/lib/settings/corrections';
import { exportArchive, exportFileName, exportWallabag, type ArchiveDb } from '@/lib/archive';
import { t } from '@/lib/i18n';
import {
  sendMessage,
  splitForMessages,
  type ImportOutcome,
  type ImportStart,
  type UndoImportOutcome,
} from '@/lib/messaging';
import { formatCount, type Lang } from './numbers';
import { lastExportAt } from './last-export';

export type ExportKind = 'archive' | 'wallabag';
export type Report = (text: string, kind?: 'ok' | 'error' | '') => void;

/** Hand a Blob to the browser as a download named `name`. */
export function downloadBlob(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function runExport(
  doc: Document,
  db: ArchiveDb,
  kind: ExportKind,
  lang: Lang,
  report: Report,
): Promise<boolean> {
  const onProgress = ({ done, total }: { done: number; total: number }) =>
    report(t('popupExporting', [formatCount(done, lang), formatCount(total, lang)]));
  try {
    report(t('popupExporting', ['0', '…']));
    const count = await db.articles.count();
    const now = new Date();
    const blob =
      kind === 'archive'
        ? await exportArchive(db, {
            onProgress,
            now,
            personal: { siteFixes: await siteFixes.getValue(), ...(await personalCorrections()) },
          })
        : await exportWallabag(db, { onProgress, now });
    const name = exportFileName(now, kind);
    downloadBlob(doc, blob, name);
    await lastExportAt.setValue(now.toISOString());
    report(t('popupExportDone', [formatCount(count, lang), name]), 'ok');
    return true;
  } catch (error) {
    report(t('popupExportFailed', error instanceof Error ? error.message : String(error)), 'error');
    return false;
  }
}

export function importMessage(outcome: ImportOutcome, lang: Lang): string {
  if (outcome.ok)
    return t(
      'popupImportDone',
      [outcome.added, outcome.updated, outcome.skipped].map((n) => formatCount(n, lang)),
    );
  return lang === 'vi' ? outcome.messageVi : outcome.message;
}

/** The snackbar's line after an import that changed something: how many copies it replaced, if any. */
export function importChangedMessage(outcome: Extract<ImportOutcome, { ok: true }>, lang: Lang): string {
  return outcome.updated > 0
    ? t('popupImportReplaced', [formatCount(outcome.updated, lang), formatCount(outcome.added, lang)])
    : t('popupImportAdded', formatCount(outcome.added, lang));
}

export function undoImportMessage(outcome: UndoImportOutcome, lang: Lang): string {
  if (!outcome.ok) return t('popupImportUndoFailed', outcome.message);
  if (outcome.status === 'expired') return t('popupRestoreExpired');
  const undone = t('popupImportUndone', [formatCount(outcome.removed, lang), formatCount(outcome.restored, lang)]);
  return outcome.kept > 0 ? `${undone}. ${t('popupImportUndoKept', formatCount(outcome.kept, lang))}` : undone;
}

/** Hand the file's text to the background, in parts of at most MAX_MESSAGE_CHARS characters, and start its import. */
async function sendFile(text: string): Promise<ImportStart> {
  const upload = crypto.randomUUID();
  const parts = splitForMessages(text);
  for (const [index, part] of parts.entries()) {
    const sent = await sendMessage('importPart', { upload, index, text: part });
    if (!sent.ok) throw new Error(sent.message);
  }
  return sendMessage('importArchive', { upload, parts: parts.length });
}

/**
 * Read `file` and have the background import it; resolves once the import ended, with its outcome
 * (`outcome`: from the popup's import status, lib/popup/import-status.ts, which shows its progress).
 * A refusal to start (another import runs, the file did not arrive) is reported here.
 */
export async function runImport(
  file: File,
  lang: Lang,
  report: Report,
  outcome: (job: string) => Promise<ImportOutcome>,
): Promise<ImportOutcome> {
  report(t('popupImportReading', file.name));
  let start: ImportStart;
  try {
    start = await sendFile(await file.text());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    start = { ok: false, code: 'storage', message, messageVi: `Không nhập được: ${message}` };
  }
  if (!start.ok) {
    report(importMessage(start, lang), 'error');
    return start;
  }
  report(''); // the import status (lib/popup/import-status.ts) takes over
  return outcome(start.job);
}

export async function runUndoImport(token: string, lang: Lang): Promise<UndoImportOutcome & { text: string }> {
  const outcome: UndoImportOutcome = await sendMessage('undoImport', token).catch((e: unknown) => ({
    ok: false as const,
    message: e instanceof Error ? e.message : String(e),
  }));
  return { ...outcome, text: undoImportMessage(outcome, lang) };
}

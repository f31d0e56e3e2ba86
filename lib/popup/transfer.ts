/**
 * Export (read directly from the archive, downloaded through an <a download> — no downloads
 * permission) and import (sent to the background, the archive's only writer).
 */
import { exportArchive, exportFileName, exportWallabag, type ArchiveDb } from '@/lib/archive';
import { t } from '@/lib/i18n';
import { sendMessage, type ImportOutcome } from '@/lib/messaging';
import { formatCount, type Lang } from './numbers';
import { sanitizeArchiveText } from './import-file';
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
      kind === 'archive' ? await exportArchive(db, { onProgress, now }) : await exportWallabag(db, { onProgress, now });
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

export async function runImport(file: File, lang: Lang, report: Report): Promise<ImportOutcome> {
  report(t('popupImporting', file.name));
  let outcome: ImportOutcome;
  try {
    const text = sanitizeArchiveText(await file.text());
    outcome = await sendMessage('importArchive', text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = { ok: false, code: 'storage', message, messageVi: `Không nhập được: ${message}` };
  }
  report(importMessage(outcome, lang), outcome.ok ? 'ok' : 'error');
  return outcome;
}

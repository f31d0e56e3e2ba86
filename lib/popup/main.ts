/**
 * The popup: the current tab (save, clean view switch), then the archive — search, filters,
 * newest-first list with undoable delete — and the footer with export and import.
 * Reads open the archive directly; every write goes to the background.
 */
import { browser } from 'wxt/browser';
import {
  archiveStats,
  listArticles,
  listEntities,
  listSites,
  openArchive,
  type ArchiveDb,
  type ArticleSummary,
} from '@/lib/archive';
import { t, uiLang } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { queryForFilters } from '@/lib/analysis/params';
import { button, h } from '@/lib/ui/dom';
import { createArchiveList } from './archive-list';
import { createExportMenu } from './export-menu';
import { renderCurrentTab, targetTabId } from './current-tab';
import { createFilterBar } from './filters';
import { browserUsage, createFooter } from './footer';
import { lastExportAt } from './last-export';
import { createImportStatus } from './import-status';
import { createRematchStatus } from './rematch-status';
import { createSyncStatus } from './sync-status';
import { createSnackbar } from './snackbar';
import { importChangedMessage, importMessage, runExport, runImport, runUndoImport } from './transfer';
import type { ImportOutcome } from '@/lib/messaging';

export const UNDO_MS = 8000;

export async function startPopup(doc: Document = document): Promise<void> {
  const lang = uiLang();
  doc.documentElement.lang = lang;
  doc.title = t('extName');
  const db: ArchiveDb = await openArchive();

  const card = h(doc, 'section', { className: 'card', testid: 'current-tab' });
  const snackbar = createSnackbar(doc);
  const filterBar = createFilterBar(doc, lang, (filters) => void list.reload(filters));

  const refreshMeta = async () => {
    const [stats, usage, sites, entities, last] = await Promise.all([
      archiveStats(db),
      browserUsage(),
      listSites(db),
      listEntities(db),
      lastExportAt.getValue(),
    ]);
    footer.setStats(stats, usage);
    footer.setLastExport(last);
    filterBar.setSites(sites);
    filterBar.setEntities(entities);
  };
  const refreshAll = async () => {
    await refreshMeta();
    await list.reload(filterBar.filters);
  };

  const open = (summary: ArticleSummary) =>
    void browser.tabs.create({ url: `${browser.runtime.getURL('/reader.html')}?id=${encodeURIComponent(summary.id)}` });

  const remove = async (summary: ArticleSummary) => {
    const outcome = await sendMessage('deleteArticle', summary.id).catch((e: unknown) => ({
      ok: false as const,
      message: String(e),
    }));
    if (!outcome.ok) {
      snackbar.show(t('popupDeleteFailed', outcome.message));
      return;
    }
    list.removeItem(summary.id);
    void refreshMeta();
    const token = outcome.undoToken;
    if (token === null) return;
    snackbar.show(t('popupDeleted', summary.title), { label: t('popupUndo'), run: () => void undo(token) }, UNDO_MS);
  };

  const undo = async (token: string) => {
    const outcome = await sendMessage('restoreArticle', token).catch((e: unknown) => ({
      ok: false as const,
      message: String(e),
    }));
    if (!outcome.ok) snackbar.show(t('popupDeleteFailed', outcome.message));
    else
      snackbar.show(
        t(
          outcome.status === 'restored'
            ? 'popupRestored'
            : outcome.status === 'superseded'
              ? 'popupRestoreSuperseded'
              : 'popupRestoreExpired',
        ),
      );
    await refreshAll();
  };

  const undoImportFile = async (token: string) => {
    const outcome = await runUndoImport(token, lang);
    snackbar.show(outcome.text);
    footer.report(outcome.text, outcome.ok ? 'ok' : 'error');
    await refreshAll();
  };

  /** An import ended, started here or in another popup (this one saw it run): say how, offer its undo. */
  const importFinished = async (outcome: ImportOutcome) => {
    footer.report(importMessage(outcome, lang), outcome.ok ? 'ok' : 'error');
    if (!outcome.ok) return;
    await refreshAll();
    const token = outcome.undoToken;
    if (token === null) return;
    snackbar.show(
      importChangedMessage(outcome, lang),
      { label: t('popupUndo'), run: () => void undoImportFile(token) },
      UNDO_MS,
    );
  };
  const importStatus = createImportStatus(doc, lang, (outcome) => void importFinished(outcome));

  const list = createArchiveList(doc, lang, (options) => listArticles(db, options), {
    open,
    remove: (s) => void remove(s),
  });
  const footer = createFooter(doc, lang, {
    exportArchive: async (kind) => {
      if (await runExport(doc, db, kind, lang, footer.report)) footer.setLastExport(await lastExportAt.getValue());
    },
    importFile: (file) => runImport(file, lang, footer.report, (job) => importStatus.outcome(job)),
  });

  const exportMenu = createExportMenu(doc, { db, lang, filters: () => filterBar.filters, report: footer.report });
  footer.element.querySelector('.io-status')?.before(exportMenu.element);
  footer.element.querySelector('.io-status')?.after(importStatus.element);

  const header = h(doc, 'header', { className: 'top' }, h(doc, 'h1', { className: 'brand', text: t('extName') }));
  const archive = h(
    doc,
    'section',
    { className: 'archive', attrs: { 'aria-label': t('popupArchive') } },
    h(
      doc,
      'div',
      { className: 'section-head' },
      h(doc, 'h2', { className: 'section-title', text: t('popupArchive') }),
      button(
        doc,
        t('popupAnalysis'),
        () =>
          void browser.tabs.create({
            url: `${browser.runtime.getURL('/analysis.html')}${queryForFilters(filterBar.filters)}`,
          }),
        { className: 'open-analysis', testid: 'open-analysis', attrs: { title: t('popupAnalysisTitle') } },
      ),
    ),
    createRematchStatus(doc, lang),
    createSyncStatus(doc, () => void refreshAll()),
    filterBar.element,
    list.element,
  );
  doc.body.replaceChildren(header, card, archive, footer.element, snackbar.element);

  const tabId = await targetTabId(doc.location.search);
  await Promise.all([renderCurrentTab(card, tabId, () => void refreshAll()), refreshAll()]);
  doc.body.dataset.ready = 'true';
}

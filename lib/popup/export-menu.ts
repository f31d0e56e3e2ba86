/**
 * The popup's export menu for the analysts' formats (lib/export-formats/): CSV of articles, CSV
 * of mentions, Markdown notes (zip), CSL-JSON and RIS, of the whole archive or of the articles
 * the current search and filters show. A <details> disclosure, so it is a keyboard-reachable
 * button that keeps the footer short until opened. Progress and the result go to the footer's
 * status line; the file is downloaded like the JSON export (transfer.ts downloadBlob). The
 * formats' code (papaparse, fflate) is loaded on the first click, not with the popup.
 */
import type { ArchiveDb } from '@/lib/archive';
import { matchingIds } from '@/lib/archive/query';
import type { FormatId } from '@/lib/export-formats';
import { t, type MessageName } from '@/lib/i18n';
import { button, h } from '@/lib/ui/dom';
import { isFiltered, toListOptions, type Filters } from './list-state';
import { formatCount, type Lang } from './numbers';
import { downloadBlob, type Report } from './transfer';

/** In the order offered, with their labels and hints. */
const LABELS: Record<FormatId, [label: MessageName, hint: MessageName]> = {
  csv: ['popupExportCsv', 'popupExportCsvHint'],
  'mentions-csv': ['popupExportMentionsCsv', 'popupExportMentionsCsvHint'],
  md: ['popupExportMarkdown', 'popupExportMarkdownHint'],
  csl: ['popupExportCsl', 'popupExportCslHint'],
  ris: ['popupExportRis', 'popupExportRisHint'],
};

export interface ExportMenu {
  readonly element: HTMLElement;
}

export interface ExportMenuOptions {
  db: ArchiveDb;
  lang: Lang;
  /** The filters the list shows now. */
  filters: () => Filters;
  report: Report;
}

/** Export one format: the filter's articles when `filtered` and a filter is set, else all. */
export async function runFormatExport(
  doc: Document,
  options: ExportMenuOptions,
  id: FormatId,
  filtered: boolean,
): Promise<boolean> {
  const { db, lang, report } = options;
  let total = 0;
  try {
    report(t('popupExporting', ['0', '…']));
    const { exportDatabaseAs, formatById, formatFileName } = await import('@/lib/export-formats');
    const format = formatById(id)!;
    const filters = options.filters();
    const only = filtered && isFiltered(filters) ? await matchingIds(db, toListOptions(filters)) : null;
    const blob = await exportDatabaseAs(db, format, {
      only,
      onProgress: ({ done, total: all }) => {
        total = all;
        report(t('popupExporting', [formatCount(done, lang), formatCount(all, lang)]));
      },
    });
    const name = formatFileName(format, new Date(), only !== null);
    downloadBlob(doc, blob, name);
    report(t('popupExportDone', [formatCount(total, lang), name]), 'ok');
    return true;
  } catch (error) {
    report(t('popupExportFailed', error instanceof Error ? error.message : String(error)), 'error');
    return false;
  }
}

export function createExportMenu(doc: Document, options: ExportMenuOptions): ExportMenu {
  const scope = (value: 'all' | 'filter', label: MessageName) => {
    const input = h(doc, 'input', {
      testid: `export-scope-${value}`,
      attrs: { type: 'radio', name: 'export-scope', value },
    });
    input.checked = value === 'all';
    return { input, label: h(doc, 'label', { className: 'export-scope-option' }, input, t(label)) };
  };
  const all = scope('all', 'popupExportScopeAll');
  const filter = scope('filter', 'popupExportScopeFilter');
  /** "Current filter" only means something when a filter is set: read when the menu opens or is used. */
  const refreshScope = () => {
    const set = isFiltered(options.filters());
    filter.input.disabled = !set;
    filter.label.title = set ? '' : t('popupExportScopeFilterHint');
    if (!set) all.input.checked = true;
  };

  const ids = Object.keys(LABELS).filter((k): k is FormatId => k in LABELS);
  const buttons = ids.map((id) => {
    const [label, hint] = LABELS[id];
    return button(doc, t(label), () => void run(id), {
      className: 'btn',
      testid: `export-${id}`,
      attrs: { title: t(hint) },
    });
  });
  const run = async (id: FormatId) => {
    refreshScope();
    for (const b of buttons) b.disabled = true;
    try {
      await runFormatExport(doc, options, id, filter.input.checked);
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  };

  const element = h(
    doc,
    'details',
    { className: 'export-menu', testid: 'export-menu' },
    h(doc, 'summary', { className: 'btn', testid: 'export-menu-toggle', text: t('popupExportOther') }),
    h(
      doc,
      'fieldset',
      { className: 'export-scope' },
      h(doc, 'legend', { className: 'field-label', text: t('popupExportScope') }),
      all.label,
      filter.label,
    ),
    h(doc, 'div', { className: 'export-formats' }, ...buttons),
  );
  element.addEventListener('toggle', refreshScope);
  element.addEventListener('focusin', refreshScope);
  refreshScope();
  return { element };
}

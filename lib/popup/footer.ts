/** The popup footer: archive size, last export, export and import buttons with their progress. */
import type { ArchiveStats } from '@/lib/archive';
import { formatShortDate } from '@/lib/ui/dates';
import { t } from '@/lib/i18n';
import { button, h } from '@/lib/ui/dom';
import { formatBytes, formatCount, type Lang } from './numbers';
import type { ExportKind, Report } from './transfer';

export interface FooterActions {
  exportArchive(kind: ExportKind): Promise<unknown>;
  importFile(file: File): Promise<unknown>;
}

export interface Footer {
  readonly element: HTMLElement;
  readonly report: Report;
  setStats(stats: ArchiveStats, browserUsage: number | null): void;
  setLastExport(iso: string | null): void;
}

/** Bytes the extension's origin uses on this device (IndexedDB + storage), when the browser says. */
export async function browserUsage(): Promise<number | null> {
  try {
    return (await navigator.storage?.estimate?.())?.usage ?? null;
  } catch {
    return null;
  }
}

export function createFooter(doc: Document, lang: Lang, actions: FooterActions): Footer {
  const count = h(doc, 'span', { className: 'stat-count', testid: 'stats-count' });
  const size = h(doc, 'span', { className: 'stat-size', testid: 'stats-size' });
  const last = h(doc, 'p', { className: 'last-export', testid: 'last-export' });
  const status = h(doc, 'p', {
    className: 'io-status',
    testid: 'io-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  status.hidden = true;

  const busy = async (work: () => Promise<unknown>) => {
    for (const b of buttons.querySelectorAll('button')) b.disabled = true;
    fileInput.disabled = true;
    try {
      await work();
    } finally {
      for (const b of buttons.querySelectorAll('button')) b.disabled = false;
      fileInput.disabled = false;
    }
  };

  const fileInput = h(doc, 'input', {
    className: 'visually-hidden',
    testid: 'import-input',
    attrs: { type: 'file', accept: '.json,application/json' },
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void busy(() => actions.importFile(file)).finally(() => (fileInput.value = ''));
  });
  const importLabel = h(doc, 'label', { className: 'btn', testid: 'import-button' }, t('popupImportJson'), fileInput);

  const buttons = h(
    doc,
    'div',
    { className: 'footer-actions' },
    button(doc, t('popupExportJson'), () => void busy(() => actions.exportArchive('archive')), {
      className: 'btn',
      testid: 'export-json',
    }),
    button(doc, t('popupExportWallabag'), () => void busy(() => actions.exportArchive('wallabag')), {
      className: 'btn',
      testid: 'export-wallabag',
    }),
    importLabel,
  );

  const element = h(
    doc,
    'footer',
    { className: 'footer' },
    h(doc, 'p', { className: 'stats', testid: 'stats' }, count, size),
    last,
    buttons,
    status,
  );

  return {
    element,
    report(text, kind = '') {
      status.hidden = text === ''; // nothing to say: the running import shows its own line
      status.textContent = text;
      status.className = `io-status ${kind}`;
    },
    setStats(stats, usage) {
      count.textContent = t('popupCount', formatCount(stats.count, lang));
      const parts = [t('popupStorage', formatBytes(stats.approxBytes, lang))];
      if (usage !== null) parts.push(t('popupStorageBrowser', formatBytes(usage, lang)));
      size.textContent = parts.join(' · ');
      size.title = parts.join('\n');
    },
    setLastExport(iso) {
      last.textContent = iso ? t('popupLastExport', formatShortDate(iso)) : t('popupNeverExported');
    },
  };
}

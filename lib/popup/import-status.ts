/**
 * The popup's view of the import the background runs (lib/background/import-job.ts), from its
 * progress in session storage: "Đang nhập 3.200 / 10.000 bài…", a progress bar and a Cancel
 * button; hidden when nothing runs. A popup opened during an import shows it too (the import goes
 * on when the popup that started it closes), and is told its outcome when it ends.
 */
import { t } from '@/lib/i18n';
import { sendMessage, type ImportOutcome } from '@/lib/messaging';
import { importProgress, type ImportProgress } from '@/lib/settings/import-progress';
import { button, h } from '@/lib/ui/dom';
import { formatCount, type Lang } from './numbers';

export interface ImportStatus {
  readonly element: HTMLElement;
  /** The outcome of the import `job` (at once if it already finished while this popup watched). */
  outcome(job: string): Promise<ImportOutcome>;
}

/** The line for an import in progress. */
export function progressText(p: ImportProgress, lang: Lang): string {
  if (p.phase === 'rolling-back') return t('popupImportRollingBack');
  if (p.cancelling) return t('popupImportCancelling');
  const counts = [formatCount(p.done, lang), formatCount(p.total, lang)];
  if (p.phase === 'writing') return t('popupImportProgress', counts);
  return p.total > 0 ? t('popupImportCheckingCount', counts) : t('popupImportChecking');
}

/**
 * `onFinished`: an import this popup saw running ended (started here or elsewhere), with its
 * outcome — called once per import.
 */
export function createImportStatus(
  doc: Document,
  lang: Lang,
  onFinished: (outcome: ImportOutcome, job: string) => void,
): ImportStatus {
  const line = h(doc, 'p', {
    className: 'import-line',
    testid: 'import-progress-text',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const fill = h(doc, 'div', { className: 'import-bar-fill' });
  const bar = h(
    doc,
    'div',
    {
      className: 'import-bar',
      testid: 'import-progress',
      attrs: { role: 'progressbar', 'aria-label': t('popupImportProgressLabel'), 'aria-valuemin': '0' },
    },
    fill,
  );
  let job = '';
  const cancel = button(
    doc,
    t('popupImportCancel'),
    () => {
      cancel.disabled = true;
      void sendMessage('cancelImport', job).catch(() => (cancel.disabled = false));
    },
    { className: 'btn import-cancel', testid: 'import-cancel' },
  );
  const element = h(doc, 'div', { className: 'import-status', testid: 'import-status' }, line, bar, cancel);
  element.hidden = true;

  const seen = new Set<string>();
  const finished = new Map<string, ImportOutcome>();
  const waiting = new Map<string, (outcome: ImportOutcome) => void>();

  const show = (p: ImportProgress | null) => {
    if (!p) return;
    if (p.phase !== 'finished') {
      seen.add(p.job);
      job = p.job;
      element.hidden = false;
      element.dataset.phase = p.phase;
      line.textContent = progressText(p, lang);
      cancel.disabled = p.cancelling || p.phase === 'rolling-back';
      // until the file is read the length of the work is not known: an indeterminate bar (no value)
      if (p.total > 0 && p.phase !== 'rolling-back') {
        bar.setAttribute('aria-valuemax', String(p.total));
        bar.setAttribute('aria-valuenow', String(p.done));
        bar.setAttribute('aria-valuetext', line.textContent);
        fill.style.width = `${(100 * p.done) / p.total}%`;
      } else {
        for (const name of ['aria-valuemax', 'aria-valuenow', 'aria-valuetext']) bar.removeAttribute(name);
        fill.style.width = '0';
      }
      return;
    }
    if (!seen.delete(p.job) || !p.outcome) return; // an import that ended before this popup opened
    if (p.job === job) element.hidden = true;
    finished.set(p.job, p.outcome);
    waiting.get(p.job)?.(p.outcome);
    waiting.delete(p.job);
    onFinished(p.outcome, p.job);
  };
  let watched = false; // a change seen first: the first read may be older than it
  importProgress.watch((p) => {
    watched = true;
    show(p);
  });
  void importProgress.getValue().then((p) => watched || show(p));

  return {
    element,
    outcome(id) {
      const done = finished.get(id);
      return done ? Promise.resolve(done) : new Promise((resolve) => waiting.set(id, resolve));
    },
  };
}

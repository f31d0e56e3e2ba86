/**
 * The popup's sync line (issue 15.3): the last sync time and counts, progress while it runs, the
 * failure in words, and *Sync now*; hidden while no server is connected (options → Sync). A sync
 * that changes the archive reloads the list.
 */
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { syncStatus, type SyncStatus } from '@/lib/settings/sync';
import { syncStatusLine } from '@/lib/sync/status-text';
import { button, h } from '@/lib/ui/dom';

/** `onArchiveChanged`: a sync that ended brought articles in or deleted some here (the list reloads). */
export function createSyncStatus(doc: Document, onArchiveChanged: () => void): HTMLElement {
  const text = h(doc, 'span', { className: 'sync-text', testid: 'sync-status-text' });
  const now = button(
    doc,
    t('syncNow'),
    () => {
      now.disabled = true;
      void sendMessage('syncNow', undefined)
        .then(show)
        .finally(() => (now.disabled = false));
    },
    { className: 'sync-now', testid: 'popup-sync-now' },
  );
  const line = h(
    doc,
    'p',
    { className: 'sync-status', testid: 'sync-status', attrs: { role: 'status', 'aria-live': 'polite' } },
    text,
    now,
  );
  let shown: SyncStatus | null = null;
  const show = (status: SyncStatus) => {
    const ended = shown !== null && status.lastSyncAt !== shown.lastSyncAt;
    shown = status;
    if (ended && status.lastReport && status.lastReport.pulled + status.lastReport.deletedHere > 0) onArchiveChanged();
    line.hidden = status.state === 'off';
    line.dataset.state = status.state;
    text.textContent = syncStatusLine(status);
    now.disabled = status.state === 'running';
  };
  line.hidden = true;
  void syncStatus.getValue().then(show);
  syncStatus.watch(show);
  return line;
}

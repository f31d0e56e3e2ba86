/** The sync's state and failures in words (options page and popup), in the UI language. */
import { t, uiLang } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/settings/sync';
import { formatDate } from '@/lib/ui/dates';
import type { SyncErrorCode } from './errors';

const ERROR_TEXT = {
  auth: 'syncErrorAuth',
  'read-only': 'syncErrorReadOnly',
  'no-folder': 'syncErrorNoFolder',
  'not-webdav': 'syncErrorNotWebdav',
  unreachable: 'syncErrorUnreachable',
  tls: 'syncErrorTls',
  server: 'syncErrorServer',
  'newer-format': 'syncErrorNewerFormat',
  permission: 'syncErrorPermission',
  busy: 'syncErrorBusy',
  'bad-url': 'syncErrorBadUrl',
  insecure: 'syncErrorInsecure',
} as const satisfies Record<SyncErrorCode, Parameters<typeof t>[0]>;

export const syncErrorText = (code: SyncErrorCode): string => t(ERROR_TEXT[code]);

/** One line: running with progress, the failure, or the last sync with its counts. */
export function syncStatusLine(status: SyncStatus): string {
  if (status.state === 'off') return t('syncOff');
  if (status.state === 'running')
    return t('syncRunning', [String(status.progress?.done ?? 0), String(status.progress?.total ?? 0)]);
  const parts: string[] = [];
  if (status.error) parts.push(syncErrorText(status.error.code));
  const report = status.lastReport;
  parts.push(
    status.lastSyncAt && report
      ? t('syncLast', [formatDate(status.lastSyncAt, uiLang()), String(report.pulled), String(report.pushed)])
      : t('syncNever'),
  );
  if (report && report.problems.length > 0) parts.push(t('syncProblems', String(report.problems.length)));
  return parts.join(' ');
}

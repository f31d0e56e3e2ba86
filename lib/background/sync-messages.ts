/** The sync's messages (lib/background/sync-job.ts), taken from the extension's own pages only. */
import type { Browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { syncStatus } from '@/lib/settings/sync';
import type { Connection } from '@/lib/sync/remote';
import { fromExtensionPage } from './archive-messages';
import { connect, disconnect, runSync, testConnection } from './sync-job';

const MAX_FIELD = 2048;

/** A connection as the options page sends it: four strings of sane length, else null. */
function readConnection(data: unknown): Connection | null {
  if (typeof data !== 'object' || data === null) return null;
  const { url, user, password, folder } = data as Record<string, unknown>;
  const fields = [url, user, password, folder];
  if (!fields.every((f): f is string => typeof f === 'string' && f.length <= MAX_FIELD)) return null;
  const name = (folder as string).trim().replace(/^\/+|\/+$/g, '');
  if (name.split('/').some((part) => part === '..' || part === '.')) return null;
  return { url: url as string, user: user as string, password: password as string, folder: name };
}

export function registerSyncMessages(fromUs: (sender: Browser.runtime.MessageSender) => boolean): void {
  const allowed = (sender: Browser.runtime.MessageSender) => fromUs(sender) && fromExtensionPage(sender);
  const refused = { ok: false as const, code: 'bad-url' as const, message: 'unknown sender or malformed connection' };
  onMessage('testSync', ({ data, sender }) => {
    const c = allowed(sender) ? readConnection(data) : null;
    return c ? testConnection(c) : refused;
  });
  onMessage('connectSync', ({ data, sender }) => {
    const c = allowed(sender) ? readConnection(data) : null;
    return c ? connect(c) : refused;
  });
  onMessage('disconnectSync', ({ sender }) => (allowed(sender) ? disconnect() : undefined));
  onMessage('syncNow', ({ sender }) => (allowed(sender) ? runSync() : syncStatus.getValue()));
}

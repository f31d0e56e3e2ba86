/**
 * The background's sync with the user's WebDAV server (lib/sync/engine.ts): on demand (popup,
 * options), a few seconds after the archive changes (saves, deletes, imports — debounced), and
 * every SYNC_PERIOD_MINUTES on an alarm. One run at a time: a request during a run makes it go once
 * more after. A failure is kept in the status with its reason and retried on an alarm after 1, 2,
 * 4 … 60 minutes. Nothing runs unless the user connected a server and granted its origin.
 */
import { browser } from 'wxt/browser';
import { serialize, type ArchiveDb } from '@/lib/archive';
import { syncClientId, syncConnection, syncStatus, SYNC_OFF, type SyncStatus } from '@/lib/settings/sync';
import { syncArchive, type SyncProgress } from '@/lib/sync/engine';
import { mergeFixes } from '@/lib/clean/site-fixes';
import { mergeCorrections, personalCorrections } from '@/lib/settings/corrections';
import { siteFixes } from '@/lib/settings/site-fixes';
import { SyncError, type SyncCheck, type SyncErrorCode } from '@/lib/sync/errors';
import { withNetworkReasons } from '@/lib/sync/network-failure';
import { checkServerUrl } from '@/lib/sync/origin';
import { Remote, type Connection } from '@/lib/sync/remote';
import { onArchiveChanged } from './archive-changed';
import { archive } from './archive-service';
import { startRematch } from './rematch-job';
import { sanitizeBodies } from './sanitize-host';

export const SYNC_ALARM = 'vietlao-sync';
export const SYNC_PERIOD_MINUTES = 30;
/** Changes within this long of each other make one sync. */
export const SYNC_DEBOUNCE_MS = 4000;
const MAX_RETRY_MINUTES = 60;

const failure = (error: unknown): { code: SyncErrorCode; message: string } =>
  error instanceof SyncError
    ? { code: error.code, message: error.message }
    : { code: 'server', message: error instanceof Error ? error.message : String(error) };

async function mayReach(connection: Connection): Promise<boolean> {
  const checked = checkServerUrl(connection.url);
  return checked.ok && (await browser.permissions.contains({ origins: [checked.permission] }).catch(() => false));
}

/** Can the extension reach and log in to this server, and is it WebDAV? (Options → Test connection.) */
export async function testConnection(connection: Connection): Promise<SyncCheck> {
  const checked = checkServerUrl(connection.url);
  if (!checked.ok) return { ok: false, code: checked.code, message: connection.url };
  if (!(await mayReach(connection))) return { ok: false, code: 'permission', message: checked.origin };
  try {
    await withNetworkReasons(checked.url, () => new Remote({ ...connection, url: checked.url }).checkBase());
    return { ok: true };
  } catch (error) {
    return { ok: false, ...failure(error) };
  }
}

/** Connect: test, then keep the connection and sync at once. A new server or folder starts afresh. */
export async function connect(connection: Connection): Promise<SyncCheck> {
  const tested = await testConnection(connection);
  if (!tested.ok) return tested;
  const url = (checkServerUrl(connection.url) as { url: string }).url;
  const previous = await syncConnection.getValue();
  const db = await archive();
  if (!previous || previous.url !== url || previous.folder !== connection.folder) await db.remoteFiles.clear();
  await syncConnection.setValue({ ...connection, url });
  await syncStatus.setValue({ ...SYNC_OFF, state: 'idle' });
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  void runSync();
  return { ok: true };
}

/** Disconnect: forget the credentials and what was known of the server (the options page removes the permission). */
export async function disconnect(): Promise<void> {
  await syncConnection.setValue(null);
  await syncStatus.setValue(SYNC_OFF);
  await browser.alarms.clear(SYNC_ALARM);
  await (await archive()).remoteFiles.clear();
}

let running: Promise<SyncStatus> | null = null;
let again = false;

/** Sync now (a call during a run makes it sync once more after); the status it ended with. */
export function runSync(db: () => Promise<ArchiveDb> = archive): Promise<SyncStatus> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let status: SyncStatus;
    do {
      again = false;
      status = await syncOnce(db);
    } while (again && status.state === 'idle');
    return status;
  })().finally(() => (running = null));
  return running;
}

async function syncOnce(db: () => Promise<ArchiveDb>): Promise<SyncStatus> {
  const connection = await syncConnection.getValue();
  const before = await syncStatus.getValue();
  if (!connection) return SYNC_OFF;
  if (!(await mayReach(connection))) {
    const status: SyncStatus = {
      ...before,
      state: 'error',
      progress: null,
      error: { code: 'permission', message: connection.url },
    };
    await syncStatus.setValue(status);
    return status;
  }
  let lastWrite = 0;
  const onProgress = (progress: SyncProgress) => {
    const now = Date.now();
    if (now - lastWrite < 250 && progress.done < progress.total) return; // the popup needs no more
    lastWrite = now;
    void syncStatus.setValue({ ...before, state: 'running', progress });
  };
  await syncStatus.setValue({ ...before, state: 'running', progress: null });
  try {
    const report = await withNetworkReasons(connection.url, async () =>
      syncArchive(await db(), new Remote(connection), {
        sanitize: sanitizeBodies,
        exclusive: serialize,
        onProgress,
        clientId: await syncClientId.getValue(),
        personal: {
          read: async () => ({ siteFixes: await siteFixes.getValue(), ...(await personalCorrections()) }),
          merge: async (p) => {
            if (p.siteFixes) await siteFixes.setValue(mergeFixes(await siteFixes.getValue(), p.siteFixes));
            // (the re-match follows them)
            if (p.corrections?.length || p.removedCorrections?.length)
              await mergeCorrections(p.corrections ?? [], p.removedCorrections);
          },
        },
      }),
    );
    const status: SyncStatus = {
      state: 'idle',
      lastSyncAt: new Date().toISOString(),
      lastReport: report,
      error: report.readOnly ? { code: 'read-only', message: connection.url } : null,
      progress: null,
      failures: 0,
    };
    await syncStatus.setValue(status);
    // Pulled articles were matched by another browser's recogniser: bring them to this one's.
    if (report.pulled > 0) void startRematch();
    return status;
  } catch (error) {
    const failures = before.failures + 1;
    const status: SyncStatus = { ...before, state: 'error', progress: null, error: failure(error), failures };
    await syncStatus.setValue(status);
    const delayInMinutes = Math.min(MAX_RETRY_MINUTES, 2 ** (failures - 1));
    await browser.alarms.create(`${SYNC_ALARM}-retry`, { delayInMinutes }).catch(() => undefined);
    return status;
  }
}

let debounce: ReturnType<typeof setTimeout> | undefined;

/** The archive changed: sync a few seconds after the last change (when connected). */
function syncSoon(): void {
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    void syncConnection.getValue().then((c) => (c ? runSync() : undefined));
  }, SYNC_DEBOUNCE_MS);
}

/** At background start: the alarms (a run when one fires), and a sync if the last one failed. */
export function startSyncJob(): void {
  onArchiveChanged(syncSoon);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === `${SYNC_ALARM}-retry`) void runSync();
  });
  void syncConnection.getValue().then(async (c) => {
    if (!c) return;
    if (!(await browser.alarms.get(SYNC_ALARM)))
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    const status = await syncStatus.getValue();
    if (status.state === 'running') await syncStatus.setValue({ ...status, state: 'idle', progress: null }); // cut off by a restart
  });
}

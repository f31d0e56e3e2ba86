/**
 * Sync settings and state, in the browser's local extension storage (never synced by the browser,
 * never sent anywhere but to the user's own server). The app password is kept here as the user
 * typed it: browser extensions have no OS keychain to put it in (README → Sync says so and asks
 * for an app password, which the server lets the user revoke on its own).
 */
import { storage } from 'wxt/utils/storage';
import type { SyncErrorCode } from '@/lib/sync/errors';
import type { SyncProgress, SyncReport } from '@/lib/sync/engine';
import type { Connection } from '@/lib/sync/remote';

/** Null: sync is off. */
export const syncConnection = storage.defineItem<Connection | null>('local:syncConnection', {
  fallback: null,
  version: 1,
});

export interface SyncStatus {
  state: 'off' | 'idle' | 'running' | 'error';
  /** ISO 8601 of the last sync that completed. */
  lastSyncAt: string | null;
  lastReport: SyncReport | null;
  error: { code: SyncErrorCode; message: string } | null;
  progress: SyncProgress | null;
  /** Failures in a row (the retry waits 1, 2, 4 … 60 minutes). */
  failures: number;
}

export const SYNC_OFF: SyncStatus = {
  state: 'off',
  lastSyncAt: null,
  lastReport: null,
  error: null,
  progress: null,
  failures: 0,
};

export const syncStatus = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: SYNC_OFF,
  version: 1,
});

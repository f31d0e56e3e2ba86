/**
 * How far the background is in matching the archive again (lib/background/rematch-job.ts), for
 * the popup's progress line: local storage only.
 */
import { storage } from 'wxt/utils/storage';

export interface RematchProgress {
  /** The recogniser version the archive is being brought to. */
  version: string;
  done: number;
  total: number;
  /** ISO time the last run finished; null while one runs. */
  finishedAt: string | null;
}

export const rematchProgress = storage.defineItem<RematchProgress | null>('local:rematchProgress', {
  fallback: null,
  version: 1,
});

/**
 * The import the background is running, or the last one's outcome (lib/background/import-job.ts),
 * for every open popup: the one that started it and one opened later (which re-attaches to it).
 * Session storage: gone with the browser session, as the import itself.
 */
import { storage } from 'wxt/utils/storage';
import type { ImportPhase } from '@/lib/archive';
import type { ImportOutcome } from '@/lib/messaging';

export interface ImportProgress {
  /** The import's random id (the popup that started it waits for this one's outcome). */
  job: string;
  /** 'finished': `outcome` says how. */
  phase: ImportPhase | 'finished';
  /** Articles of the file checked (phase 'checking') or written (or skipped; 'writing') of `total`. */
  done: number;
  total: number;
  /** The user asked to cancel (the rollback may still be running). */
  cancelling: boolean;
  outcome: ImportOutcome | null;
}

export const importProgress = storage.defineItem<ImportProgress | null>('session:importProgress', {
  fallback: null,
  version: 1,
});

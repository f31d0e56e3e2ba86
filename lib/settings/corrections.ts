/**
 * The user's corrections to the highlights (lib/entities/corrections.ts): local storage, never
 * synced by the browser; they travel only with the user's JSON export and to their own sync
 * server (lib/sync/). Versioned: a change of the stored shape gets the next
 * version and a migration in CORRECTION_MIGRATIONS (keyed by the version it migrates to; WXT runs
 * them in order on first access). Every read keeps only the entries that pass the check
 * (lib/entities/correction-check.ts): a damaged entry is dropped, never the whole list.
 */
import { storage } from 'wxt/utils/storage';
import { keepValid, keepValidRemovals } from '@/lib/entities/correction-check';
import {
  addCorrection,
  mergeCorrectionSets,
  removalOf,
  type Correction,
  type CorrectionRemoval,
  type CorrectionSet,
  type NewCorrection,
} from '@/lib/entities/corrections';

export const CORRECTIONS_VERSION = 1;

/** Migrations of the stored value, by the version they produce (none yet: version 1 is the first shape). */
export const CORRECTION_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {};

export const correctionsItem = storage.defineItem<Correction[]>('local:corrections', {
  fallback: [],
  version: CORRECTIONS_VERSION,
  migrations: CORRECTION_MIGRATIONS,
});

/**
 * The corrections the user removed (spelling, scope, when), so that a sync or an import does not
 * bring them back (lib/entities/corrections.ts mergeCorrectionSets). Its own item: the stored
 * corrections keep their shape.
 */
export const correctionRemovalsItem = storage.defineItem<CorrectionRemoval[]>('local:correctionRemovals', {
  fallback: [],
  version: 1,
});

const readRemovals = async () => keepValidRemovals(await correctionRemovalsItem.getValue().catch(() => []));

/** What travels with the archive (export, sync): the corrections and the removals. */
async function readCorrectionSet(): Promise<CorrectionSet> {
  return { corrections: await readCorrections(), removals: await readRemovals() };
}

/** The corrections part of the archive file's `personal` (export and sync). */
export async function personalCorrections(): Promise<{
  corrections: Correction[];
  removedCorrections: CorrectionRemoval[];
}> {
  return { corrections: await readCorrections(), removedCorrections: await readRemovals() };
}

/** Record that `removed` were removed now. */
async function recordRemovals(removed: readonly Correction[]): Promise<void> {
  if (!removed.length) return;
  const at = new Date().toISOString();
  const merged = mergeCorrectionSets(
    { corrections: [], removals: await readRemovals() },
    { corrections: [], removals: removed.map((c) => removalOf(c, at)) },
    () => crypto.randomUUID(),
  );
  await correctionRemovalsItem.setValue(merged.removals);
}

/** The stored corrections that pass the check. */
export async function readCorrections(): Promise<Correction[]> {
  return keepValid(await correctionsItem.getValue().catch(() => []));
}

/** Store `next` (replacing a correction of the same spelling in the same scope); the new list. */
export async function addUserCorrection(next: NewCorrection): Promise<Correction[]> {
  const list = addCorrection(await readCorrections(), next, crypto.randomUUID(), new Date().toISOString());
  await correctionsItem.setValue(list);
  return list;
}

/** Remove one correction; its removal is recorded, for the other computers of a sync. */
export async function removeCorrection(id: string): Promise<void> {
  const list = await readCorrections();
  await correctionsItem.setValue(list.filter((c) => c.id !== id));
  await recordRemovals(list.filter((c) => c.id === id));
}

/** Replace one correction (edited in options); its time becomes now. */
export async function replaceCorrection(edited: Correction): Promise<void> {
  const list = await readCorrections();
  const at = new Date().toISOString();
  await correctionsItem.setValue(list.map((c) => (c.id === edited.id ? { ...edited, at } : c)));
  // an edit that changed the spelling or scope removed the old one
  const before = list.find((c) => c.id === edited.id);
  if (before && (before.surface !== edited.surface || JSON.stringify(before.scope) !== JSON.stringify(edited.scope)))
    await recordRemovals([before]);
}

/**
 * Merge imported corrections and removals (a file, the sync folder) with the stored ones, per
 * spelling and scope: the latest act wins, a correction or its removal.
 */
export async function mergeCorrections(
  imported: readonly Correction[],
  removals: readonly CorrectionRemoval[] = [],
): Promise<void> {
  const merged = mergeCorrectionSets(await readCorrectionSet(), { corrections: imported, removals }, () =>
    crypto.randomUUID(),
  );
  await correctionsItem.setValue(keepValid(merged.corrections));
  await correctionRemovalsItem.setValue(merged.removals);
}

/** Call `changed` with the checked list whenever the stored corrections change (returns the unwatch). */
export function watchCorrections(changed: (list: Correction[]) => void): () => void {
  return correctionsItem.watch((next) => changed(keepValid(next)));
}

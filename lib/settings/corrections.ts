/**
 * The user's corrections to the highlights (lib/entities/corrections.ts): local storage, never
 * synced by the browser; they travel only with the user's JSON export and to their own sync
 * server (lib/sync/). Versioned: a change of the stored shape gets the next
 * version and a migration in CORRECTION_MIGRATIONS (keyed by the version it migrates to; WXT runs
 * them in order on first access). Every read keeps only the entries that pass the check
 * (lib/entities/correction-check.ts): a damaged entry is dropped, never the whole list.
 */
import { storage } from 'wxt/utils/storage';
import { keepValid } from '@/lib/entities/correction-check';
import { addCorrection, type Correction, type NewCorrection } from '@/lib/entities/corrections';

export const CORRECTIONS_VERSION = 1;

/** Migrations of the stored value, by the version they produce (none yet: version 1 is the first shape). */
export const CORRECTION_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {};

export const correctionsItem = storage.defineItem<Correction[]>('local:corrections', {
  fallback: [],
  version: CORRECTIONS_VERSION,
  migrations: CORRECTION_MIGRATIONS,
});

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

export async function removeCorrection(id: string): Promise<void> {
  await correctionsItem.setValue((await readCorrections()).filter((c) => c.id !== id));
}

/** Replace one correction (edited in options); its time becomes now. */
export async function replaceCorrection(edited: Correction): Promise<void> {
  const list = await readCorrections();
  const at = new Date().toISOString();
  await correctionsItem.setValue(list.map((c) => (c.id === edited.id ? { ...edited, at } : c)));
}

/** Merge imported corrections: an imported one replaces a stored one of the same spelling and scope. */
export async function mergeCorrections(imported: readonly Correction[]): Promise<void> {
  let list = await readCorrections();
  for (const c of imported) {
    const { id, at, ...rest } = c;
    list = addCorrection(list, rest, list.some((k) => k.id === id) ? crypto.randomUUID() : id, at);
  }
  await correctionsItem.setValue(keepValid(list));
}

/** Call `changed` with the checked list whenever the stored corrections change (returns the unwatch). */
export function watchCorrections(changed: (list: Correction[]) => void): () => void {
  return correctionsItem.watch((next) => changed(keepValid(next)));
}

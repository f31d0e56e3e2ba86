/**
 * "The user changed the archive": saves, deletes and their undos, imports and their undos call
 * `archiveChanged()`; whoever follows the archive (the sync job) listens with `onArchiveChanged`.
 * Kept apart so the writers need not know who listens (and no import cycle forms).
 */
const listeners = new Set<() => void>();

export function onArchiveChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function archiveChanged(): void {
  for (const listener of listeners) listener();
}
